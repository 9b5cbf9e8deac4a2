using System.Globalization;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Tests;

public class ExplainCommandTests
{
    private static readonly string LateralHipCase = CliRunner.Sample("samples/cases/lateral-hip-runner.case.json");

    [Fact]
    public void Explain_CaseFile_WaterfallFromPriorThroughEveryContributionToPosteriorWithCitations()
    {
        var run = CliRunner.Run("explain", "gtps", "--case", LateralHipCase);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var expected = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(CaseJson.Read(File.ReadAllText(LateralHipCase)))
            .Differential.Single(r => r.Cause.Id == "gtps");
        var lines = run.Output.Split('\n');
        var prior = Array.FindIndex(lines, l => l.StartsWith("  Prior", StringComparison.Ordinal));
        var posterior = Array.FindIndex(lines, l => l.StartsWith("= Posterior", StringComparison.Ordinal));
        Assert.True(prior >= 0 && posterior > prior, run.Output);
        Assert.Contains(P1(expected.PriorProbability), lines[prior], StringComparison.Ordinal);
        Assert.Contains(P1(expected.Probability), lines[posterior], StringComparison.Ordinal);
        Assert.NotEmpty(expected.Contributions);
        var rows = lines[(prior + 1)..posterior].Where(l => l.Length > 2 && l[1] == ' ' && l[0] is '+' or '-' or '·').ToList();
        Assert.Equal(expected.Contributions.Length, rows.Count);
        foreach (var contribution in expected.Contributions)
        {
            Assert.Contains(contribution.Evidence.Citation, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains(expected.Cause.PriorEvidence.Citation, run.Output, StringComparison.Ordinal);
        Assert.Contains("Decision support for clinicians", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RunningProbability_EndsAtThePosterior()
    {
        var run = CliRunner.Run("explain", "gtps", "--present", "exam.trendelenburg", "--absent", "loc.lateral-hip", "--age", "29");

        Assert.Equal(0, run.ExitCode);
        var result = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(
            new Model.PatientCase(29, Model.Sex.Unspecified, [Model.Observation.Present("exam.trendelenburg"), Model.Observation.Absent("loc.lateral-hip")]));
        var gtps = result.Differential.Single(r => r.Cause.Id == "gtps");
        var rows = run.Output.Split('\n').Where(l => l.StartsWith("+ ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Contains(P1(gtps.Probability), rows[^1], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("+ Positive Trendelenburg sign: present", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("- Pain on the outer side of the hip: absent", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_EvidenceGroup_ShowsTheGroupTheCountedMemberAndTheSubsumedMember()
    {
        // Built-in bases from 0.4.0 group GTPS's abductor tests: Trendelenburg counts, single-leg stance is subsumed.
        var run = CliRunner.Run("explain", "gtps", "--present", "loc.lateral-hip", "exam.single-leg-stance", "exam.trendelenburg", "--age", "44");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("+ Positive Trendelenburg sign: present", run.Output, StringComparison.Ordinal);
        Assert.Contains("(gtps/abductor-tests): counted as the strongest member for; the group counts once", run.Output, StringComparison.Ordinal);
        Assert.Contains("stands for Lateral hip pain within 30 s of single-leg stance: present (x4 alone, not applied)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("+ Lateral hip pain within 30 s of single-leg stance", run.Output, StringComparison.Ordinal);
        Assert.Contains("Grimaldi A et al. Br J Sports Med 2017", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PartlyAnsweredRule_ListsTheQuestionsThatWouldDecideIt()
    {
        var run = CliRunner.Run("explain", "gtps", "--absent", "exam.gt-tenderness");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Not yet decided", run.Output, StringComparison.Ordinal);
        Assert.Contains("ask Pain on resisted hip abduction (exam.resisted-abduction-pain)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownCause_Exit2ListingTheCauses()
    {
        var run = CliRunner.Run("explain", "no-such-cause", "--case", LateralHipCase);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("hippain: error: unknown cause 'no-such-cause'; the causes of hippain.builtin", run.Error, StringComparison.Ordinal);
        Assert.Contains("gtps", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Explain_UnknownFindingCode_Exit1WithHPC001()
    {
        var run = CliRunner.Run("explain", "gtps", "--present", "exam.no-such-test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HPC001", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Explain_NoCase_Exit2()
    {
        var run = CliRunner.Run("explain", "gtps");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no case", run.Error, StringComparison.Ordinal);
    }

    private static string P1(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}
