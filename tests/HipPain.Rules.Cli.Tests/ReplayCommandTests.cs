using System.Text.Json;
using System.Text.Json.Nodes;
using HipPain.Rules.Cli;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Tests;

public class ReplayCommandTests
{
    private static readonly string SampleCases = CliRunner.Sample("samples/cases");
    private static readonly string BundledCases = CliRunner.Sample("samples/cases/bundled");
    private static readonly string EnduranceOverlay = CliRunner.Sample("samples/packs/endurance-clinic.overlay.json");

    [Fact]
    public void Replay_SameBaseOnBothSides_NothingChangedExit0()
    {
        var run = CliRunner.Run("replay", "--cases", SampleCases, "--fail-on", "urgency-drop", "--fail-on", "any-change");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var count = Directory.GetFiles(SampleCases, "*.json", SearchOption.AllDirectories).Length;
        Assert.Contains($"Summary: {count} cases: {count} unchanged, 0 changed, 0 errors", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_CandidateLowersAnUrgency_FailOnUrgencyDropExits3()
    {
        using var folder = new TempFolder();
        var candidate = folder.Write("candidate.json", BuiltInWithHotHipGatesRoutine());

        var run = CliRunner.Run("replay", "--cases", BundledCases, "--candidate", candidate, "--fail-on", "urgency-drop");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("hot-hip.case.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("urgency:   EMERGENCY -> ", run.Output, StringComparison.Ordinal);
        Assert.Contains("(drop)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"urgency raised 0, dropped [1-9]", run.Output);
        Assert.Matches(@"FAIL --fail-on urgency-drop: [1-9]\d* cases?", run.Output);
    }

    [Fact]
    public void Replay_UrgencyDropWithoutFailOn_ReportedButExit0()
    {
        using var folder = new TempFolder();
        var candidate = folder.Write("candidate.json", BuiltInWithHotHipGatesRoutine());

        var run = CliRunner.Run("replay", "--cases", BundledCases, "--candidate", candidate);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(drop)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_CandidateRaisesUrgency_FailOnUrgencyDropExit0()
    {
        using var folder = new TempFolder();
        var basePack = folder.Write("base.json", BuiltInWithHotHipGatesRoutine());

        var run = CliRunner.Run("replay", "--cases", BundledCases, "--base", basePack, "--candidate", folder.Write("candidate.json", KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance)), "--fail-on", "urgency-drop");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(raised)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"urgency raised [1-9]\d*, dropped 0", run.Output);
    }

    [Fact]
    public void Replay_OverlayFormatJson_EveryCaseMatchesTheEnginesOwnResults()
    {
        var run = CliRunner.Run("replay", "--cases", SampleCases, "--overlay", EnduranceOverlay, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("hippain-replay", root.GetProperty("format").GetString());
        Assert.Equal("endurance-clinic", root.GetProperty("candidate").GetProperty("id").GetString());
        var baseEngine = new TriageEngine(BuiltInKnowledgeBase.Instance);
        var candidateEngine = new TriageEngine(OverlayJson.Read(File.ReadAllText(EnduranceOverlay)).ApplyTo(BuiltInKnowledgeBase.Instance));
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(SampleCases, "*.json", SearchOption.AllDirectories).Length, cases.Count);
        var changed = 0;
        foreach (var c in cases)
        {
            var patientCase = CaseJson.Read(File.ReadAllText(Path.Combine(SampleCases, c.GetProperty("file").GetString()!)));
            var expectedBase = baseEngine.Triage(patientCase);
            var expectedCandidate = candidateEngine.Triage(patientCase);
            Assert.Equal(expectedBase.Leading.Cause.Id, c.GetProperty("base").GetProperty("leading").GetString());
            Assert.Equal(expectedCandidate.Leading.Cause.Id, c.GetProperty("candidate").GetProperty("leading").GetString());
            Assert.Equal(expectedCandidate.Differential.Take(3).Select(r => r.Cause.Id), c.GetProperty("candidate").GetProperty("topThree").EnumerateArray().Select(e => e.GetString()));
            var topChanged = !expectedBase.Differential.Take(3).Select(r => r.Cause.Id).ToHashSet().SetEquals(expectedCandidate.Differential.Take(3).Select(r => r.Cause.Id));
            Assert.Equal(topChanged, c.GetProperty("topThreeChanged").GetBoolean());
            Assert.Equal(expectedBase.Leading.Cause.Id != expectedCandidate.Leading.Cause.Id, c.GetProperty("leadingChanged").GetBoolean());
            changed += c.GetProperty("status").GetString() == "changed" ? 1 : 0;
        }

        Assert.Equal(changed, root.GetProperty("summary").GetProperty("changed").GetInt32());
    }

    [Fact]
    public void Replay_FailOnLeadingChange_Exit3OnlyWhenALeadingCauseChanges()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(BundledCases, "lateral-hip-runner.case.json"), Path.Combine(folder.Path, "lateral.case.json"));
        var overlay = folder.Write("gtps-rare.overlay.json", """
            { "formatVersion": 1, "id": "gtps-rare", "version": "1",
              "priors": [ { "cause": "gtps", "prior": 0.001,
                "priorEvidence": { "citation": "test", "level": "expertOpinion", "status": "estimated" } } ] }
            """);
        var cases = Path.Combine(folder.Path, "cases");
        Directory.CreateDirectory(cases);
        File.Move(Path.Combine(folder.Path, "lateral.case.json"), Path.Combine(cases, "lateral.case.json"));

        var run = CliRunner.Run("replay", "--cases", cases, "--overlay", overlay, "--fail-on", "leading-change");
        var unchanged = CliRunner.Run("replay", "--cases", cases, "--fail-on", "leading-change");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("leading:   gtps -> ", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, unchanged.ExitCode);
    }

    [Fact]
    public void Replay_InvalidCaseFile_ReportedOthersStillReplayedExit1()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(BundledCases, "hot-hip.case.json"), Path.Combine(folder.Path, "a-good.case.json"));
        folder.Write("b-unknown-code.case.json", """{ "formatVersion": 1, "observations": [ { "findingId": "exam.no-such-test", "state": "present" } ] }""");
        folder.Write("c-broken.case.json", "{ \"formatVersion\": 1, ");

        var run = CliRunner.Run("replay", "--cases", folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("b-unknown-code.case.json error", run.Output, StringComparison.Ordinal);
        Assert.Contains("HPC001", run.Output, StringComparison.Ordinal);
        Assert.Contains("c-broken.case.json error", run.Output, StringComparison.Ordinal);
        Assert.Contains("HPJ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Summary: 3 cases: 1 unchanged, 0 changed, 2 errors", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_CaseInvalidOnlyForTheCandidate_ErrorNamesTheCandidateSide()
    {
        using var folder = new TempFolder();
        var overlay = folder.Write("new-finding.overlay.json", """
            { "formatVersion": 1, "id": "with-new-finding", "version": "1",
              "addFindings": [ { "id": "exam.clinic-test", "name": "Clinic test", "kind": "examination" } ] }
            """);
        var cases = Path.Combine(folder.Path, "cases");
        Directory.CreateDirectory(cases);
        File.WriteAllText(Path.Combine(cases, "uses-new.case.json"), """{ "formatVersion": 1, "observations": [ { "findingId": "exam.clinic-test", "state": "present" } ] }""");

        var run = CliRunner.Run("replay", "--cases", cases, "--base-overlay", overlay);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("candidate: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("  base:      uses-new", run.Output, StringComparison.Ordinal);
        Assert.Contains("HPC001", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ManyCasesOnATerminal_ShowsProgressOnStandardError()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Path.Combine(BundledCases, "hot-hip.case.json"));
        for (var i = 0; i < Commands.ReplayCommand.ProgressThreshold; i++)
        {
            folder.Write($"case-{i:00}.case.json", text);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = HippainApp.Run(["replay", "--cases", folder.Path], new CliConsole(new StringReader(string.Empty), output, error, IsErrorTerminal: true));

        Assert.Equal(0, exit);
        Assert.Contains("Replaying 20 cases", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Replaying 20 cases", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_FewCases_NoProgress()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = HippainApp.Run(["replay", "--cases", BundledCases], new CliConsole(new StringReader(string.Empty), output, error, IsErrorTerminal: true));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Theory]
    [InlineData("--cases", "/no/such/folder")]
    [InlineData("--cases", "samples/cases", "--fail-on", "urgency-rise")]
    [InlineData("--fail-on", "urgency-drop")]
    public void Replay_UsageErrors_Exit2(params string[] args)
    {
        var run = CliRunner.Run(["replay", .. args.Select(a => a == "samples/cases" ? SampleCases : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("hippain: error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_EmptyFolder_Exit2()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("replay", "--cases", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no case files (*.json)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_CandidatePackWithProblems_Exit1()
    {
        using var folder = new TempFolder();
        var candidate = folder.Write("candidate.json", "{ \"formatVersion\": 1 }");

        var run = CliRunner.Run("replay", "--cases", BundledCases, "--candidate", candidate);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("candidate.json", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The built-in base as a pack in which the two gates the hot-hip case fires (infection signs, unable to bear weight) are only routine.</summary>
    private static string BuiltInWithHotHipGatesRoutine()
    {
        var node = JsonNode.Parse(KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance))!;
        foreach (var id in new[] { "rf.infection-signs", "rf.cannot-bear-weight" })
        {
            var flag = node["redFlags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!;
            Assert.Equal("emergency", flag["urgency"]?.GetValue<string>());
            flag["urgency"] = "routine";
        }

        return node.ToJsonString();
    }
}
