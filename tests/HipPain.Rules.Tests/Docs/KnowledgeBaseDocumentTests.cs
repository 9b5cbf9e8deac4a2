using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Docs;

public sealed class KnowledgeBaseDocumentTests
{
    [Fact]
    public void KnowledgeBaseDocument_Committed_MatchesTheBuiltInBase()
    {
        var current = File.ReadAllText(Repository.PathOf(KnowledgeBaseDocument.RelativePath));
        var expected = GeneratedSection.Splice(current, KnowledgeBaseDocument.Render(BuiltInKnowledgeBase.Instance));

        GoldenFile.AssertCurrent(KnowledgeBaseDocument.RelativePath, expected, "the built-in knowledge base changed");
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
