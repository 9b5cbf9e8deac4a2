using HipPain.Rules.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

/// <summary>Relative pack paths: the configured content root, else the host's (see HostStartTests), else the application's folder.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public void Resolve_ContentRootPathSet_RelativePathsResolvedAgainstIt()
    {
        using var folder = new TestBases.TempFolder();
        folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create("from-root")));
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.ContentRootPath = folder.Path;
                o.UseKnowledgeBaseFile("base.knowledge-base.json");
            })
            .BuildServiceProvider();

        Assert.Equal("from-root", provider.GetRequiredService<KnowledgeBase>().Id);
    }

    [Fact]
    public void Resolve_NoHostNoContentRoot_ResolvedAgainstTheApplicationsFolderNotTheCurrentDirectory()
    {
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile("no-such.knowledge-base.json")).BuildServiceProvider();

        var ex = Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<KnowledgeBase>());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPD003", "$.KnowledgeBasePath"), (problem.Code, problem.Path));
        Assert.StartsWith($"The file '{Path.Combine(AppContext.BaseDirectory, "no-such.knowledge-base.json")}' cannot be read: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AbsolutePath_KeptWhateverTheContentRoot()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create("absolute")));
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.ContentRootPath = AppContext.BaseDirectory;
                o.UseKnowledgeBaseFile(path);
            })
            .BuildServiceProvider();

        Assert.Equal("absolute", provider.GetRequiredService<KnowledgeBase>().Id);
    }

    [Fact]
    public void Resolve_RelativeContentRootPath_HPD005()
    {
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.ContentRootPath = "relative/root";
                o.UseKnowledgeBase(TestBases.Create());
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<KnowledgeBase>());

        Assert.Equal("HPD005 at $.ContentRootPath: ContentRootPath is 'relative/root'; it must be an absolute path.", Assert.Single(ex.Problems).ToString());
    }
}
