using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Interview;

/// <summary>Issue 18: a patient interview asked examination and laboratory questions; a stateless server had to trust client counts.</summary>
public sealed class InterviewAudienceTests
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);
    private static readonly Interviewer Patient = new(Engine, new InterviewOptions { Audience = InterviewAudience.Patient });
    private static readonly Interviewer Clinician = new(Engine);

    public static TheoryData<string> CaseNames => [.. BundledCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Conduct_PatientAudience_AsksOnlyWhatAPatientCanAnswerInPatientWording(string name)
    {
        var start = new PatientCase(BundledCases.Find(name)!.Age, BundledCases.Find(name)!.Sex, []);
        var present = BundledCases.Find(name)!.Observations.Select(o => o.FindingId).ToHashSet(StringComparer.Ordinal);

        var transcript = Patient.Conduct(start, q => present.Contains(q.Finding.Id) ? FindingState.Present : FindingState.Absent);

        Assert.NotEmpty(transcript.Answers);
        Assert.All(transcript.Answers, a =>
        {
            Assert.True(a.Question.Finding.IsAskedOfPatient, a.Question.Finding.Id);
            Assert.Equal(a.Question.Finding.PatientQuestion ?? a.Question.Finding.Question, a.Question.Wording);
        });
    }

    [Fact]
    public void IsAskedOfPatient_ExaminationWithPatientWording_TrueOtherExaminationsFalse()
    {
        var kb = BuiltInKnowledgeBase.Instance;

        Assert.True(kb.TryGetFinding("exam.cannot-bear-weight", out var weight) && weight.IsAskedOfPatient);
        Assert.True(kb.TryGetFinding("exam.fadir", out var fadir) && !fadir.IsAskedOfPatient);
        Assert.True(kb.TryGetFinding("inv.esr-over-40", out var esr) && !esr.IsAskedOfPatient);
        Assert.True(kb.TryGetFinding("hx.cancer", out var cancer) && cancer.IsAskedOfPatient);
    }

    [Fact]
    public void RankQuestions_PatientAudience_NoExaminationWithoutPatientWording()
    {
        var ranked = Patient.RankQuestions(new PatientCase(30, Sex.Female, [Observation.Present("loc.groin")]));

        Assert.DoesNotContain(ranked, q => !q.Finding.IsAskedOfPatient);
        Assert.Contains(Clinician.RankQuestions(new PatientCase(30, Sex.Female, [Observation.Present("loc.groin")])), q => !q.Finding.IsAskedOfPatient);
    }

    [Fact]
    public void Resume_StateThroughJson_SameQuestionAndCountsDerivedByReplay()
    {
        var step = Answer(Patient.Start(new PatientCase(34, Sex.Female, [Observation.Present("loc.lateral-hip")])), 6);

        var json = InterviewStateJson.Write(step.State);
        var resumed = Patient.Resume(InterviewStateJson.Read(json));

        Assert.Equal(step.NextQuestion?.Finding.Id, resumed.NextQuestion?.Finding.Id);
        Assert.Equal((6, step.RedFlagQuestionsAsked), (resumed.QuestionsAsked, resumed.RedFlagQuestionsAsked));
        Assert.Equal(1, resumed.State.StartingObservationCount);
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.InterviewState, json));
    }

    [Fact]
    public void Resume_StartingObservationsDeflatedToClaimMoreQuestions_HPI001()
    {
        var step = Answer(Patient.Start(new PatientCase(34, Sex.Female, [Observation.Present("loc.lateral-hip"), Observation.Present("tim.lying-on-side")])), 3);
        var json = InterviewStateJson.Write(step.State).Replace("\"startingObservations\":2", "\"startingObservations\":0", StringComparison.Ordinal);

        var ex = Assert.Throws<InterviewStateException>(() => Patient.Resume(InterviewStateJson.Read(json)));

        Assert.Equal(["HPI001 at $.case.observations[0]"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Resume_AnswerTheInterviewDidNotAsk_HPI001NamingWhatItAsked()
    {
        var step = Answer(Patient.Start(new PatientCase(34, Sex.Female, [])), 2);
        var tampered = step.Result.Case.With("tim.night-pain", FindingState.Present);
        var state = InterviewStateJson.Read(InterviewStateJson.Write(step.State).Replace(
            CaseJsonFragment(step.Result.Case), CaseJsonFragment(tampered), StringComparison.Ordinal));

        var ex = Assert.Throws<InterviewStateException>(() => Patient.Resume(state));

        Assert.Equal("HPI001 at $.case.observations[2]", $"{ex.Problems[0].Code} at {ex.Problems[0].Path}");
        Assert.Contains($"the interview asked '{step.NextQuestion!.Finding.Id}'", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_OtherAudienceOrBase_HPI003AndHPI002()
    {
        var state = Patient.Start(new PatientCase(34, Sex.Female, [])).State;
        var otherBase = new Interviewer(new TriageEngine(BuiltInKnowledgeBase.CreateBuilder().SetIdentity("clinic", "1").Build()));

        var audience = Assert.Throws<InterviewStateException>(() => Clinician.Resume(state));
        var knowledgeBase = Assert.Throws<InterviewStateException>(() => otherBase.Resume(state));

        Assert.Equal(["HPI003 at $.audience"], audience.Problems.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal(["HPI002 at $.knowledgeBase", "HPI003 at $.audience"], knowledgeBase.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_StartingObservationsBeyondTheCase_ResumeGivesHPI004()
    {
        var json = InterviewStateJson.Write(Patient.Start(new PatientCase(34, Sex.Female, [])).State)
            .Replace("\"startingObservations\":0", "\"startingObservations\":5", StringComparison.Ordinal);

        var ex = Assert.Throws<InterviewStateException>(() => Patient.Resume(InterviewStateJson.Read(json)));

        Assert.Equal(["HPI004 at $.startingObservations"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_BadAudienceAndCaseValue_EveryProblemAtItsPath()
    {
        const string json = """
            { "formatVersion": 1, "knowledgeBase": { "id": "k", "version": "1" }, "audience": "doctor", "startingObservations": 0,
              "case": { "formatVersion": 1, "sex": "f" } }
            """;

        var ex = Assert.Throws<InterviewStateException>(() => InterviewStateJson.Read(json));

        Assert.Equal(["HPJ005 at $.knowledgeBase.hash", "HPJ004 at $.audience", "HPJ004 at $.case.sex"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Answer_ForAnotherFindingThanAsked_HPI001()
    {
        var step = Patient.Start(new PatientCase(34, Sex.Female, []));

        var ex = Assert.Throws<InterviewStateException>(() => Patient.Answer(step, "loc.knee", FindingState.Present));

        Assert.Equal(ErrorCodes.InterviewAnswerNotAsked, ex.Problems[0].Code);
        Assert.Equal(step.NextQuestion!.Finding.Id, Patient.Answer(step, step.NextQuestion.Finding.Id, FindingState.Absent).Result.Case.Observations[^1].FindingId);
    }

    private static InterviewStep Answer(InterviewStep step, int count)
    {
        for (var i = 0; i < count && step.NextQuestion is not null; i++)
        {
            step = Patient.Answer(step, i % 2 == 0 ? FindingState.Absent : FindingState.Present);
        }

        return step;
    }

    private static string CaseJsonFragment(PatientCase patientCase)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            CaseJson.Write(patientCase, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
