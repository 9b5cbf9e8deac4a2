using BenchmarkDotNet.Attributes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>Triaging one typical case (the sample's default case) against the built-in knowledge base.</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private readonly TriageEngine engine = new(BuiltInKnowledgeBase.Instance);

    private readonly PatientCase typical = PatientCase.Create(
        34,
        Sex.Unspecified,
        Observation.Present("loc.lateral-hip"),
        Observation.Present("tim.night-pain"),
        Observation.Present("tim.lying-on-side"),
        Observation.Present("exam.gt-tenderness"));

    /// <summary>The full result: ranking, explanation, red flags and plan.</summary>
    [Benchmark(Baseline = true)]
    public TriageResult TriageTypicalCase() => engine.Triage(typical);

    /// <summary>Compiling the built-in base into an engine.</summary>
    [Benchmark]
    public TriageEngine CompileBuiltInBase() => new(BuiltInKnowledgeBase.Instance);
}
