using BenchmarkDotNet.Attributes;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>Choosing the next interview question over the built-in knowledge base (issue 6; target at most 50 µs).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class InterviewBenchmarks
{
    private readonly Interviewer interviewer = new(new TriageEngine(BuiltInKnowledgeBase.Instance));

    private readonly PatientCase empty = new(null, Sex.Unspecified, []);

    private readonly PatientCase typical = BenchmarkCases.Typical;

    private readonly PatientCase screened;

    /// <summary>Prepares the cases; <c>screened</c> is the typical case after "no" to every red-flag question.</summary>
    public InterviewBenchmarks()
    {
        var step = interviewer.Step(typical);
        while (step.NextQuestion is { IsRedFlagQuestion: true })
        {
            step = interviewer.Answer(step, FindingState.Absent);
        }

        screened = step.Result.Case;
    }

    /// <summary>The next question for the sample's default case (four findings known, red-flag questions open).</summary>
    [Benchmark(Baseline = true)]
    public QuestionSuggestion? NextQuestionTypicalCase() => interviewer.NextQuestion(typical);

    /// <summary>The first question of an interview: every finding open.</summary>
    [Benchmark]
    public QuestionSuggestion? NextQuestionEmptyCase() => interviewer.NextQuestion(empty);

    /// <summary>The first diagnostic question: the typical case after the red-flag screen, so every open question is weighed by its expected gain.</summary>
    [Benchmark]
    public QuestionSuggestion? NextQuestionAfterRedFlagScreen() => interviewer.NextQuestion(screened);

    /// <summary>A whole interview step: triage, stop rule and next question.</summary>
    [Benchmark]
    public InterviewStep StepTypicalCase() => interviewer.Step(typical);

    /// <summary>A whole step after the red-flag screen: triage, the stop rule's check of every answer to every open question, and the next question.</summary>
    [Benchmark]
    public InterviewStep StepAfterRedFlagScreen() => interviewer.Step(screened, 16, 16);
}
