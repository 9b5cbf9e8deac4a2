using HipPain.Rules.Benchmarks;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Peers.Tests;

/// <summary>
/// The batch benchmark runs and measures what it says: its generated cases are deterministic, and its parallel
/// scoring writes what one thread scoring case by case writes. Run on 10,000 cases instead of a million.
/// </summary>
public sealed class BatchBenchmarksTests
{
    private const int Cases = 10_000;

    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    [Fact]
    public void Generate_SameSeed_SameCases()
    {
        var first = BatchBenchmarks.Generate(Engine, 100, BatchBenchmarks.Seed);
        var second = BatchBenchmarks.Generate(Engine, 100, BatchBenchmarks.Seed);

        Assert.Equal(first.States, second.States);
        Assert.Equal(first.Ages, second.Ages);
        Assert.Equal(first.Sexes, second.Sexes);
        Assert.Contains(FindingState.Present, first.States);
        Assert.Contains(FindingState.Absent, first.States);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ScoreBatch_AnyThreadCount_ReturnsTheLastLogOddsOfEachSliceAsScoredOneByOne(int threads)
    {
        var benchmark = new BatchBenchmarks { Threads = threads, CaseCount = Cases };
        benchmark.Setup();
        var (states, ages, sexes) = BatchBenchmarks.Generate(Engine, Cases, BatchBenchmarks.Seed);

        var expected = 0.0;
        var logOdds = new double[Engine.CauseCount];
        for (var t = 0; t < threads; t++)
        {
            var last = (int)((long)Cases * (t + 1) / threads) - 1;
            Engine.Score(states.AsSpan(last * Engine.FindingCount, Engine.FindingCount), ages[last], sexes[last], logOdds);
            expected += logOdds[^1];
        }

        Assert.Equal(expected, benchmark.ScoreBatch(), 1e-9);
    }
}
