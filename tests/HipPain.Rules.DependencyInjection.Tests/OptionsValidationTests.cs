using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

public sealed class OptionsValidationTests
{
    private static HipPainRulesOptionsException Resolve(Action<HipPainRulesOptions>? configure)
    {
        using var provider = new ServiceCollection().AddHipPainRules(configure).BuildServiceProvider();
        return Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<TriageEngine>());
    }

    [Fact]
    public void Resolve_NoBase_ListsTheFailure()
    {
        var ex = Resolve(null);

        Assert.Equal(["No knowledge base is configured: call UseKnowledgeBase(...) or UseKnowledgeBaseFile(...)."], ex.Failures);
        Assert.StartsWith("The HipPain.Rules options are invalid (1 failure):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NotAtRegistration_OnlyAtFirstResolution()
    {
        var services = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile("/no/such/file.json"));

        using var provider = services.BuildServiceProvider();

        Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<IKnowledgeBaseProvider>());
    }

    [Fact]
    public void Resolve_ManyProblems_ListsEveryFailure()
    {
        using var folder = new TestBases.TempFolder();
        var badOverlay = folder.Write("bad.overlay.json", "{ \"formatVersion\": 1, ");

        var ex = Resolve(o =>
        {
            o.UseKnowledgeBase(TestBases.Create()).UseKnowledgeBaseFile(Path.Combine(folder.Path, "missing.json"));
            o.AddOverlayFile(Path.Combine(folder.Path, "missing.overlay.json")).AddOverlayFile(badOverlay);
            o.Triage.LeadingCauseCount = 0;
            o.Json.MaxDepth = 100;
        });

        Assert.Equal(5, ex.Failures.Length);
        Assert.StartsWith("Both a knowledge-base delegate and the file", ex.Failures[0], StringComparison.Ordinal);
        Assert.Equal("Triage.LeadingCauseCount is 0; it must be between 1 and 50.", ex.Failures[1]);
        Assert.Equal("Json.MaxDepth is 100; it must be between 1 and 64.", ex.Failures[2]);
        Assert.StartsWith("overlay file '", ex.Failures[3], StringComparison.Ordinal);
        Assert.Contains("missing.overlay.json", ex.Failures[3], StringComparison.Ordinal);
        Assert.Contains("bad.overlay.json", ex.Failures[4], StringComparison.Ordinal);
        Assert.Contains("MaxDepth", ex.Failures[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InvalidBaseFileAndThrowingDelegate_NamesTheCodes()
    {
        using var folder = new TestBases.TempFolder();
        var json = TestBases.Json(TestBases.Create()).Replace("\"prior\": 0.3", "\"prior\": 3", StringComparison.Ordinal);
        var path = folder.Write("base.knowledge-base.json", json);

        var ex = Resolve(o => o.UseKnowledgeBaseFile(path));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("HPK005 at $.causes[0].prior", failure, StringComparison.Ordinal);
        Assert.Contains(path, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DelegateThrows_ReportsIt()
    {
        var ex = Resolve(o => o.UseKnowledgeBase(() => throw new InvalidOperationException("not ready")));

        Assert.Equal(["The knowledge-base delegate threw InvalidOperationException: not ready"], ex.Failures);
    }

    [Fact]
    public void Resolve_OverlayConflictsWithBase_ReportsCodeAndPath()
    {
        var ex = Resolve(o => o.UseKnowledgeBase(TestBases.Create()).AddOverlay(OverlayJson.Read(TestBases.PriorOverlay("no-such-cause", 0.2))));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("HPK051 at $.priors[0].cause", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MalformedBaseFile_NamesLineAndPosition()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", "{\n  \"formatVersion\": 1,\n  \"id\": oops\n}");

        var failure = Assert.Single(Resolve(o => o.UseKnowledgeBaseFile(path)).Failures);

        Assert.Contains("HPJ001 at $.id (line 3, byte 9)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConfigureThrows_ReportedWithTheOtherFailures()
    {
        var ex = Resolve(o => throw new InvalidOperationException("boom"));

        Assert.Equal(
            ["The configure delegate of AddHipPainRules call #1 threw InvalidOperationException: boom", "No knowledge base is configured: call UseKnowledgeBase(...) or UseKnowledgeBaseFile(...)."],
            ex.Failures);
    }
}
