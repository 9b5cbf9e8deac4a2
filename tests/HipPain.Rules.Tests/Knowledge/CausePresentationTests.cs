using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>One typical presentation per cause, written from the facts table's description of it.</summary>
public sealed class CausePresentationTests
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    private static readonly string[] Regions =
    [
        "loc.lateral-hip", "loc.groin", "loc.anterior-thigh", "loc.buttock", "loc.posterior-thigh",
        "loc.lateral-thigh-knee", "loc.knee", "loc.lower-back",
    ];

    public static TheoryData<string, int, Sex, string[]> TypicalPresentations => new()
    {
        { "gtps", 48, Sex.Female, ["loc.lateral-hip", "tim.lying-on-side", "exam.gt-tenderness", "exam.resisted-abduction-pain"] },
        { "iliopsoas", 30, Sex.Male, ["loc.groin", "exam.iliopsoas-tenderness", "exam.resisted-flexion-pain"] },
        { "snapping-hip", 20, Sex.Female, ["loc.lateral-hip", "sym.lateral-snap"] },
        { "labral-tear", 26, Sex.Female, ["loc.groin", "sym.clicking", "exam.fadir"] },
        { "fai-syndrome", 27, Sex.Male, ["loc.groin", "exam.fadir", "exam.rom-restricted", "tim.activity-related"] },
        { "hip-oa", 64, Sex.Male, ["loc.groin", "loc.anterior-thigh", "exam.ir-pain", "sym.morning-stiffness-60", "sym.morning-stiffness-30", "tim.activity-related"] },
        { "femoral-neck-stress-fracture", 23, Sex.Female, ["loc.groin", "tim.weight-bearing-pain", "exam.hop-test", "exam.ir-pain", "hx.training-increase"] },
        { "pubic-ramus-stress-fracture", 34, Sex.Female, ["loc.groin", "exam.standing-sign", "exam.pubic-ramus-tenderness", "tim.running-impossible", "hx.training-increase"] },
        { "itbs", 32, Sex.Male, ["loc.lateral-thigh-knee", "tim.set-distance-onset", "tim.downhill"] },
        { "proximal-hamstring-tendinopathy", 40, Sex.Female, ["loc.buttock", "tim.sitting", "exam.modified-bent-knee-stretch", "exam.puranen-orava"] },
        { "muscle-strain", 21, Sex.Male, ["loc.groin", "tim.sudden-onset", "exam.adductor-tenderness"] },
        { "adductor-related-groin-pain", 29, Sex.Male, ["loc.groin", "exam.adductor-tenderness", "exam.resisted-adduction-pain", "exam.adductor-squeeze"] },
        { "deep-gluteal-syndrome", 44, Sex.Female, ["loc.buttock", "loc.posterior-thigh", "exam.sciatic-notch-tenderness", "exam.active-piriformis"] },
        { "lumbar-radicular", 46, Sex.Male, ["loc.buttock", "loc.lower-back", "sym.leg-pain-below-knee", "exam.slr", "exam.crossed-slr"] },
        { "sacroiliac-joint-pain", 35, Sex.Female, ["loc.buttock", "exam.si-distraction", "exam.si-thigh-thrust", "exam.si-sacral-thrust"] },
        { "avascular-necrosis", 40, Sex.Male, ["loc.groin", "rf.steroid-use", "rf.alcohol-excess", "tim.constant-rest-pain", "exam.ir-pain"] },
        { "septic-arthritis", 70, Sex.Male, ["loc.groin", "sym.fever", "exam.hot-swollen-joint", "inv.esr-over-40", "inv.wbc-over-12", "rf.recent-joint-surgery"] },
        { "malignancy", 63, Sex.Female, ["loc.groin", "hx.cancer", "sym.weight-loss", "tim.constant-rest-pain"] },
    };

    [Theory]
    [MemberData(nameof(TypicalPresentations))]
    public void Triage_TypicalPresentation_RanksTheCauseInTheFirstThree(string causeId, int age, Sex sex, string[] present)
    {
        var result = Engine.Triage(Case(age, sex, present));

        var rank = result.Differential.Single(r => r.Cause.Id == causeId).Rank;
        Assert.True(rank <= 3, $"{causeId} ranked {rank}; top 3: {string.Join(", ", result.Differential.Take(3).Select(r => r.Cause.Id))}.");
    }

    [Fact]
    public void Triage_EveryCause_HasATypicalPresentation()
    {
        var covered = TypicalPresentations.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        Assert.All(BuiltInKnowledgeBase.Instance.Causes, c => Assert.Contains(c.Id, covered));
    }

    [Theory]
    [InlineData("gtps", 50, Sex.Female, new[] { "loc.lateral-hip", "tim.lying-on-side", "exam.gt-tenderness", "exam.resisted-abduction-pain", "exam.single-leg-stance" })]
    [InlineData("itbs", 30, Sex.Male, new[] { "loc.lateral-thigh-knee", "tim.set-distance-onset", "tim.downhill", "exam.noble" })]
    [InlineData("proximal-hamstring-tendinopathy", 38, Sex.Female, new[] { "loc.buttock", "tim.sitting", "exam.modified-bent-knee-stretch" })]
    [InlineData("hip-oa", 66, Sex.Female, new[] { "loc.groin", "loc.anterior-thigh", "exam.ir-below-15", "exam.flexion-below-115", "hx.family-arthritis" })]
    public void Triage_ClassicPresentation_RanksTheCauseFirst(string causeId, int age, Sex sex, string[] present)
    {
        var result = Engine.Triage(Case(age, sex, present));

        Assert.Equal(causeId, result.Leading.Cause.Id);
    }

    [Fact]
    public void Triage_AllSacroiliacProvocationTestsNegative_LowersSacroiliacPain()
    {
        string[] tests = ["exam.si-distraction", "exam.si-thigh-thrust", "exam.si-compression", "exam.si-sacral-thrust", "exam.gaenslen"];
        var without = Engine.Triage(Case(35, Sex.Female, ["loc.buttock"]));
        var negative = Engine.Triage(new PatientCase(35, Sex.Female, Observations(["loc.buttock"]).Concat(tests.Select(Observation.Absent))));

        Assert.True(Probability(negative, "sacroiliac-joint-pain") < Probability(without, "sacroiliac-joint-pain") / 3);
    }

    [Fact]
    public void Triage_KinsellaClusterBothNegative_LowersGtps()
    {
        var without = Engine.Triage(Case(50, Sex.Female, ["loc.lateral-hip"]));
        var negative = Engine.Triage(new PatientCase(50, Sex.Female, Observations(["loc.lateral-hip"]).Append(Observation.Absent("exam.gt-tenderness")).Append(Observation.Absent("exam.resisted-abduction-pain"))));

        Assert.True(Probability(negative, "gtps") < Probability(without, "gtps"));
    }

    internal static PatientCase Case(int age, Sex sex, string[] present) => new(age, sex, Observations(present));

    private static IEnumerable<Observation> Observations(string[] present) =>
        present.Select(Observation.Present).Concat(Regions.Where(r => !present.Contains(r)).Select(Observation.Absent));

    private static double Probability(TriageResult result, string causeId) => result.Differential.Single(r => r.Cause.Id == causeId).Probability;
}
