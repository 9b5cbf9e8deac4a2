using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.18.0: a hip replacement with new pain and a skin infection over it, the septic arthritis emergency trigger of
/// facts §7 that had no gate (docs/evidence/facts-addendum-45-prosthesis-skin-infection.md): one finding, one emergency
/// gate asked only of a patient with a hip replacement, and Margaretten's composite counted once with the other
/// exposures.
/// </summary>
public sealed class ProsthesisSkinInfectionTests
{
    private const string GateId = "rf.prosthesis-skin-infection";
    private const string CompositeId = "septic-arthritis/prosthesis-skin-infection";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    private static RedFlagOutcome Gate(TriageResult result) => Assert.Single(result.RedFlags, r => r.RedFlag.Id == GateId);

    [Fact]
    public void Gate_IsAnEmergencyForSepticArthritis_ReadingOnlyTheTwoRiskFindings_AndNotAScreenQuestion()
    {
        var gate = Assert.Single(Kb.RedFlags, f => f.Id == GateId);

        Assert.Equal(Urgency.Emergency, gate.Urgency);
        Assert.Equal(["septic-arthritis"], gate.SuspectedCauseIds);
        Assert.Equal([Findings.HipProsthesis, Findings.SkinInfectionNearHip], gate.Criterion.FindingIds().Order(StringComparer.Ordinal));
        Assert.Equal([Findings.HipProsthesis], gate.AskWhen!.FindingIds());
        Assert.Empty(gate.ScreeningFindingIds);
        Assert.DoesNotContain(Kb.RedFlags, f => f.ScreeningFindingIds.Contains(Findings.SkinInfectionNearHip));
        Assert.Contains("addendum 45", gate.Evidence.Note!, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_ProsthesisAndSkinInfectionWithoutFever_IsAnEmergencyLedBySepticArthritis()
    {
        var result = Engine.Triage(PatientCase.Create(58, Sex.Male, Observation.Present(Findings.Groin), Observation.Present(Findings.HipProsthesis), Observation.Present(Findings.SkinInfectionNearHip), Observation.Absent(Findings.Fever)));

        Assert.Equal(RedFlagStatus.Fired, Gate(result).Status);
        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Equal("septic-arthritis", result.Leading.Cause.Id);
    }

    [Theory]
    [InlineData(FindingState.Absent, FindingState.Present)]
    [InlineData(FindingState.Present, FindingState.Absent)]
    public void Triage_EitherFindingAbsent_RulesTheGateOut(FindingState prosthesis, FindingState skin)
    {
        var result = Engine.Triage(PatientCase.Create(58, Sex.Male, new Observation(Findings.HipProsthesis, prosthesis), new Observation(Findings.SkinInfectionNearHip, skin)));

        Assert.Equal(RedFlagStatus.RuledOut, Gate(result).Status);
    }

    [Fact]
    public void Triage_ProsthesisAloneUnanswered_GateIsPartlyMetAndAsksTheSkinQuestionFirst()
    {
        // Only the two risk findings can partly meet the gate: the prosthesis points at it, so it heads the undecided
        // gates and its skin question heads the questions that settle the urgency.
        var result = Engine.Triage(PatientCase.Create(64, Sex.Female, Observation.Present(Findings.Groin), Observation.Present(Findings.HipProsthesis)));

        Assert.True(Gate(result).IsPartlyMet);
        Assert.Equal(GateId, result.UndecidedRedFlags[0].RedFlag.Id);
        Assert.Equal(Findings.SkinInfectionNearHip, result.SettlingFindingIds[0]);
        Assert.Equal(Urgency.Emergency, result.HighestPossibleUrgency);
    }

    [Fact]
    public void Triage_SymptomsWithoutEitherRiskFinding_LeaveTheGateUntouched()
    {
        var result = Engine.Triage(PatientCase.Create(30, Sex.Male, Observation.Present(Findings.Groin), Observation.Present(Findings.RangeRestricted), Observation.Present(Findings.DurationUnderTwoWeeks), Observation.Present(Findings.InfectionRisk)));

        Assert.False(Gate(result).IsPartlyMet);
        Assert.NotEqual(GateId, result.UndecidedRedFlags[0].RedFlag.Id);
    }

    [Fact]
    public void Composite_IsMargarettensFigureCappedToTheTierACap_CountedOnceWithTheExposures()
    {
        var rule = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == CompositeId));
        var group = Assert.Single(Kb.Groups, g => g.Id == "septic-arthritis/exposure");

        Assert.Equal(10.0, rule.Ratio.Positive);
        Assert.Equal(1.0, rule.Ratio.Negative);
        Assert.Contains("15.0", rule.Evidence.Note!, StringComparison.Ordinal);
        Assert.Contains("Margaretten", rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains(CompositeId, group.Members.Select(m => m.RuleId));
        Assert.Contains("septic-arthritis/" + Findings.HipProsthesis, group.Members.Select(m => m.RuleId));
        Assert.DoesNotContain(Kb.Rules, r => r.CauseId != "septic-arthritis" && r.FindingIds().Contains(Findings.SkinInfectionNearHip));
    }

    [Fact]
    public void Triage_BothFindings_SepticLogOddsRiseByTheCompositeAloneNotTheProductOfTheExposures()
    {
        double Septic(params Observation[] observations) => Engine.Triage(PatientCase.Create(58, Sex.Male, observations)).Differential.Single(r => r.Cause.Id == "septic-arthritis").LogOdds;

        var gain = Septic(Observation.Present(Findings.HipProsthesis), Observation.Present(Findings.SkinInfectionNearHip), Observation.Present(Findings.InfectionRisk)) - Septic();

        Assert.Equal(Math.Log(10.0), gain, 12);
    }

    [Fact]
    public void Conduct_PatientWithoutAHipReplacement_IsNeverAskedTheSkinQuestion()
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient, MaximumQuestions = 200 });

        var transcript = interviewer.Conduct(PatientCase.Create(40, Sex.Male, Observation.Present(Findings.Groin), Observation.Absent(Findings.HipProsthesis)), _ => FindingState.Absent);

        Assert.DoesNotContain(transcript.Answers, a => a.Question.Finding.Id == Findings.SkinInfectionNearHip);
        Assert.NotEmpty(transcript.Answers);
    }

    [Fact]
    public void Conduct_PatientWithAHipReplacement_IsAskedTheSkinQuestion()
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient });

        var transcript = interviewer.Conduct(PatientCase.Create(62, Sex.Female, Observation.Present(Findings.Groin), Observation.Present(Findings.HipProsthesis)), _ => FindingState.Absent);

        Assert.Contains(transcript.Answers, a => a.Question.Finding.Id == Findings.SkinInfectionNearHip);
    }
}
