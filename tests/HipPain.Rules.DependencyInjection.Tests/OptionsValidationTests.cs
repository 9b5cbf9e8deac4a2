using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;
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

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPD001", "$.KnowledgeBaseFactory", "No knowledge base is configured: call UseKnowledgeBase(...) or UseKnowledgeBaseFile(...)."), (problem.Code, problem.Path, problem.Message));
        Assert.StartsWith("The HipPain.Rules configuration is invalid (1 problem):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NotAtRegistration_OnlyAtFirstResolution()
    {
        var services = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile("/no/such/file.json"));

        using var provider = services.BuildServiceProvider();

        Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<IKnowledgeBaseProvider>());
    }

    [Fact]
    public void Resolve_ManyProblems_ListsEveryFailureAndReadsNoFileWithInvalidJsonLimits()
    {
        using var folder = new TestBases.TempFolder();
        var badOverlay = folder.Write("bad.overlay.json", "{ \"formatVersion\": 1, ");

        var ex = Resolve(o =>
        {
            o.UseKnowledgeBase(TestBases.Create()).UseKnowledgeBaseFile(Path.Combine(folder.Path, "missing.json"));
            o.AddOverlayFile(Path.Combine(folder.Path, "missing.overlay.json")).AddOverlayFile(badOverlay);
            o.Triage.LeadingCauseCount = 0;
            o.Json.MaximumDepth = 100;
        });

        Assert.Equal(["HPD002", "HPD005", "HPD005", "HPD003"], ex.Problems.Select(p => p.Code));
        Assert.StartsWith("Both a knowledge-base delegate and the file", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(("$.Triage.LeadingCauseCount", "Triage.LeadingCauseCount is 0; it must be between 1 and 50."), (ex.Problems[1].Path, ex.Problems[1].Message));
        Assert.Equal(("$.Json.MaximumDepth", "Json.MaximumDepth is 100; it must be between 1 and 64."), (ex.Problems[2].Path, ex.Problems[2].Message));
        Assert.Equal("$.Overlays[0]", ex.Problems[3].Path);
        Assert.Contains(Path.Combine(folder.Path, "missing.overlay.json"), ex.Problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InvalidBaseFileAndThrowingDelegate_NamesTheCodes()
    {
        using var folder = new TestBases.TempFolder();
        var json = TestBases.Json(TestBases.Create()).Replace("\"prior\": 0.3", "\"prior\": 3", StringComparison.Ordinal);
        var path = folder.Write("base.knowledge-base.json", json);

        var ex = Resolve(o => o.UseKnowledgeBaseFile(path));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPK005", path, "$.causes[0].prior"), (problem.Code, problem.Source, problem.Path));
    }

    [Fact]
    public void Resolve_ProblemsOfEveryKind_PathsInTheOneGrammarWithFileProblemsSourced()
    {
        using var folder = new TestBases.TempFolder();
        var basePath = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()).Replace("\"prior\": 0.3", "\"prior\": 3", StringComparison.Ordinal));
        var overlayPath = folder.Write("bad.overlay.json", "{\n  \"formatVersion\": 1,\n  \"id\": oops\n}");
        using var provider = new ServiceCollection()
            .AddHipPainRules(_ => throw new InvalidOperationException("boom"))
            .AddHipPainRules(o =>
            {
                o.UseKnowledgeBaseFile(basePath).AddOverlayFile(overlayPath).AddOverlayFile(Path.Combine(folder.Path, "missing.overlay.json"));
                o.Triage.LeadingCauseCount = 0;
                o.Interview.MaximumQuestions = 0;
            })
            .BuildServiceProvider();

        var problems = Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<TriageEngine>()).Problems;

        Assert.Equal(
            [("HPD004", null, "$"), ("HPD005", null, "$.Triage.LeadingCauseCount"), ("HPD005", null, "$.Interview.MaximumQuestions"), ("HPK005", basePath, "$.causes[0].prior"), ("HPJ001", overlayPath, "$.id"), ("HPD003", null, "$.Overlays[1]")],
            problems.Select(p => (p.Code, p.Source, p.Path)));
        Assert.All(problems, p => Assert.Matches(ProblemPathGrammar.Regex(), p.Path));
        Assert.All(problems, p => Assert.Equal(ValidationSeverity.Error, p.Severity));
        Assert.Equal((3L, 9L), (problems[4].LineNumber, problems[4].BytePositionInLine));
    }

    [Fact]
    public void Resolve_DelegateThrows_ReportsIt()
    {
        var ex = Resolve(o => o.UseKnowledgeBase(() => throw new InvalidOperationException("not ready")));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPD004", "$.KnowledgeBaseFactory", "The knowledge-base delegate threw InvalidOperationException: not ready"), (problem.Code, problem.Path, problem.Message));
    }

    [Fact]
    public void Resolve_OverlayConflictsWithBase_ReportsCodeAndPath()
    {
        var ex = Resolve(o => o.UseKnowledgeBase(TestBases.Create()).AddOverlay(OverlayJson.Read(TestBases.PriorOverlay("no-such-cause", 0.2))));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPK051", "$.Overlays[0]", "$.priors[0].cause"), (problem.Code, problem.Source, problem.Path));
    }

    [Fact]
    public void Resolve_MalformedBaseFile_NamesLineAndPosition()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", "{\n  \"formatVersion\": 1,\n  \"id\": oops\n}");

        var problem = Assert.Single(Resolve(o => o.UseKnowledgeBaseFile(path)).Problems);

        Assert.Equal(("HPJ001", path, "$.id"), (problem.Code, problem.Source, problem.Path));
        Assert.Equal((3L, 9L), (problem.LineNumber, problem.BytePositionInLine));
        Assert.StartsWith($"HPJ001 at {path}:$.id (line 3, byte 9): ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ConfigureThrows_ReportedWithTheOtherFailures()
    {
        var ex = Resolve(o => throw new InvalidOperationException("boom"));

        Assert.Equal(
            ["HPD004 at $: The configure delegate of AddHipPainRules call #1 threw InvalidOperationException: boom", "HPD001 at $.KnowledgeBaseFactory: No knowledge base is configured: call UseKnowledgeBase(...) or UseKnowledgeBaseFile(...)."],
            ex.Problems.Select(p => p.ToString()));
    }
}
