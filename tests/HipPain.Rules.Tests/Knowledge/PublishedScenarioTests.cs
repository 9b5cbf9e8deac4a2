using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Published tables reproduced by the built-in base (issue 10): each test applies the engine's likelihood-ratio
/// product for one cause (its posterior log-odds minus its prior log-odds) to the published pre-test probability, or to
/// the engine's prior where the source publishes none, and checks the published post-test probability within 3
/// percentage points. docs/accuracy.md lists them with their tables and pages.
/// </summary>
public sealed class PublishedScenarioTests
{
    private const double Tolerance = 0.03;

    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    [Fact]
    public void Gtps_KinsellaClusterBothPositive_59To96Percent()
    {
        // Kinsella 2024 JOSPT 54(1) meta-analysis (facts T7): trochanter palpation then resisted abduction, both positive: 59% -> 96%.
        AssertPostTest(0.96, PostTest("gtps", 0.59, Present(Findings.TrochanterTenderness), Present(Findings.ResistedAbductionPain)));
    }

    [Fact]
    public void Gtps_KinsellaClusterBothNegative_59To14Percent()
    {
        // Kinsella 2024 (facts T8): both negative: 59% -> 14%.
        AssertPostTest(0.14, PostTest("gtps", 0.59, Absent(Findings.TrochanterTenderness), Absent(Findings.ResistedAbductionPain)));
    }

    [Fact]
    public void Gtps_KinsellaSingleLegStanceAndTrendelenburgAllNegative_StillTheClusterFigure()
    {
        // The abductor tests measure one thing: with the cluster negative, negative single-leg stance and Trendelenburg add
        // nothing (the engine gave 2.4% before evidence groups). Kinsella 2024: 59% -> 14%.
        AssertPostTest(0.14, PostTest(
            "gtps",
            0.59,
            Absent(Findings.TrochanterTenderness),
            Absent(Findings.ResistedAbductionPain),
            Absent(Findings.SingleLegStance),
            Absent(Findings.Trendelenburg)));
    }

    [Theory]
    [InlineData(0, 0.02)]
    [InlineData(1, 0.095)]
    [InlineData(2, 0.35)]
    [InlineData(3, 0.73)]
    [InlineData(4, 0.93)]
    public void SepticArthritis_KocherPredictors_ValidationCohortProbabilities(int predictors, double published)
    {
        // Kocher 2004 prospective validation (51 septic of 154 analysed), probabilities by number of predictors via
        // Uzoigwe 2014 Table 1 (facts A2-3, A2-4). The derivation cohort's table (0.2 to 99.6%) is not reproduced: its
        // prevalence is unverified (A2-1) and the base encodes the validation figures (A2-69); see docs/accuracy.md.
        string[] items = [Findings.CannotBearWeight, Findings.Fever, Findings.EsrOver40, Findings.WhiteCellsOver12];
        var observations = items.Select((id, i) => i < predictors ? Present(id) : Absent(id)).ToArray();

        AssertPostTest(published, PostTest("septic-arthritis", 51.0 / 154, observations));
    }

    [Fact]
    public void SepticArthritis_SinghalNeitherPredictor_UnderOnePercent()
    {
        // Singhal 2011 (facts A2-8): neither non-weight bearing nor CRP > 20 mg/L: under 1% at 29 of 311.
        AssertPostTest(0.01, PostTest("septic-arthritis", 29.0 / 311, Absent(Findings.CannotBearWeight), Absent(Findings.CrpRaised)));
    }

    [Fact]
    public void SepticArthritis_SinghalBothPredictors_74Percent()
    {
        // Singhal 2011 (facts A2-8, abstract): both: 74% at 29 of 311.
        AssertPostTest(0.74, PostTest("septic-arthritis", 29.0 / 311, Present(Findings.CannotBearWeight), Present(Findings.CrpRaised)));
    }

    [Fact]
    public void HipOa_Age60AcrRestrictedRomAndNice_OneAcrResult()
    {
        // One clinical classification, counted once (facts §4; Altman 1991 T25 LR 3.44) at the engine's prior of 6%: 18%.
        // Before evidence groups the engine multiplied ACR, NICE, age and range of motion: 60.6%.
        var posterior = PostTest(
            "hip-oa",
            null,
            60,
            Present(Findings.InternalRotationPain),
            Present(Findings.StiffnessUnder60),
            Present(Findings.StiffnessUnder30),
            Present(Findings.ActivityRelated),
            Present(Findings.RangeRestricted));

        AssertPostTest(0.18, posterior);
    }

    [Fact]
    public void HipOa_AcrClinicalCriteriaAlone_Lr344()
    {
        // Altman 1991 (facts T25): Sn 0.86, Sp 0.75, LR+ 3.44; at the engine's prior of 6%: 18.0%.
        AssertPostTest(0.18, PostTest("hip-oa", null, 60, Present(Findings.InternalRotationPain), Present(Findings.StiffnessUnder60)));
    }

    [Fact]
    public void HipOa_GroinAndAnteriorThighPain_OneHistoryItem()
    {
        // Reiman 2021 (facts H3): "groin or anterior thigh pain" is one item, LR+ 2.51-3.86: at most 19.8% at the engine's
        // prior of 6% (the engine gave 36.8% multiplying groin and thigh); the base uses H6, 3.63: 18.8%.
        var posterior = PostTest("hip-oa", null, Present(Findings.Groin), Present(Findings.AnteriorThigh));

        Assert.InRange(posterior, 0.0, 0.198 + Tolerance);
        AssertPostTest(0.188, posterior);
    }

    [Fact]
    public void ProximalHamstring_AllThreeStretchTestsPositive_CountOnce()
    {
        // Cacchio 2012 (facts T40-T42): the best single test (modified bent-knee stretch, LR+ 9.89) gives 38.7% at the
        // engine's prior of 6%; the engine multiplied three tests to 80.3%. The base counts the group once, at the tier C
        // cap for a case-control study (LR+ 4): 20.3%. Documented deviation: the cap, never more than the best test.
        var posterior = PostTest(
            "proximal-hamstring-tendinopathy",
            null,
            Present(Findings.ModifiedBentKneeStretch),
            Present(Findings.BentKneeStretch),
            Present(Findings.PuranenOrava));

        Assert.InRange(posterior, 0.0, 0.387);
        AssertPostTest(0.203, posterior);
    }

    [Fact]
    public void Sacroiliac_LaslettClusterPositive_Lr416()
    {
        // Laslett 2003 / van der Wurff (facts T51): at least 3 of 5 provocation tests, LR+ 4.16; no pre-test published, so
        // the engine's prior of 5%: 18.0%.
        AssertPostTest(0.18, PostTest(
            "sacroiliac-joint-pain",
            null,
            Present(Findings.SiDistraction),
            Present(Findings.SiThighThrust),
            Present(Findings.SiCompression)));
    }

    [Fact]
    public void Sacroiliac_LaslettClusterNegative_Lr012()
    {
        // Laslett (facts T51): fewer than 3 of 5 positive, LR- 0.12 (capped at 0.15, tier B): 0.6% published, 0.8% engine.
        AssertPostTest(0.0063, PostTest(
            "sacroiliac-joint-pain",
            null,
            Absent(Findings.SiDistraction),
            Absent(Findings.SiThighThrust),
            Absent(Findings.SiCompression)));
    }

    [Fact]
    public void DeepGluteal_PiriformisTestsAndStraightLegRaise_OneStudyCountedOnce()
    {
        // Martin 2014 (facts T43-T46): active piriformis and seated stretch combined, LR+ 4.55 (engine capped at 4, tier C),
        // with the straight leg raise from the same study: 16% at the engine's prior of 4% (the engine multiplied to 35%).
        AssertPostTest(0.159, PostTest(
            "deep-gluteal-syndrome",
            null,
            Present(Findings.ActivePiriformis),
            Present(Findings.SeatedPiriformisStretch),
            Present(Findings.StraightLegRaise)));
    }

    [Fact]
    public void Malignancy_HistoryOfCancerAge60_UrgentOnItsOwn()
    {
        // Facts §7: a history of cancer is an urgent trigger on its own (Downie 2013); the engine said Routine before.
        var result = Engine.Triage(new PatientCase(60, Sex.Male, [Present(Findings.CancerHistory)]));

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Contains(result.FiredRedFlags, f => f.Id == "rf.malignancy");
        Assert.True(result.Differential.Single(r => r.Cause.Id == "malignancy").Rank <= 3);
    }

    private static Observation Present(string id) => Observation.Present(id);

    private static Observation Absent(string id) => Observation.Absent(id);

    private static double PostTest(string causeId, double? pretest, params Observation[] observations) =>
        PostTest(causeId, pretest, null, observations);

    /// <summary>The engine's likelihood-ratio product for the cause applied to the pre-test probability (the engine's prior when null).</summary>
    private static double PostTest(string causeId, double? pretest, int? age, params Observation[] observations)
    {
        var ranked = Engine.Triage(new PatientCase(age, Sex.Unspecified, observations)).Differential.Single(r => r.Cause.Id == causeId);
        var prior = pretest ?? ranked.PriorProbability;
        return TriageEngine.ToProbability(Math.Log(prior / (1 - prior)) + ranked.LogOdds - ranked.PriorLogOdds);
    }

    private static void AssertPostTest(double published, double engine) =>
        Assert.True(Math.Abs(published - engine) <= Tolerance, $"published {published:P1}, engine {engine:P1}");
}
