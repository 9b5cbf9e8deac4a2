using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;

namespace HipPain.Rules.Tests.Docs;

public sealed class KnowledgeBaseDocumentTests
{
    [Fact]
    public void KnowledgeBaseDocument_Committed_MatchesTheBuiltInBase()
    {
        var root = VignetteSet.FindRepositoryRoot(AppContext.BaseDirectory);
        var path = Path.Combine(root, KnowledgeBaseDocument.RelativePath);
        var expected = GeneratedSection.Splice(File.ReadAllText(path), KnowledgeBaseDocument.Render(BuiltInKnowledgeBase.Instance));
        if (Environment.GetEnvironmentVariable("HIPPAIN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(
            expected == actual,
            $"{KnowledgeBaseDocument.RelativePath} is stale: the built-in knowledge base changed. Regenerate it with 'HIPPAIN_UPDATE_DOCS=1 dotnet test -c Release' and commit it.");
    }

    [Fact]
    public void Render_BuiltInBase_ListsEveryCauseFindingAndRedFlag()
    {
        var kb = BuiltInKnowledgeBase.Instance;

        var text = KnowledgeBaseDocument.Render(kb);

        Assert.All(kb.Causes, c => Assert.Contains($"### {c.Id}", text, StringComparison.Ordinal));
        Assert.All(kb.Findings, f => Assert.Contains($"`{f.Id}`", text, StringComparison.Ordinal));
        Assert.All(kb.RedFlags, f => Assert.Contains($"`{f.Id}`", text, StringComparison.Ordinal));
    }
}
