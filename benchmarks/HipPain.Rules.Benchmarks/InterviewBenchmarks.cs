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

    private readonly PatientCase typical = PatientCase.Create(
        34,
        Sex.Unspecified,
        Observation.Present("loc.lateral-hip"),
        Observation.Present("tim.night-pain"),
        Observation.Present("tim.lying-on-side"),
        Observation.Present("exam.gt-tenderness"));

    /// <summary>The next question for the sample's default case (four findings known).</summary>
    [Benchmark(Baseline = true)]
    public QuestionSuggestion? NextQuestionTypicalCase() => interviewer.NextQuestion(typical);

    /// <summary>The first question of an interview: every finding open.</summary>
    [Benchmark]
    public QuestionSuggestion? NextQuestionEmptyCase() => interviewer.NextQuestion(empty);

    /// <summary>A whole interview step: triage, stop rule and next question.</summary>
    [Benchmark]
    public InterviewStep StepTypicalCase() => interviewer.Step(typical);
}
