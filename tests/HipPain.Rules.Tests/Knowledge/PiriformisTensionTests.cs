using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.22.0: pain on a piriformis tension manoeuvre (Freiberg, Pace, Beatty or FAIR), a sign six published deep
/// gluteal cases state and the base had no code for (docs/evidence/facts-addendum-50-piriformis-tension.md): one
/// examination finding, weighed by deep gluteal syndrome only, counted once with Martin's piriformis tests, and read by
/// no gate.
/// </summary>
public sealed class PiriformisTensionTests
{
    private const string Cause = "deep-gluteal-syndrome";
    private const string RuleId = Cause + "/exam.piriformis-tension";
    private const string GroupId = Cause + "/martin-2014";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    [Fact]
    public void Finding_IsAnExaminationWithAClinicianQuestionNamingTheManoeuvres()
    {
        var finding = FindingAssert.HasQuestions(Kb, Findings.PiriformisTension, FindingKind.Examination, "Freiberg", patientQuestionPart: null);

        foreach (var name in new[] { "Pace", "Beatty", "FAIR" })
        {
            Assert.Contains(name, finding.Question!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rule_IsAnEstimate_WithNothingWhenAbsent_AndOnlyDeepGlutealSyndromeWeighsIt()
    {
        FindingAssert.EstimatedRule(Kb, RuleId, 2.0, 1.0, "addendum 50", "Yürük");
        FindingAssert.OnlyTheseRulesRead(Kb, Findings.PiriformisTension, RuleId);
    }

    [Fact]
    public void NoGate_ReadsTheManoeuvres() => FindingAssert.NoGateReads(Kb, Findings.PiriformisTension);

    [Fact]
    public void Group_CountsAManoeuvreOnceWithMartinsTests()
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == GroupId);
        Assert.Equal(
            new[] { Cause + "/piriformis-tests", RuleId, Cause + "/" + Findings.StraightLegRaise }.Order(StringComparer.Ordinal),
            group.Members.Select(m => m.RuleId).Order(StringComparer.Ordinal));

        double Change(params Observation[] observations) => FindingAssert.LogOddsChange(Engine, Cause, 45, Sex.Female, observations);

        // Martin's tests (capped LR+ 4) are the stronger member; the manoeuvre adds nothing beside them.
        Assert.Equal(Math.Log(4.0), Change(Observation.Present(Findings.ActivePiriformis), Observation.Present(Findings.PiriformisTension)), 12);
        Assert.Equal(Change(Observation.Present(Findings.ActivePiriformis)), Change(Observation.Present(Findings.ActivePiriformis), Observation.Present(Findings.PiriformisTension)), 12);
        Assert.Equal(Math.Log(2.0), Change(Observation.Present(Findings.PiriformisTension)), 12);
        Assert.Equal(0.0, Change(Observation.Absent(Findings.PiriformisTension)), 12);
    }

    [Fact]
    public void Triage_AManoeuvreInButtockPain_RaisesDeepGlutealSyndromeOnly()
    {
        // Buttock pain, worse sitting, as the published deep gluteal cases describe it.
        Observation[] pain = [Observation.Present(Findings.Buttock), Observation.Present(Findings.Sitting)];
        var without = Engine.Triage(PatientCase.Create(45, Sex.Female, pain));
        var with = Engine.Triage(PatientCase.Create(45, Sex.Female, [.. pain, Observation.Present(Findings.PiriformisTension)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double> { [Cause] = 2.0 });

        Assert.True(
            with.Differential.Single(r => r.Cause.Id == Cause).Rank < without.Differential.Single(r => r.Cause.Id == Cause).Rank,
            "pain on a piriformis tension manoeuvre should move deep gluteal syndrome up the differential");
        Assert.Equal(without.Urgency, with.Urgency);
    }
}
