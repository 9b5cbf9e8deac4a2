using BenchmarkDotNet.Attributes;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>
/// How cost grows with the size of the knowledge base: generated bases of 10 to 1000 causes and 100 to
/// 10,000 findings (about two single-finding rules per finding), scoring a case that answers 20 findings.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SyntheticBaseBenchmarks
{
    private KnowledgeBase knowledgeBase = null!;
    private TriageEngine engine = null!;
    private PatientCase patientCase = null!;
    private FindingState[] states = [];
    private double[] logOdds = [];
    private int[] ranking = [];

    [Params(10, 100, 1000)]
    public int Causes { get; set; }

    [Params(100, 1000, 10000)]
    public int Findings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        knowledgeBase = SyntheticKnowledgeBase.Get(Causes, Findings);
        engine = new TriageEngine(knowledgeBase);
        patientCase = SyntheticKnowledgeBase.Case(knowledgeBase, 20);
        states = new FindingState[engine.FindingCount];
        engine.CopyStates(patientCase, states);
        logOdds = new double[engine.CauseCount];
        ranking = new int[engine.CauseCount];
    }

    /// <summary>Score every cause from a filled state buffer.</summary>
    [Benchmark(Baseline = true)]
    public double Score()
    {
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        return logOdds[0];
    }

    /// <summary>Score every cause and rank them all.</summary>
    [Benchmark]
    public int ScoreAndRank()
    {
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        engine.Rank(logOdds, ranking);
        return ranking[0];
    }

    /// <summary>Compile the base into an engine.</summary>
    [Benchmark]
    public TriageEngine Compile() => new(knowledgeBase);
}
