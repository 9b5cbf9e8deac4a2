using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.26.0: current smoking, a risk factor for osteonecrosis that the facts table lists and published cases state,
/// and the base had no code for (docs/evidence/facts-addendum-54-smoking.md): weighed by osteonecrosis only, counted once
/// with its other exposures, and read by no gate.
/// </summary>
public sealed class SmokingTests
{
    private const string Osteonecrosis = "avascular-necrosis";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    [Fact]
    public void Finding_IsARiskFactorWithAClinicianAndAPatientQuestion()
    {
        FindingAssert.HasQuestions(Kb, Findings.Smoking, FindingKind.RiskFactor, "smoke tobacco now", "Do you smoke?");
    }

    [Fact]
    public void Rule_IsAnEstimateWithNothingWhenAbsent_AndOnlyOsteonecrosisWeighsIt()
    {
        var rule = FindingAssert.EstimatedRule(Kb, Osteonecrosis + "/" + Findings.Smoking, 1.5, 1.0, "addendum 54", "meta-analysis");
        FindingAssert.OnlyTheseRulesRead(Kb, Findings.Smoking, rule.Id);
    }

    [Fact]
    public void NoGate_ReadsSmoking() => FindingAssert.NoGateReads(Kb, Findings.Smoking);

    [Fact]
    public void Group_CountsSmokingOnceWithTheOtherExposures()
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == Osteonecrosis + "/exposure");
        Assert.Contains(Osteonecrosis + "/" + Findings.Smoking, group.Members.Select(m => m.RuleId));

        double Change(params Observation[] observations) => FindingAssert.LogOddsChange(Engine, Osteonecrosis, 45, Sex.Male, observations);
        var alcohol = Change(Observation.Present(Findings.AlcoholExcess));

        // Alcohol excess is the stronger member; smoking adds nothing beside it.
        Assert.True(alcohol > Math.Log(1.5));
        Assert.Equal(alcohol, Change(Observation.Present(Findings.Smoking), Observation.Present(Findings.AlcoholExcess)), 12);
        Assert.Equal(Math.Log(1.5), Change(Observation.Present(Findings.Smoking)), 12);
        Assert.Equal(0.0, Change(Observation.Absent(Findings.Smoking)), 12);
    }

    [Fact]
    public void Triage_SmokingWithGroinPain_RaisesOsteonecrosisOnly()
    {
        Observation[] pain = [Observation.Present(Findings.Groin), Observation.Present(Findings.DistanceRunner)];
        var without = Engine.Triage(PatientCase.Create(45, Sex.Male, pain));
        var with = Engine.Triage(PatientCase.Create(45, Sex.Male, [.. pain, Observation.Present(Findings.Smoking)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double> { [Osteonecrosis] = 1.5 });
    }
}
