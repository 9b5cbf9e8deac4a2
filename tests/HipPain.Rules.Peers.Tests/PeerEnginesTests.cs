using HipPain.Rules.Benchmarks.Peers;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Peers.Tests;

/// <summary>
/// The benchmarks compare HipPain.Rules with RulesEngine and NRules running the same rules. These tests prove
/// the comparison honest: all three rank every bundled case, and random cases, identically.
/// </summary>
public sealed class PeerEnginesTests
{
    private const double Tolerance = 1e-9;

    private static readonly KnowledgeBase Base = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine HipPain = new(Base);
    private static readonly RulesEngineScorer RulesEngine = new(Base);
    private static readonly NRulesScorer NRules = new(Base);

    public static TheoryData<string> BundledCaseNames() => [.. BundledCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(BundledCaseNames))]
    public async Task Rankings_BundledCase_IdenticalInAllThreeEngines(string name)
    {
        var patientCase = BundledCases.Find(name)!;

        var (logOdds, ranking) = ScoreWithHipPain(patientCase);
        var rulesEngine = await RulesEngine.ScoreAsync(patientCase);
        var nrules = NRules.Score(patientCase);

        Assert.Equal(Ids(ranking), Ids(rulesEngine.Ranking));
        Assert.Equal(Ids(ranking), Ids(nrules.Ranking));
        Assert.Equal(logOdds, rulesEngine.LogOdds, (a, b) => Math.Abs(a - b) <= Tolerance);
        Assert.Equal(logOdds, nrules.LogOdds, (a, b) => Math.Abs(a - b) <= Tolerance);
    }

    [Fact]
    public async Task Rankings_RandomCasesOnBuiltInBase_IdenticalInAllThreeEngines()
    {
        var rng = new Random(20261125);
        for (var i = 0; i < 40; i++)
        {
            var observations = Base.Findings
                .Where(_ => rng.NextDouble() < 0.3)
                .Select(f => new Observation(f.Id, rng.NextDouble() < 0.6 ? FindingState.Present : FindingState.Absent));
            var patientCase = new PatientCase(rng.NextDouble() < 0.2 ? null : rng.Next(10, 90), (Sex)rng.Next(0, 3), observations);

            var (logOdds, ranking) = ScoreWithHipPain(patientCase);
            var rulesEngine = await RulesEngine.ScoreAsync(patientCase);
            var nrules = NRules.Score(patientCase);

            // The peers sum the same terms in another order, so causes whose log-odds tie exactly in one
            // engine may differ in the last bit in another and swap places. The ranking is the same when
            // every engine's log-odds agree within the tolerance and each rank holds an equal log-odds.
            Assert.Equal(logOdds, rulesEngine.LogOdds, (a, b) => Math.Abs(a - b) <= Tolerance);
            Assert.Equal(logOdds, nrules.LogOdds, (a, b) => Math.Abs(a - b) <= Tolerance);
            Assert.Equal(ranking.Select(c => logOdds[c]), rulesEngine.Ranking.Select(c => logOdds[c]), (a, b) => Math.Abs(a - b) <= Tolerance);
            Assert.Equal(ranking.Select(c => logOdds[c]), nrules.Ranking.Select(c => logOdds[c]), (a, b) => Math.Abs(a - b) <= Tolerance);
        }
    }

    [Fact]
    public void Peers_GeneratedFromKnowledgeBase_HaveARuleForEveryInformativeOutcome()
    {
        var informative = Base.Rules.Sum(r => (r.Ratio.Positive != 1 ? 1 : 0) + (r.Ratio.Negative != 1 ? 1 : 0));

        Assert.Equal(informative, RulesEngine.RuleCount);
        Assert.Equal(informative, NRules.Rules.Count);
        Assert.Contains("\"RuleExpressionType\": \"LambdaExpression\"", RulesEngine.WorkflowJson, StringComparison.Ordinal);
    }

    private static (double[] LogOdds, int[] Ranking) ScoreWithHipPain(PatientCase patientCase)
    {
        var states = new FindingState[HipPain.FindingCount];
        HipPain.CopyStates(patientCase, states);
        var logOdds = new double[HipPain.CauseCount];
        HipPain.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        var ranking = new int[HipPain.CauseCount];
        HipPain.Rank(logOdds, ranking);
        return (logOdds, ranking);
    }

    private static string[] Ids(int[] ranking) => [.. ranking.Select(c => Base.Causes[c].Id)];
}
