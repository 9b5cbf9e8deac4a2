using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.21.0: a bruise after an acute muscle injury, a sign eleven published muscle-strain cases state and the base had
/// no code for (docs/evidence/facts-addendum-49-bruising.md): one finding, weighed by muscle strain only, counted once
/// with swelling, and read by no gate.
/// </summary>
public sealed class BruisingTests
{
    private const string RuleId = "muscle-strain/sym.bruising";
    private const string GroupId = "muscle-strain/bleeding";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    [Fact]
    public void Finding_IsASymptomWithAClinicianAndAPatientQuestion()
    {
        FindingAssert.HasQuestions(Kb, Findings.Bruising, FindingKind.Symptom, "ecchymosis", "bruise");
    }

    [Fact]
    public void Rule_IsAnEstimate_WithNothingWhenAbsent_AndOnlyMuscleStrainWeighsIt()
    {
        FindingAssert.EstimatedRule(Kb, RuleId, 3.0, 1.0, "addendum 49", citationPart: null);
        FindingAssert.OnlyTheseRulesRead(Kb, Findings.Bruising, RuleId);
    }

    [Fact]
    public void NoGate_ReadsABruise() => FindingAssert.NoGateReads(Kb, Findings.Bruising);

    [Fact]
    public void Group_CountsSwellingAndABruiseOnce()
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == GroupId);
        Assert.Equal(
            new[] { "muscle-strain/" + Findings.Swelling, RuleId }.Order(StringComparer.Ordinal),
            group.Members.Select(m => m.RuleId).Order(StringComparer.Ordinal));

        double Change(params Observation[] observations) => FindingAssert.LogOddsChange(Engine, "muscle-strain", 30, Sex.Male, observations);

        Assert.Equal(Math.Log(3.0), Change(Observation.Present(Findings.Bruising), Observation.Present(Findings.Swelling)), 12);
        Assert.Equal(Math.Log(1.5), Change(Observation.Present(Findings.Swelling)), 12);
        Assert.Equal(0.0, Change(Observation.Absent(Findings.Bruising)), 12);
    }

    [Fact]
    public void Triage_ABruiseAfterASprint_RaisesMuscleStrainOnly()
    {
        // A hamstring injury as the published cases describe it: sudden pain at the back of the thigh during a sprint.
        Observation[] injury = [Observation.Present(Findings.PosteriorThigh), Observation.Present(Findings.SuddenOnset)];
        var without = Engine.Triage(PatientCase.Create(28, Sex.Male, injury));
        var with = Engine.Triage(PatientCase.Create(28, Sex.Male, [.. injury, Observation.Present(Findings.Bruising)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double> { ["muscle-strain"] = 3.0 });

        Assert.True(
            with.Differential.Single(r => r.Cause.Id == "muscle-strain").Rank < without.Differential.Single(r => r.Cause.Id == "muscle-strain").Rank,
            "a bruise should move muscle strain up the differential");
        Assert.Equal(without.Urgency, with.Urgency);
    }
}
