using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.23.0: a known low vitamin D level, a bone-health risk factor four published stress fracture cases state and
/// the base had no code for (docs/evidence/facts-addendum-51-low-vitamin-d.md): one risk factor, weighed by the
/// femoral-neck and the pelvic stress fracture only, counted once in each one's bone-health group, and read by no gate.
/// </summary>
public sealed class LowVitaminDTests
{
    private static readonly string[] Causes = ["femoral-neck-stress-fracture", "pubic-ramus-stress-fracture"];

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    [Fact]
    public void Finding_IsARiskFactorWithAClinicianAndAPatientQuestion()
    {
        FindingAssert.HasQuestions(Kb, Findings.LowVitaminD, FindingKind.RiskFactor, "25-hydroxyvitamin D", "vitamin D is low");
    }

    [Fact]
    public void Rules_AreEstimates_WithNothingWhenAbsent_AndOnlyTheTwoStressFracturesWeighIt()
    {
        foreach (var cause in Causes)
        {
            FindingAssert.EstimatedRule(Kb, cause + "/" + Findings.LowVitaminD, 1.5, 1.0, "addendum 51", "Burgi");
        }

        FindingAssert.OnlyTheseRulesRead(Kb, Findings.LowVitaminD, [.. Causes.Select(c => c + "/" + Findings.LowVitaminD)]);
    }

    [Fact]
    public void NoGate_ReadsLowVitaminD() => FindingAssert.NoGateReads(Kb, Findings.LowVitaminD);

    [Theory]
    [InlineData("femoral-neck-stress-fracture")]
    [InlineData("pubic-ramus-stress-fracture")]
    public void Group_CountsLowVitaminDOnceWithTheOtherBoneHealthFactors(string cause)
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == cause + "/bone-health");
        Assert.Contains(cause + "/" + Findings.LowVitaminD, group.Members.Select(m => m.RuleId));
        Assert.Contains(cause + "/" + Findings.Osteopenia, group.Members.Select(m => m.RuleId));

        double Change(params Observation[] observations) => FindingAssert.LogOddsChange(Engine, cause, 30, Sex.Female, observations);

        // Known low bone density (LR+ 2) is the stronger member; low vitamin D adds nothing beside it.
        Assert.Equal(Math.Log(2.0), Change(Observation.Present(Findings.LowVitaminD), Observation.Present(Findings.Osteopenia)), 12);
        Assert.Equal(Math.Log(1.5), Change(Observation.Present(Findings.LowVitaminD)), 12);
        Assert.Equal(0.0, Change(Observation.Absent(Findings.LowVitaminD)), 12);
    }

    [Fact]
    public void Triage_LowVitaminDInARunnerWithGroinPain_RaisesTheTwoStressFracturesOnly()
    {
        Observation[] pain = [Observation.Present(Findings.Groin), Observation.Present(Findings.DistanceRunner)];
        var without = Engine.Triage(PatientCase.Create(30, Sex.Female, pain));
        var with = Engine.Triage(PatientCase.Create(30, Sex.Female, [.. pain, Observation.Present(Findings.LowVitaminD)]));

        FindingAssert.OnlyTheseCausesMove(without, with, Causes.ToDictionary(c => c, _ => 1.5));
    }
}
