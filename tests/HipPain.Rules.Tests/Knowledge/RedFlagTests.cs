using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

public sealed class RedFlagTests
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    public static TheoryData<string, Urgency, int, Sex, string[]> FlagCases => new()
    {
        { "rf.femoral-neck-stress-fracture", Urgency.Urgent, 25, Sex.Female, ["loc.groin", "tim.weight-bearing-pain", "hx.training-increase"] },
        { "rf.femoral-neck-stress-fracture", Urgency.Urgent, 30, Sex.Male, ["exam.hop-test", "rf.low-energy-availability"] },
        { "rf.femoral-neck-stress-fracture", Urgency.Urgent, 30, Sex.Male, ["loc.groin", "tim.weight-bearing-pain", "exam.hop-test"] },
        { "rf.infection-signs", Urgency.Emergency, 40, Sex.Male, ["sym.fever"] },
        { "rf.infection-signs", Urgency.Emergency, 40, Sex.Male, ["exam.hot-swollen-joint"] },
        { "rf.infection-signs", Urgency.Emergency, 12, Sex.Female, ["inv.esr-over-40", "inv.wbc-over-12"] },
        { "rf.cannot-bear-weight", Urgency.Emergency, 33, Sex.Female, ["exam.cannot-bear-weight"] },
        { "rf.fall-cannot-bear-weight", Urgency.Emergency, 70, Sex.Female, ["hx.fall-or-trauma", "exam.cannot-bear-weight"] },
        { "rf.malignancy", Urgency.Urgent, 60, Sex.Male, ["tim.night-pain", "sym.weight-loss"] },
        { "rf.malignancy", Urgency.Urgent, 60, Sex.Male, ["tim.night-pain", "hx.cancer"] },
        { "rf.malignancy", Urgency.Urgent, 58, Sex.Female, ["hx.no-improvement", "hx.cancer"] },
        { "rf.cauda-equina", Urgency.Emergency, 45, Sex.Male, ["sym.saddle-anaesthesia"] },
        { "rf.cauda-equina", Urgency.Emergency, 45, Sex.Male, ["sym.bladder-bowel"] },
        { "rf.cauda-equina", Urgency.Emergency, 45, Sex.Male, ["sym.progressive-weakness"] },
        { "rf.osteonecrosis-risk", Urgency.Urgent, 39, Sex.Male, ["rf.steroid-use", "loc.groin", "exam.ir-pain"] },
        { "rf.pubic-ramus-stress-fracture", Urgency.Urgent, 30, Sex.Female, ["tim.running-impossible", "exam.standing-sign", "exam.pubic-ramus-tenderness"] },
        { "rf.pubic-ramus-stress-fracture", Urgency.Urgent, 30, Sex.Female, ["exam.standing-sign", "rf.prior-stress-fracture"] },
        { "rf.adolescent-limp", Urgency.Urgent, 13, Sex.Male, ["exam.antalgic-gait", "loc.knee"] },
    };

    [Theory]
    [MemberData(nameof(FlagCases))]
    public void Triage_RedFlagCase_FiresTheGateAndReachesItsUrgency(string flagId, Urgency urgency, int age, Sex sex, string[] present)
    {
        var result = Engine.Triage(new PatientCase(age, sex, present.Select(Observation.Present)));

        Assert.Contains(result.FiredRedFlags, f => f.Id == flagId);
        Assert.True(result.Urgency >= urgency, $"Urgency {result.Urgency} below {urgency}.");
        Assert.Equal(RunningRestriction.StopRunning, result.Plan.RunningAdvice.Restriction);
    }

    [Fact]
    public void Triage_MildestGateCase_DoesNotFireWithoutItsCriterion()
    {
        var result = Engine.Triage(new PatientCase(30, Sex.Female, [Observation.Present("loc.groin"), Observation.Present("hx.training-increase")]));

        Assert.Empty(result.FiredRedFlags);
        Assert.Equal(Urgency.Routine, result.Urgency);
    }

    [Fact]
    public void Triage_AdolescentLimpOutsideAgeBand_DoesNotFire()
    {
        var result = Engine.Triage(new PatientCase(25, Sex.Male, [Observation.Present("exam.antalgic-gait")]));

        Assert.DoesNotContain(result.FiredRedFlags, f => f.Id == "rf.adolescent-limp");
    }

    [Fact]
    public void Triage_StressFractureFlag_PlanAvoidsRunningThroughAndRice()
    {
        string[] present = ["loc.groin", "tim.weight-bearing-pain", "hx.training-increase", "exam.hop-test"];
        var result = Engine.Triage(new PatientCase(24, Sex.Female, present.Select(Observation.Present)));

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Contains(result.Plan.Avoid, i => i.Treatment.Id == "tx.run-through-pain");
        Assert.DoesNotContain(result.Plan.Treatments, i => i.Treatment.Id is "tx.run-through-pain" or "tx.prolotherapy");
    }

    [Fact]
    public void Triage_EveryGateRuledOut_IsSelfCare()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var findings = kb.RedFlags.SelectMany(f => f.Criterion.FindingIds()).Distinct(StringComparer.Ordinal);

        var result = Engine.Triage(new PatientCase(30, Sex.Female, findings.Select(Observation.Absent)));

        Assert.Equal(Urgency.SelfCare, result.Urgency);
    }
}
