using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Interview;

/// <summary>
/// The interviewer's argument checks, option edges, the reason text of a question read by several gates and the
/// "nothing left to change" stop (issue 17, the Interview mutation run's survivors and uncovered mutants).
/// </summary>
public sealed class InterviewerEdgeTests
{
    private static readonly Evidence Estimate = new("Test", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);
    private static readonly Interviewer BuiltIn = new(new TriageEngine(BuiltInKnowledgeBase.Instance));

    [Fact]
    public void AnswerAndConduct_NullArgument_ThrowNamingIt()
    {
        var step = BuiltIn.Start(PatientCase.Create(30, Sex.Male));

        Assert.Equal("step", Assert.Throws<ArgumentNullException>(() => BuiltIn.Answer(null!, FindingState.Absent)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentNullException>(() => BuiltIn.Answer(null!, "sym.fever", FindingState.Absent)).ParamName);
        Assert.Equal("findingId", Assert.Throws<ArgumentNullException>(() => BuiltIn.Answer(step, null!, FindingState.Absent)).ParamName);
        Assert.Equal("answer", Assert.Throws<ArgumentNullException>(() => BuiltIn.Conduct(PatientCase.Create(30, Sex.Male), null!)).ParamName);
    }

    [Fact]
    public void Answer_AnotherFindingThanAsked_ProblemAtTheFindingIdPath()
    {
        var step = BuiltIn.Start(PatientCase.Create(30, Sex.Male));

        var ex = Assert.Throws<InterviewStateException>(() => BuiltIn.Answer(step, "loc.groin", FindingState.Present));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((ErrorCodes.InterviewAnswerNotAsked, "$.findingId"), (problem.Code, problem.Path));
        Assert.Equal($"The answer is for 'loc.groin', but the interview asked '{step.NextQuestion!.Finding.Id}' at this point.", problem.Message);
    }

    [Theory]
    [InlineData(nameof(InterviewOptions.BackgroundPresentRate), 1.0)]
    [InlineData(nameof(InterviewOptions.AlarmBackgroundPresentRate), 0.0)]
    public void Constructor_RateAtTheOpenEndOfItsRange_ThrowsNamingIt(string option, double value)
    {
        var options = new InterviewOptions();
        typeof(InterviewOptions).GetProperty(option)!.SetValue(options, value);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Interviewer(BuiltIn.Engine, options));

        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public void Constructor_LeadingMarginAndProbabilityOne_Accepted()
    {
        var interviewer = new Interviewer(BuiltIn.Engine, new InterviewOptions { LeadingMargin = 1, LeadingProbability = 1 });

        Assert.Equal(InterviewAudience.Clinician, interviewer.Audience);
    }

    [Fact]
    public void Validate_UndefinedAudienceOrSelfCareRedFlagUrgency_ThrowsNamingItAndTheAllowedValues()
    {
        var audience = Assert.Throws<ArgumentOutOfRangeException>(() => new InterviewOptions { Audience = (InterviewAudience)7 }.Validate());
        var urgency = Assert.Throws<ArgumentOutOfRangeException>(() => new InterviewOptions { RedFlagUrgency = Urgency.SelfCare }.Validate());

        Assert.Equal("Audience", audience.ParamName);
        Assert.StartsWith("Audience must be Clinician or Patient.", audience.Message, StringComparison.Ordinal);
        Assert.Equal("RedFlagUrgency", urgency.ParamName);
        Assert.StartsWith("RedFlagUrgency must be Routine, Urgent or Emergency.", urgency.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RankQuestions_FindingInThreeGates_MostUrgentFirstEqualUrgenciesInAuthoringOrderAllNamedInTheReason()
    {
        var kb = new KnowledgeBaseBuilder("three-gates", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("alpha", "Alpha (test)", c => c.Prior(0.3, Estimate).Treat("tx").Finding("x", 5, 0.2, Estimate))
            .AddCause("beta", "Beta", c => c.Prior(0.3, Estimate).Treat("tx"))
            .AddRedFlag("gate-a", "Gate A", f => f.When(Criterion.Present("x")).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .AddRedFlag("gate-b", "Gate B", f => f.When(Criterion.Present("x")).Urgency(Urgency.Emergency).Action("Act").Evidence(Estimate))
            .AddRedFlag("gate-c", "Gate C", f => f.When(Criterion.Present("x")).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .Build();

        var question = Assert.Single(new Interviewer(new TriageEngine(kb)).RankQuestions(PatientCase.Create(30, Sex.Male)));

        Assert.Equal(["gate-b", "gate-a", "gate-c"], question.RedFlags.Select(g => g.Id));
        Assert.Equal(
            "Red flag: the answer can fire or rule out 'Gate B' (Emergency) and 'Gate A' (Urgent) and 'Gate C' (Urgent); it also separates alpha from beta (a yes favours the first, a no the second).",
            question.Reason);
    }

    [Fact]
    public void Step_OpenQuestionsThatCannotChangeAnything_StopsSayingSo()
    {
        // One cause at 50 %, so the leading cause is not clear; no rule or gate reads u.
        var kb = new KnowledgeBaseBuilder("nothing-to-change", "1")
            .AddFinding("u", "U", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.5, Estimate).Treat("tx"))
            .Build();

        var step = new Interviewer(new TriageEngine(kb)).Step(PatientCase.Create(30, Sex.Male));

        Assert.Equal(InterviewStopReason.NothingLeftToChange, step.StopReason);
        Assert.Equal("No answer to any open question can change the top three causes, their order, or the urgency.", step.Explanation);
    }

    [Fact]
    public void RankQuestions_PatientAndAGateWithoutContext_ItsQuestionsAreRedFlagQuestions()
    {
        // Only the second gate has a context (back pain); the first, without one, is always in context, so a patient
        // is asked y as a red-flag question although y is not in any screen.
        var kb = new KnowledgeBaseBuilder("contexts", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("y", "Y", FindingKind.Symptom)
            .AddFinding("back", "Back pain", FindingKind.Symptom)
            .AddFinding("z", "Z", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.1, Estimate).Treat("tx"))
            .AddRedFlag("no-context", "No context", f => f.When(Criterion.AllOf(Criterion.Present("x"), Criterion.Present("y"))).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .AddRedFlag("with-context", "With context", f => f.When(Criterion.Present("z")).AskWhen(Criterion.Present("back")).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .Build();
        var patient = new Interviewer(new TriageEngine(kb), new InterviewOptions { Audience = InterviewAudience.Patient });

        var question = patient.RankQuestions(PatientCase.Create(30, Sex.Male)).Single(q => q.Finding.Id == "y");

        Assert.True(question.IsRedFlagQuestion);
        Assert.Equal(["no-context"], question.RedFlags.Select(g => g.Id));
    }
}
