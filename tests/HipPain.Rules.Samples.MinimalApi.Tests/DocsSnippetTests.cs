using HipPain.Rules.TestKit;
namespace HipPain.Rules.Samples.MinimalApi.Tests;

/// <summary>The docs quote the sample's code verbatim, so the example they show is the one the tests run.</summary>
public sealed class DocsSnippetTests
{
    public static TheoryData<string, string> Quotes => new()
    {
        { "docs/json-packs.md", "registration" },
        { "docs/json-packs.md", "triage" },
        { "docs/results.md", "triage" },
        { "docs/results.md", "interview" },
        { "src/HipPain.Rules.DependencyInjection/README.md", "triage" },
    };

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Docs_QuoteTheSampleRegion_Verbatim(string document, string region)
    {
        var code = DocsRegion.Of(File.ReadAllText(Path.Combine(Repository.Root, "samples/HipPain.Rules.Samples.MinimalApi/Program.cs")), region);

        var text = File.ReadAllText(Path.Combine(Repository.Root, document)).ReplaceLineEndings("\n");

        Assert.Contains(code, text, StringComparison.Ordinal);
    }
}
