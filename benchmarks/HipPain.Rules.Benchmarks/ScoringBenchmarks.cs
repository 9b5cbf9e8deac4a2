using BenchmarkDotNet.Attributes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>Scoring and ranking one case against the built-in knowledge base, by case size.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScoringBenchmarks
{
    private readonly TriageEngine engine = new(BuiltInKnowledgeBase.Instance);
    private PatientCase patientCase = BenchmarkCases.Typical;
    private FindingState[] states = [];
    private double[] logOdds = [];
    private int[] ranking = [];

    [Params(CaseSize.Small, CaseSize.Typical, CaseSize.Large)]
    public CaseSize Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        patientCase = BenchmarkCases.Of(Case);
        states = new FindingState[engine.FindingCount];
        engine.CopyStates(patientCase, states);
        logOdds = new double[engine.CauseCount];
        ranking = new int[engine.CauseCount];
    }

    /// <summary>The span API from a filled state buffer: score every cause, rank them all.</summary>
    [Benchmark(Baseline = true)]
    public int ScoreAndRank()
    {
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        engine.Rank(logOdds, ranking);
        return ranking[0];
    }

    /// <summary>The span API from the case object: validate and map the case, score, rank.</summary>
    [Benchmark]
    public int CopyStatesScoreAndRank()
    {
        engine.CopyStates(patientCase, states);
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        engine.Rank(logOdds, ranking);
        return ranking[0];
    }

    /// <summary>The full result: ranking, explanation, red flags and plan.</summary>
    [Benchmark]
    public TriageResult Triage() => engine.Triage(patientCase);

    /// <summary>
    /// The full result with its undecided red flags read: they are evaluated and put in settling order on first access,
    /// which every display and the JSON writer pays.
    /// </summary>
    [Benchmark]
    public int TriageAndOrderRedFlags() => engine.Triage(patientCase).UndecidedRedFlags.Length;
}
