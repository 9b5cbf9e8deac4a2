using HipPain.Rules.TestKit;
namespace HipPain.Rules.Samples.Web.Tests;

/// <summary>docs/web.md quotes the sample's Program.cs verbatim, so the hosting recipe it shows is the one the tests run.</summary>
public sealed class DocsSnippetTests
{
    [Theory]
    [InlineData("registration")]
    [InlineData("endpoints")]
    public void WebDoc_QuotesTheSampleRegion_Verbatim(string region)
    {
        var code = DocsRegion.Of(File.ReadAllText(Path.Combine(Repository.Root, "samples/HipPain.Rules.Samples.Web/Program.cs")), region);

        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs/web.md")).ReplaceLineEndings("\n");

        Assert.Contains(code, text, StringComparison.Ordinal);
    }

    [Fact]
    public void WebDoc_ShowsScreenshotsThatExist()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs/web.md"));

        foreach (var image in new[] { "images/web-desktop.png", "images/web-phone.png" })
        {
            Assert.Contains($"]({image})", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Repository.Root, "docs", image)), image);
        }
    }
}
