using BenchmarkDotNet.Attributes;
using HipPain.Rules.Benchmarks.Peers;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>
/// Scoring and ranking the typical case against the built-in base in HipPain.Rules, Microsoft RulesEngine and
/// NRules, every engine starting from the same <see cref="PatientCase"/> and ending with the same ranking
/// (tests/HipPain.Rules.Peers.Tests proves the rankings identical).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PeerBenchmarks
{
    private readonly TriageEngine engine = new(BuiltInKnowledgeBase.Instance);
    private readonly RulesEngineScorer rulesEngine = new(BuiltInKnowledgeBase.Instance);
    private readonly NRulesScorer nrules = new(BuiltInKnowledgeBase.Instance);
    private readonly RulesEngineScorer rulesEngineTuned = new(BuiltInKnowledgeBase.Instance, tuned: true);
    private readonly NRulesScorer nrulesTuned = new(BuiltInKnowledgeBase.Instance, reuseSession: true);
    private readonly PatientCase patientCase = BenchmarkCases.Typical;
    private FindingState[] states = [];
    private double[] logOdds = [];
    private int[] ranking = [];

    [GlobalSetup]
    public void Setup()
    {
        states = new FindingState[engine.FindingCount];
        logOdds = new double[engine.CauseCount];
        ranking = new int[engine.CauseCount];
    }

    /// <summary>HipPain.Rules span API: map the case, score, rank every cause.</summary>
    [Benchmark(Baseline = true)]
    public int HipPainRules()
    {
        engine.CopyStates(patientCase, states);
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        engine.Rank(logOdds, ranking);
        return ranking[0];
    }

    /// <summary>HipPain.Rules full result (ranking plus explanation, red flags and plan), for scale.</summary>
    [Benchmark]
    public TriageResult HipPainRulesTriage() => engine.Triage(patientCase);

    /// <summary>Microsoft RulesEngine 6.0.1 running the generated JSON workflow.</summary>
    [Benchmark]
    public async Task<int> RulesEngine() => (await rulesEngine.ScoreAsync(patientCase).ConfigureAwait(false)).Ranking[0];

    /// <summary>NRules 1.0.4 running the generated rules in a new session.</summary>
    [Benchmark]
    public int NRules() => nrules.Score(patientCase).Ranking[0];

    /// <summary>RulesEngine with expert settings: no actions, no formatted messages, no scoped parameters, FastExpressionCompiler.</summary>
    [Benchmark]
    public async Task<int> RulesEngineTuned() => (await rulesEngineTuned.ScoreAsync(patientCase).ConfigureAwait(false)).Ranking[0];

    /// <summary>NRules with one reused session: insert, fire, retract.</summary>
    [Benchmark]
    public int NRulesTuned() => nrulesTuned.Score(patientCase).Ranking[0];
}
