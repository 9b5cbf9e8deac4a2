using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Samples;

public sealed class SampleAppTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SampleApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_NoArguments_PrintsRankedExplainedResultForDefaultCase()
    {
        var (code, output, error) = Run();

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("Case: lateral-hip-runner", output, StringComparison.Ordinal);
        Assert.Contains("URGENCY: ROUTINE so far \u2014 could be EMERGENCY until the red flags below are settled.", output, StringComparison.Ordinal);
        Assert.Contains("  Ask first: History of cancer; Unexplained weight loss; Night sweats or chills; No improvement after a month of care; Pain getting steadily worse over days or weeks; Symptoms for more than 3 months; A palpable mass or lump in the groin, lower abdomen, pelvis or buttock (history of cancer, a palpable mass, or night or rest pain with weight loss, night sweats or a worsening, persistent course, Urgent, partly met)", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  then:      [^\n]+ \([^\n]+, Emergency\)\n", output);
        Assert.Matches(@"\n 1\. Greater trochanteric pain syndrome[^\n]*%", output);
        Assert.Contains("for     x3     Pain on the outer side of the hip: present", output, StringComparison.Ordinal);
        Assert.Contains("pending  Kinsella cluster", output, StringComparison.Ordinal);
        Assert.Contains("Treat    Education on load management", output, StringComparison.Ordinal);
        Assert.Contains(TriageResult.Disclaimer, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StressFractureCase_PrintsUrgentAndStopRunning()
    {
        var (code, output, _) = Run("--case", "groin-stress-fracture");

        Assert.Equal(0, code);
        Assert.Contains("URGENCY: URGENT", output, StringComparison.Ordinal);
        Assert.Contains("RED FLAG (Urgent): Suspected femoral-neck stress fracture", output, StringComparison.Ordinal);
        Assert.Contains("Running: No running.", output, StringComparison.Ordinal);
        Assert.Contains("Avoid    Keep running through the pain", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HotHip_EmergencySettledWithoutQuestions()
    {
        var (code, output, _) = Run("--case", "hot-hip");

        Assert.Equal(0, code);
        Assert.Contains("URGENCY: EMERGENCY\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("so far", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCaseName_ExitsTwoListingKnownCases()
    {
        var (code, _, error) = Run("--case", "nope");

        Assert.Equal(2, code);
        Assert.Contains("No bundled case named 'nope'. Known cases: lateral-hip-runner,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EnduranceClinicOverlay_UsesTheOverlaidBaseAndItsPrior()
    {
        var overlay = Path.Combine(Repository.Root, "samples", "packs", "endurance-clinic.overlay.json");

        var (code, output, error) = Run("--case", "groin-stress-fracture", "--overlay", overlay);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("Knowledge base: endurance-clinic", output, StringComparison.Ordinal);
        Assert.Contains("(prior 6.0 %", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PackWrittenFromBuiltInBase_SameRankingAsBuiltIn()
    {
        var pack = Path.GetTempFileName();
        try
        {
            File.WriteAllText(pack, HipPain.Rules.Serialization.KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance));

            var fromPack = Run("--pack", pack).Output;
            var builtIn = Run().Output;

            Assert.Equal(builtIn, fromPack);
        }
        finally
        {
            File.Delete(pack);
        }
    }

    [Fact]
    public void Run_BuiltInEvidenceGroup_PrintsTheMemberThatCountedAndWhatItStandsFor()
    {
        // The lateral-hip case answers two members of GTPS's loading-symptoms group: lying on the side (x2) and
        // night pain (x1.5). The group counts the stronger once and names the other as subsumed.
        var (code, output, error) = Run("--case", "lateral-hip-runner");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("for     x2     Pain lying on the affected side: present", output, StringComparison.Ordinal);
        Assert.Matches(@"\n +counts once for 'Symptoms of tendon compression and loading'; stands for Pain at night: present x1\.5 \[", output);
        Assert.DoesNotContain("for     x1.5   Pain at night", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingPack_ExitsFourNamingTheProblem()
    {
        var (code, _, error) = Run("--pack", "/nonexistent/kb.json");

        Assert.Equal(4, code);
        Assert.StartsWith("Could not load the knowledge base:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_List_PrintsEveryBundledCase()
    {
        var (code, output, _) = Run("--list");

        Assert.Equal(0, code);
        Assert.All(BundledCases.All, c => Assert.Contains(c.Name, output, StringComparison.Ordinal));
    }

    [Fact]
    public void BundledCase_HotHip_EmergencyWithSepticArthritisFlaggedAndPlannedFirst()
    {
        var result = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(BundledCases.Find("hot-hip")!);

        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.NotEmpty(result.Differential.Single(r => r.Cause.Id == "septic-arthritis").SuspectedByRedFlagIds);
        Assert.Equal("ref.emergency", result.Plan.Workup[0].Treatment.Id);
        Assert.Contains(result.Plan.Avoid, a => a.Treatment.Id == "tx.corticosteroid-injection");
    }

    [Theory]
    [InlineData("lateral-hip-runner", "gtps", Urgency.Routine)]
    [InlineData("groin-stress-fracture", "femoral-neck-stress-fracture", Urgency.Urgent)]
    [InlineData("itb-runner", "itbs", Urgency.Routine)]
    [InlineData("older-runner-groin", "hip-oa", Urgency.Routine)]
    [InlineData("sitting-buttock", "proximal-hamstring-tendinopathy", Urgency.Routine)]
    [InlineData("clicking-groin", "fai-syndrome", Urgency.Routine)]
    [InlineData("sprint-groin", "muscle-strain", Urgency.Routine)]
    public void BundledCase_Triaged_LeadingCauseAndUrgencyAsExpected(string name, string causeId, Urgency urgency)
    {
        var result = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(BundledCases.Find(name)!);

        Assert.Equal(causeId, result.Leading.Cause.Id);
        Assert.Equal(urgency, result.Urgency);
    }
}
