using HipPain.Rules.Accuracy;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Interview;

/// <summary>Issue 18 item 8: 16 red-flag questions came before the first diagnostic one and a full run asked about 31.</summary>
public sealed class PatientInterviewLengthTests(ITestOutputHelper output)
{
    private static readonly Interviewer Patient = new(new TriageEngine(BuiltInKnowledgeBase.Instance), new InterviewOptions { Audience = InterviewAudience.Patient });

    [Fact]
    public void Measure_EverySet_MedianAtMost15Questions()
    {
        var lengths = PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance);

        using var text = new StringWriter();
        PatientInterviewLength.Write(lengths, text);
        output.WriteLine(text.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "patient-interview-lengths.md"), text.ToString());
        Assert.All(lengths, l => Assert.True(l.Median <= 15, $"{l.Name}: median {l.Median}"));

        // The per-case lines (--per-case) are the same interviews the table summarises.
        Assert.All(lengths, l =>
        {
            Assert.Equal(l.Cases, l.Interviews.Count);
            Assert.Equal(l.Median, l.Interviews.Select(i => i.Questions).Order().ElementAt((l.Cases - 1) / 2));
            Assert.Equal(l.RedFlagMedian, l.Interviews.Select(i => i.RedFlagQuestions).Order().ElementAt((l.Cases - 1) / 2));
            Assert.All(l.Interviews, i => Assert.Equal(i.Questions, i.Asked.Count));
            Assert.All(l.Interviews, i => Assert.InRange(i.RedFlagQuestions, 0, i.Questions));
        });
    }

    /// <summary>
    /// <c>--pain-map-first</c>: each interview starts from the regions the case states, as the web sample's body map
    /// collects them, so no interview asks a region it was given, and no set's median passes 15 questions.
    /// </summary>
    [Fact]
    public void Measure_PainMapFirst_NeverAsksAMarkedRegion_MedianAtMost15Questions()
    {
        var lengths = PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance, painMapFirst: true);

        Assert.All(lengths, l => Assert.True(l.Median <= 15, $"{l.Name}: median {l.Median}"));
        var interviews = lengths.SelectMany(l => l.Interviews).ToList();
        Assert.DoesNotContain(interviews, i => i.Asked.Any(a => a.StartsWith("loc.", StringComparison.Ordinal) && a.EndsWith("=yes", StringComparison.Ordinal)));

        // Without the map some of these interviews ask a region and hear yes: the option changes where they start.
        var fromAgeAndSex = PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance).SelectMany(l => l.Interviews);
        Assert.Contains(fromAgeAndSex, i => i.Asked.Any(a => a.StartsWith("loc.", StringComparison.Ordinal) && a.EndsWith("=yes", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The figures docs/interview.md, hazard H21 and the README quote for starting from the pain map: over every
    /// interview, 388 fewer questions (12,856 -> 12,468), 7,344 -> 7,806 red-flag questions, and 102 interviews ask more
    /// red-flag questions, none fewer.
    /// </summary>
    [Fact]
    public void PainMapFirst_AgainstAgeAndSexOnly_FewerQuestions_AndNoInterviewLosesARedFlagQuestion()
    {
        var fromAgeAndSex = PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance);
        var fromPainMap = PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance, painMapFirst: true);

        var pairs = InterviewComparison.Compare(fromAgeAndSex, fromPainMap);

        Assert.Equal(806, pairs.Length);
        Assert.Equal((12_856, 12_468), (pairs.Sum(p => p.Shipped.Questions), pairs.Sum(p => p.Overlaid.Questions)));
        Assert.Equal((7_344, 7_806), (pairs.Sum(p => p.Shipped.RedFlagQuestions), pairs.Sum(p => p.Overlaid.RedFlagQuestions)));
        Assert.Equal(102, pairs.Count(p => p.Overlaid.RedFlagQuestions > p.Shipped.RedFlagQuestions));
        Assert.DoesNotContain(pairs, p => p.AsksFewerRedFlagQuestions);
    }

    [Fact]
    public void WritePerCase_TwoInterviews_OneTabSeparatedLineEachAfterTheHeader()
    {
        var set = new PatientInterviewLength.SetLength("Set A", 2, 2, 2, 2, 1, 0)
        {
            Interviews = [new("pc-x-01", 2, 1, ["sym.fever=no", "loc.groin=yes"]), new("2", 1, 0, ["loc.groin=no"])],
        };
        using var text = new StringWriter();

        PatientInterviewLength.WritePerCase([set], text);

        Assert.Equal(
            ["set\tcase\tquestions\tred-flag questions\tasked", "Set A\tpc-x-01\t2\t1\tsym.fever=no loc.groin=yes", "Set A\t2\t1\t0\tloc.groin=no"],
            text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void UniversalScreen_BuiltInBase_AtMost5QuestionsEachFiringAGateAlone()
    {
        var screen = BuiltInKnowledgeBase.Instance.RedFlags.SelectMany(f => f.ScreeningFindingIds).Distinct().ToList();

        Assert.InRange(screen.Count, 1, 5);
        Assert.All(screen, id => Assert.Contains(BuiltInKnowledgeBase.Instance.RedFlags, f => f.Criterion.Evaluate(PatientCase.Create(null, Sex.Unspecified, Observation.Present(id))) == true));
    }

    [Fact]
    public void Conduct_PatientSayingNoToEverything_AsksTheScreenFirstThenDiagnosticQuestions()
    {
        var screen = BuiltInKnowledgeBase.Instance.RedFlags.SelectMany(f => f.ScreeningFindingIds).ToHashSet(StringComparer.Ordinal);

        var transcript = Patient.Conduct(PatientCase.Create(30, Sex.Female), _ => FindingState.Absent);

        Assert.All(transcript.Answers.Take(screen.Count), a => Assert.Contains(a.Question.Finding.Id, screen));
        Assert.False(transcript.Answers[screen.Count].Question.IsRedFlagQuestion);
    }

    [Fact]
    public void Conduct_BackPainAppears_CaudaEquinaQuestionsComeNext()
    {
        // The context of the cauda equina gate: once low back pain is answered yes, its questions come before diagnostic ones.
        var step = Patient.Start(PatientCase.Create(40, Sex.Male, Observation.Present("loc.lower-back")));
        var seen = new List<string>();
        while (step.NextQuestion is { IsRedFlagQuestion: true } question)
        {
            seen.Add(question.Finding.Id);
            step = Patient.Answer(step, FindingState.Absent);
        }

        Assert.Contains("sym.saddle-anaesthesia", seen);
        Assert.Contains("sym.bladder-bowel", seen);
    }

    [Fact]
    public void Conduct_NoBackOrLegSymptoms_CaudaEquinaLeftUndecidedAndNamed()
    {
        var transcript = Patient.Conduct(PatientCase.Create(30, Sex.Female, Observation.Present("loc.lateral-hip")), q =>
            q.Finding.Id is "tim.lying-on-side" or "tim.night-pain" ? FindingState.Present : FindingState.Absent);

        var result = transcript.Final.Result;

        Assert.DoesNotContain(transcript.Answers, a => a.Question.Finding.Id == "sym.saddle-anaesthesia");
        Assert.Contains(result.UndecidedRedFlags, r => r.RedFlag.Id == "rf.cauda-equina");
        Assert.Equal(Urgency.Emergency, result.HighestPossibleUrgency);
    }
}
