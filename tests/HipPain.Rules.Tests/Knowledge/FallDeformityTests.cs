using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.20.0: significant trauma with a deformity, the half of facts §7's trauma row that the fall gate does not read,
/// as an emergency gate of its own that names no cause (docs/evidence/facts-addendum-48-fall-deformity-gate.md; the
/// branch of addendum 47 was reverted). One examination finding, no rule.
/// </summary>
public sealed class FallDeformityTests
{
    private const string GateId = "rf.fall-deformity";
    private const string FallGateId = "rf.fall-cannot-bear-weight";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    private static RedFlagOutcome Outcome(TriageResult result, string id) => Assert.Single(result.RedFlags, r => r.RedFlag.Id == id);

    private static TriageResult Triage(params Observation[] observations) => Engine.Triage(PatientCase.Create(72, Sex.Female, observations));

    [Fact]
    public void Gate_IsAnEmergencyNamingNoCause_ReadingTheFallAndTheDeformity_AskedAfterAFall()
    {
        var gate = Assert.Single(Kb.RedFlags, f => f.Id == GateId);

        Assert.Equal(Urgency.Emergency, gate.Urgency);
        Assert.Empty(gate.SuspectedCauseIds);
        Assert.Equal(
            new[] { Findings.LegDeformity, Findings.FallOrTrauma }.Order(StringComparer.Ordinal),
            gate.Criterion.FindingIds().Order(StringComparer.Ordinal));
        Assert.Equal([Findings.FallOrTrauma], gate.AskWhen!.FindingIds());
        Assert.Empty(gate.ScreeningFindingIds);
        Assert.Equal(RunningRestriction.StopRunning, gate.RunningAdvice.Restriction);
        Assert.Contains("addenda 47 and 48", gate.Evidence.Note!, StringComparison.Ordinal);
        Assert.DoesNotContain(Kb.Rules, r => r.FindingIds().Contains(Findings.LegDeformity));
    }

    [Fact]
    public void FallGate_ReadsOnlyInabilityToBearWeight_AndItsNotePointsAtTheNewGate()
    {
        var gate = Assert.Single(Kb.RedFlags, f => f.Id == FallGateId);

        Assert.Equal(
            new[] { Findings.CannotBearWeight, Findings.FallOrTrauma }.Order(StringComparer.Ordinal),
            gate.Criterion.FindingIds().Order(StringComparer.Ordinal));
        Assert.Equal([Findings.CannotBearWeight], gate.AskWhen!.FindingIds());
        Assert.Contains(GateId, gate.Evidence.Note!, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_FallWithADeformityWhileWalking_IsAnEmergency()
    {
        var result = Triage(Observation.Present(Findings.FallOrTrauma), Observation.Present(Findings.LegDeformity), Observation.Absent(Findings.CannotBearWeight));

        Assert.Equal(RedFlagStatus.Fired, Outcome(result, GateId).Status);
        Assert.Equal(RedFlagStatus.RuledOut, Outcome(result, FallGateId).Status);
        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Equal(RunningRestriction.StopRunning, result.Plan.RunningAdvice.Restriction);
    }

    [Theory]
    [InlineData(FindingState.Absent, FindingState.Present)]
    [InlineData(FindingState.Present, FindingState.Absent)]
    public void Triage_EitherFindingAbsent_RulesTheGateOut(FindingState fall, FindingState deformity)
    {
        // Without a fall a shortened, rotated leg can be the end stage of arthritis (TD47-4): §7 names it with trauma.
        var result = Triage(new Observation(Findings.FallOrTrauma, fall), new Observation(Findings.LegDeformity, deformity));

        Assert.Equal(RedFlagStatus.RuledOut, Outcome(result, GateId).Status);
    }

    [Fact]
    public void Triage_WalkingWithNoFallStated_TheGateIsUntouchedAndNeverMovedAheadOfAStressFractureGate()
    {
        // Addendum 47's branch failed here: a patient who walks, with a fired femoral-neck gate and no fall stated. A gate
        // that names no cause is outside rule R5b, so the pelvic gate's questions still come before it.
        var result = Triage(Observation.Present(Findings.Groin), Observation.Present(Findings.WeightBearingPain), Observation.Absent(Findings.CannotBearWeight));
        var order = result.UndecidedRedFlags.Select(r => r.RedFlag.Id).ToList();

        Assert.Contains(result.FiredRedFlags, f => f.Id == "rf.femoral-neck-stress-fracture");
        Assert.False(Outcome(result, GateId).IsPartlyMet);
        Assert.True(order.IndexOf("rf.pubic-ramus-stress-fracture") < order.IndexOf(GateId));
    }

    [Fact]
    public void Triage_FallStated_BothFallGatesPartlyMet_TheOneNamingCausesFirst()
    {
        var result = Triage(Observation.Present(Findings.FallOrTrauma), Observation.Present(Findings.Groin));
        var order = result.UndecidedRedFlags.Select(r => r.RedFlag.Id).ToList();

        Assert.True(Outcome(result, GateId).IsPartlyMet);
        Assert.True(Outcome(result, FallGateId).IsPartlyMet);
        Assert.True(order.IndexOf(FallGateId) < order.IndexOf(GateId));
        Assert.Equal([Findings.LegDeformity], Outcome(result, GateId).SettlingFindingIds);
    }

    [Fact]
    public void Conduct_PatientWhoFell_IsAskedAboutADeformityAsARedFlag()
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient });

        var transcript = interviewer.Conduct(PatientCase.Create(70, Sex.Female, Observation.Present(Findings.Groin), Observation.Present(Findings.FallOrTrauma)), _ => FindingState.Absent);

        var question = Assert.Single(transcript.Answers, a => a.Question.Finding.Id == Findings.LegDeformity).Question;
        Assert.True(question.IsRedFlagQuestion);
    }

    [Fact]
    public void Conduct_PatientWithoutAFall_IsNotAskedAboutADeformity()
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient, MaximumQuestions = 200 });

        var transcript = interviewer.Conduct(PatientCase.Create(45, Sex.Female, Observation.Present(Findings.LateralHip), Observation.Absent(Findings.FallOrTrauma)), _ => FindingState.Absent);

        Assert.DoesNotContain(transcript.Answers, a => a.Question.Finding.Id == Findings.LegDeformity);
        Assert.NotEmpty(transcript.Answers);
    }
}
