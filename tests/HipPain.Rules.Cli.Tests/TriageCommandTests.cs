using System.Text.Json;
using HipPain.Rules.Knowledge;

namespace HipPain.Rules.Cli.Tests;

public class TriageCommandTests
{
    private static readonly string LateralHipCase = CliRunner.Sample("samples/cases/lateral-hip-runner.case.json");

    [Fact]
    public void Triage_CaseFile_ShowsUrgencyBarsRedFlagsAndPlan()
    {
        var run = CliRunner.Run("triage", LateralHipCase);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("URGENCY: ROUTINE (provisional) so far; could still be EMERGENCY", run.Output, StringComparison.Ordinal);
        Assert.Contains("1. Greater trochanteric pain syndrome", run.Output, StringComparison.Ordinal);
        Assert.Contains("█", run.Output, StringComparison.Ordinal);
        Assert.Contains("undecided Possible cauda equina syndrome (Emergency)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Plan:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Decision support for clinicians", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_PlanItemGradedPerCause_ShowsTheCausesLevelNotTheTreatments()
    {
        // NSAIDs carry NICE's guideline level for OA, but for the soft-tissue causes that lead this case the
        // evidence is expert opinion (TreatmentEvidenceByCause.SoftTissueNsaid): the plan shows the level that applies.
        var run = CliRunner.Run("triage", LateralHipCase);

        Assert.Equal(0, run.ExitCode);
        var nsaid = run.Output.Split('\n').Single(line => line.Contains("NSAIDs at the lowest dose", StringComparison.Ordinal));
        Assert.Contains("(SecondLine; ExpertOpinion)", nsaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_Top3_ListsThreeCauses()
    {
        var run = CliRunner.Run("triage", LateralHipCase, "--top", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  3. ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("  4. ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_FiredRedFlag_SettledEmergencyWithRedFlagAndAction()
    {
        var run = CliRunner.Run("triage", "--present", "loc.lateral-hip", "sym.saddle-anaesthesia", "--age", "40", "--sex", "male");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("URGENCY: EMERGENCY", run.Output, StringComparison.Ordinal);
        Assert.Contains("RED FLAG (Emergency)", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOW", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_FormatJson_WritesTriageResultV1()
    {
        var run = CliRunner.Run("triage", LateralHipCase, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("triage-result", document.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal("gtps", document.RootElement.GetProperty("differential")[0].GetProperty("cause").GetString());
    }

    [Fact]
    public void Triage_CaseFromStandardInput_ReadsIt()
    {
        var run = CliRunner.RunWithInput(File.ReadAllText(LateralHipCase), "triage", "-", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"formatVersion\": 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_WithOverlay_StampsTheOverlaysBase()
    {
        var run = CliRunner.Run("triage", LateralHipCase, "--overlay", CliRunner.Sample("samples/packs/endurance-clinic.overlay.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Knowledge base endurance-clinic 2026.1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_UnknownFindingCode_OneLineErrorExit1()
    {
        var run = CliRunner.Run("triage", "--present", "exam.hop-pain", "--age", "44");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(
            $"hippain: error: case: HPC001 at $.observations[0].findingId: Unknown finding code 'exam.hop-pain': knowledge base 'hippain.builtin' {BuiltInKnowledgeBase.Version} has no such finding.",
            run.Error.TrimEnd());
    }

    [Fact]
    public void Triage_MalformedCaseFile_OneLineErrorWithPositionExit1()
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.case.json", "{\n  \"formatVersion\": 1,\n  \"age\": ,\n}");

        var run = CliRunner.Run("triage", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"hippain: error: {file}: HPJ001", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_MissingFile_Exit2()
    {
        var run = CliRunner.Run("triage", "no-such.case.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hippain: error: cannot read 'no-such.case.json': no such file", run.Error.TrimEnd());
    }

    [Fact]
    public void Triage_NoCase_Exit2()
    {
        var run = CliRunner.Run("triage");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no case", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_CaseFileAndOptions_Exit2()
    {
        var run = CliRunner.Run("triage", LateralHipCase, "--age", "30");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--top", "0")]
    [InlineData("--format", "xml")]
    [InlineData("--sex", "other")]
    public void Triage_BadCommandLine_UsageExit2(params string[] args)
    {
        var run = CliRunner.Run(["triage", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("hippain: error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_EveryCommand_HasExamples()
    {
        foreach (var command in new[] { "triage", "lint", "kb" })
        {
            var run = CliRunner.Run(command, "--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        }
    }
}

public class SampleCaseFileTests
{
    public static TheoryData<string> CaseFiles() =>
        [.. Directory.GetFiles(CliRunner.Sample("samples/cases"), "*.case.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Issue14_BundledCaseFile_NamesOnlyKnownFindingsAndTriages(string fileName)
    {
        var run = CliRunner.Run("triage", CliRunner.Sample(Path.Combine("samples/cases", fileName)));

        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(0, run.ExitCode);
    }
}
