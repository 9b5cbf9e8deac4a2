using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.19.0: a palpable defect after an acute muscle injury, the urgent trigger of the facts table's §1.10 that had
/// no gate (docs/evidence/facts-addendum-46-tendon-avulsion.md): one examination finding, one urgent gate asked in the
/// context of an acute injury, and a muscle-strain rule counted once with the palpation tenderness of its group.
/// </summary>
public sealed class TendonAvulsionTests
{
    private const string GateId = "rf.tendon-avulsion";
    private const string RuleId = "muscle-strain/exam.palpable-defect";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    private static RedFlagOutcome Gate(TriageResult result) => Assert.Single(result.RedFlags, r => r.RedFlag.Id == GateId);

    [Fact]
    public void Gate_IsUrgentForMuscleStrain_ReadingOnlyTheDefect_AskedInAnAcuteInjurysContext_AndNotAScreenQuestion()
    {
        var gate = Assert.Single(Kb.RedFlags, f => f.Id == GateId);

        Assert.Equal(Urgency.Urgent, gate.Urgency);
        Assert.Equal(["muscle-strain"], gate.SuspectedCauseIds);
        Assert.Equal([Findings.PalpableDefect], gate.Criterion.FindingIds());
        Assert.Equal(
            new[] { Findings.AcuteOnset, Findings.SuddenOnset, Findings.FallOrTrauma, Findings.RecentInjury }.Order(StringComparer.Ordinal),
            gate.AskWhen!.FindingIds().Order(StringComparer.Ordinal));
        Assert.Empty(gate.ScreeningFindingIds);
        Assert.Equal(RunningRestriction.StopRunning, gate.RunningAdvice.Restriction);
        Assert.Contains("addendum 46", gate.Evidence.Note!, StringComparison.Ordinal);
        Assert.Contains("4 to 6 weeks", gate.Action, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24, "loc.groin", "tim.sudden-onset")]
    [InlineData(40, "loc.posterior-thigh", "tim.acute-onset")]
    public void Triage_DefectAfterAnAcuteInjury_IsUrgentAndLedByMuscleStrain(int age, string region, string onset)
    {
        var result = Engine.Triage(PatientCase.Create(age, Sex.Male, Observation.Present(region), Observation.Present(onset), Observation.Present(Findings.PalpableDefect)));

        Assert.Equal(RedFlagStatus.Fired, Gate(result).Status);
        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal("muscle-strain", result.Leading.Cause.Id);
    }

    [Fact]
    public void Triage_DefectAbsent_RulesTheGateOut()
    {
        var result = Engine.Triage(PatientCase.Create(24, Sex.Male, Observation.Present(Findings.Groin), Observation.Present(Findings.SuddenOnset), Observation.Absent(Findings.PalpableDefect)));

        Assert.Equal(RedFlagStatus.RuledOut, Gate(result).Status);
        Assert.Equal(Urgency.Routine, result.Urgency);
    }

    [Fact]
    public void Triage_AnAcuteOnsetAlone_NeverPartlyMeetsTheGate_AndDoesNotPutItFirst()
    {
        // The injury decides when the defect is asked about (AskWhen), not whether the gate is partly met: a stated
        // onset leaves the gate untouched, in its context, behind the untouched emergency gates.
        var result = Engine.Triage(PatientCase.Create(24, Sex.Male, Observation.Present(Findings.Groin), Observation.Present(Findings.SuddenOnset), Observation.Present(Findings.RecentInjury)));
        var gate = Gate(result);

        Assert.Equal(RedFlagStatus.Undecided, gate.Status);
        Assert.False(gate.IsPartlyMet);
        Assert.True(gate.RedFlag.AskWhen!.Evaluate(result.Case));
        Assert.Equal([Findings.PalpableDefect], gate.SettlingFindingIds);
        Assert.NotEqual(GateId, result.UndecidedRedFlags[0].RedFlag.Id);
        Assert.Equal(Urgency.Emergency, result.UndecidedRedFlags[0].RedFlag.Urgency);
    }

    [Fact]
    public void Triage_WithoutAnAcuteInjury_TheGateIsOutOfContext()
    {
        var result = Engine.Triage(PatientCase.Create(50, Sex.Female, Observation.Present(Findings.LateralHip), Observation.Present(Findings.GradualOnset), Observation.Absent(Findings.SuddenOnset), Observation.Absent(Findings.AcuteOnset), Observation.Absent(Findings.RecentInjury), Observation.Absent(Findings.FallOrTrauma)));

        Assert.False(Gate(result).RedFlag.AskWhen!.Evaluate(result.Case));
    }

    [Fact]
    public void Rule_IsAnEstimateForADefiningSign_InThePalpationGroup_AndNoOtherCauseReadsTheDefect()
    {
        var rule = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == RuleId));
        var group = Assert.Single(Kb.Groups, g => g.Id == "muscle-strain/resisted-tests");

        Assert.Equal(5.0, rule.Ratio.Positive);
        Assert.Equal(1.0, rule.Ratio.Negative);
        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains("addendum 46", rule.Evidence.Note!, StringComparison.Ordinal);
        Assert.Contains(RuleId, group.Members.Select(m => m.RuleId));
        Assert.Contains("muscle-strain/" + Findings.AdductorTenderness, group.Members.Select(m => m.RuleId));
        Assert.DoesNotContain(Kb.Rules, r => r.CauseId != "muscle-strain" && r.FindingIds().Contains(Findings.PalpableDefect));
    }

    [Fact]
    public void Triage_DefectWithAdductorTenderness_CountsTheDefectOnceNotTheProduct()
    {
        double Strain(params Observation[] observations) => Engine.Triage(PatientCase.Create(24, Sex.Male, observations)).Differential.Single(r => r.Cause.Id == "muscle-strain").LogOdds;

        var gain = Strain(Observation.Present(Findings.PalpableDefect), Observation.Present(Findings.AdductorTenderness)) - Strain();

        Assert.Equal(Math.Log(5.0), gain, 12);
    }

    [Fact]
    public void Conduct_PatientWithoutAnAcuteInjury_IsNeverAskedAboutADefectAsARedFlag()
    {
        // A patient interview asks a gate's questions only in its context. The defect can still come up late in a
        // long interview as a diagnostic question (muscle strain weighs it), never as the gate's question.
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient, MaximumQuestions = 200 });

        var transcript = interviewer.Conduct(PatientCase.Create(45, Sex.Female, Observation.Present(Findings.LateralHip)), _ => FindingState.Absent);

        Assert.DoesNotContain(transcript.Answers, a => a.Question.Finding.Id == Findings.PalpableDefect && a.Question.IsRedFlagQuestion);
        Assert.DoesNotContain(transcript.Answers.Take(15), a => a.Question.Finding.Id == Findings.PalpableDefect);
        Assert.NotEmpty(transcript.Answers);
    }

    [Theory]
    [InlineData(InterviewAudience.Clinician)]
    [InlineData(InterviewAudience.Patient)]
    public void Conduct_AfterASuddenInjury_AsksAboutADefect(InterviewAudience audience)
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = audience });

        var transcript = interviewer.Conduct(PatientCase.Create(24, Sex.Male, Observation.Present(Findings.Groin), Observation.Present(Findings.SuddenOnset)), _ => FindingState.Absent);

        var question = Assert.Single(transcript.Answers, a => a.Question.Finding.Id == Findings.PalpableDefect).Question;
        Assert.True(question.IsRedFlagQuestion);
    }
}
