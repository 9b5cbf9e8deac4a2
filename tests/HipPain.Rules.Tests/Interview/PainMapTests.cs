using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Interview;

/// <summary>
/// The pain map (<see cref="Interviewer.PainMap"/>, <see cref="Interviewer.Start(PatientCase, IEnumerable{string})"/>): the
/// regions a patient marks before the first question open the red-flag gates whose context is a region (hazard H21), and a
/// bad map is refused with a problem at its index.
/// </summary>
public sealed class PainMapTests
{
    private static readonly Interviewer Patient = new(new TriageEngine(BuiltInKnowledgeBase.Instance), new InterviewOptions { Audience = InterviewAudience.Patient });

    private static readonly string[] CaudaEquinaQuestions = ["sym.saddle-anaesthesia", "sym.bladder-bowel"];

    [Fact]
    public void PainMap_BuiltInBase_EveryPainLocationInTheBasesOrder()
    {
        var expected = BuiltInKnowledgeBase.Instance.Findings.Where(f => f.Kind == FindingKind.PainLocation).Select(f => f.Id);

        Assert.Equal(expected, Patient.PainMap.Select(f => f.Id));
        Assert.Equal(9, Patient.PainMap.Length);
        Assert.Contains(Patient.PainMap, f => f.Id == "loc.lower-back");
        Assert.All(Patient.PainMap, f => Assert.NotEqual(BodyRegion.None, f.Region));
    }

    [Fact]
    public void Start_MarkedRegions_RecordedPresentAfterTheStartingFindingsWithNoQuestionCounted()
    {
        var start = PatientCase.Create(40, Sex.Male, Observation.Absent("sym.fever"));

        var step = Patient.Start(start, ["loc.buttock", "loc.lower-back"]);

        Assert.Equal(
            [("sym.fever", FindingState.Absent), ("loc.buttock", FindingState.Present), ("loc.lower-back", FindingState.Present)],
            step.Result.Case.Observations.Select(o => (o.FindingId, o.State)));
        Assert.Equal(0, step.QuestionsAsked);
        Assert.Equal(3, step.State.StartingObservationCount);
    }

    [Fact]
    public void Conduct_LowBackMarkedOnTheMap_AsksTheCaudaEquinaQuestionsThatTheSameInterviewWithoutTheMapNeverAsks()
    {
        // The same patient says no to every question; only the map differs, so the map alone opens the gate's context.
        var withMap = Patient.Conduct(PatientCase.Create(40, Sex.Male), ["loc.lower-back"], _ => FindingState.Absent);
        var withoutMap = Patient.Conduct(PatientCase.Create(40, Sex.Male), _ => FindingState.Absent);

        Assert.All(CaudaEquinaQuestions, id => Assert.Contains(withMap.Answers, a => a.Question.Finding.Id == id && a.Question.IsRedFlagQuestion));
        Assert.All(CaudaEquinaQuestions, id => Assert.DoesNotContain(withoutMap.Answers, a => a.Question.Finding.Id == id));
        Assert.DoesNotContain(withMap.Final.Result.UndecidedRedFlags, r => r.RedFlag.Id == "rf.cauda-equina");
        Assert.DoesNotContain(withMap.Answers, a => a.Question.Finding.Id == "loc.lower-back");
    }

    [Fact]
    public void Conduct_WithAMap_SameInterviewAsTheRegionsGivenInTheStartingCase()
    {
        static FindingState Answer(QuestionSuggestion q) => q.Finding.Id is "sym.limp" or "tim.weight-bearing-pain" ? FindingState.Present : FindingState.Absent;

        var withMap = Patient.Conduct(PatientCase.Create(19, Sex.Female), ["loc.groin", "loc.anterior-thigh"], Answer);
        var given = Patient.Conduct(PatientCase.Create(19, Sex.Female, Observation.Present("loc.groin"), Observation.Present("loc.anterior-thigh")), Answer);

        Assert.Equal(given.Answers.Select(a => (a.Question.Finding.Id, a.Answer)), withMap.Answers.Select(a => (a.Question.Finding.Id, a.Answer)));
        Assert.Equal(TriageResultJson.Write(given.Final.Result), TriageResultJson.Write(withMap.Final.Result));
    }

    [Fact]
    public void Resume_StateOfAnInterviewStartedFromAMap_ReplaysToTheSameStep()
    {
        var step = Patient.Start(PatientCase.Create(40, Sex.Male), ["loc.lower-back"]);
        step = Patient.Answer(step, FindingState.Absent);
        step = Patient.Answer(step, FindingState.Absent);

        var resumed = Patient.Resume(InterviewStateJson.Read(InterviewStateJson.Write(step.State)));

        Assert.Equal((step.QuestionsAsked, step.RedFlagQuestionsAsked, step.NextQuestion?.Finding.Id), (resumed.QuestionsAsked, resumed.RedFlagQuestionsAsked, resumed.NextQuestion?.Finding.Id));
    }

    [Fact]
    public void Start_RegionTheCaseAlreadyGivesAsPresent_AcceptedAndRecordedOnce()
    {
        var step = Patient.Start(PatientCase.Create(30, Sex.Female, Observation.Present("loc.groin")), ["loc.groin", "loc.buttock"]);

        Assert.Equal(["loc.groin", "loc.buttock"], step.Result.Case.Observations.Select(o => o.FindingId));
        Assert.Equal(2, step.State.StartingObservationCount);
    }

    [Fact]
    public void Start_EmptyMap_SameAsStartingWithoutOne()
    {
        var start = PatientCase.Create(30, Sex.Female);

        Assert.Equal(TriageResultJson.Write(Patient.Start(start).Result), TriageResultJson.Write(Patient.Start(start, []).Result));
    }

    [Fact]
    public void Start_BadMapAndBadCase_EveryProblemAtItsPath()
    {
        var start = new PatientCase(130, Sex.Female, [Observation.Absent("loc.groin"), Observation.Unknown("loc.knee")]);

        var ex = Assert.Throws<CaseValidationException>(() => Patient.Start(start, ["loc.nowhere", "sym.fever", " ", "loc.buttock", "loc.buttock", "loc.groin", "loc.knee"]));

        Assert.Equal(
            [
                (ErrorCodes.CaseAgeOutOfRange, "$.age"),
                (ErrorCodes.CaseUnknownFinding, "$.painMap[0]"),
                (ErrorCodes.CaseNotAPainRegion, "$.painMap[1]"),
                (ErrorCodes.CaseMissingFindingId, "$.painMap[2]"),
                (ErrorCodes.CaseDuplicateFinding, "$.painMap[4]"),
                (ErrorCodes.CaseContradiction, "$.painMap[5]"),
                (ErrorCodes.CaseContradiction, "$.painMap[6]"),
            ],
            ex.Problems.Select(p => (p.Code, p.Path)));
        Assert.Contains("loc.lateral-hip, loc.groin", ex.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'sym.fever'", ex.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("Symptom", ex.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("gives it as Absent", ex.Problems[5].Message, StringComparison.Ordinal);
        Assert.Contains("gives it as Unknown", ex.Problems[6].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartAndConduct_NullArguments_Throw()
    {
        var start = PatientCase.Create(30, Sex.Female);

        Assert.Throws<ArgumentNullException>(() => Patient.Start(null!, []));
        Assert.Throws<ArgumentNullException>(() => Patient.Start(start, null!));
        Assert.Throws<ArgumentNullException>(() => Patient.Conduct(start, [], null!));
        Assert.Throws<ArgumentNullException>(() => Patient.Conduct(start, null!, _ => FindingState.Absent));
    }
}
