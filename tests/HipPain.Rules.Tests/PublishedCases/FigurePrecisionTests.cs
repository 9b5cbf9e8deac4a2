using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>The 95 % Wilson score intervals printed beside every published set's figures (docs/accuracy.md).</summary>
public sealed class FigurePrecisionTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(7, 51, 0.0681, 0.2572)]
    public void Wilson_KnownCounts_GiveTheTextbookInterval(int successes, int trials, double lower, double upper)
    {
        // Reference values computed outside this code from Wilson's score formula with z = 1.96 (the score interval,
        // method 3 of Newcombe RG, Stat Med 1998;17:857-872).
        var (low, high) = FigurePrecision.Wilson(successes, trials);

        Assert.Equal(lower, low, 4);
        Assert.Equal(upper, high, 4);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void Wilson_ImpossibleCounts_Throw(int successes, int trials)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FigurePrecision.Wilson(successes, trials));
    }

    [Fact]
    public void Sets_ThePublishedSets_PoolTheBatchesWithoutLosingACase()
    {
        var published = PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Repository.Root);
        var holdouts = HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, Repository.Root);

        var sets = FigurePrecision.Sets(published, holdouts);

        Assert.Equal(2 + holdouts.Length + 2, sets.Length);
        Assert.Equal("Holdout batches pooled", sets[^2].Name);
        Assert.Equal(holdouts.Sum(h => h.All.Count), sets[^2].Report.Outcomes.Length);
        Assert.Equal(holdouts.Sum(h => h.All.Outcomes.Count(o => o.Top1)), sets[^2].Report.Outcomes.Count(o => o.Top1));
        Assert.Equal(FigurePrecision.EverySetPooled, sets[^1].Name);
        Assert.Equal(published.Development.Count + published.Test.Count + holdouts.Sum(h => h.All.Count), sets[^1].Report.Count);
        Assert.Equal(
            published.Development.UnderTriagedAllowingProvisionalCount + published.Test.UnderTriagedAllowingProvisionalCount + holdouts.Sum(h => h.All.UnderTriagedAllowingProvisionalCount),
            sets[^1].Report.UnderTriagedAllowingProvisionalCount);
    }

    [Fact]
    public void PerCause_EveryScoredSetPooled_SplitsEveryCaseOnceByItsReference()
    {
        var published = PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Repository.Root);
        var holdouts = HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, Repository.Root);
        var pooled = FigurePrecision.Sets(published, holdouts)[^1].Report;

        var causes = FigurePrecision.PerCause(pooled);

        Assert.Equal(pooled.Count, causes.Sum(c => c.Report.Count));
        Assert.Equal(pooled.Outcomes.Count(o => o.Top1), causes.Sum(c => c.Report.Outcomes.Count(o => o.Top1)));
        Assert.Equal(pooled.UnderTriagedAllowingProvisionalCount, causes.Sum(c => c.Report.UnderTriagedAllowingProvisionalCount));
        Assert.All(causes, c => Assert.All(c.Report.Outcomes, o => Assert.Equal(c.Cause, o.Vignette.Reference)));
        Assert.Equal(causes.Length, causes.Select(c => c.Cause).Distinct(StringComparer.Ordinal).Count());
        Assert.True(causes.Select(c => c.Report.Top1).SequenceEqual(causes.Select(c => c.Report.Top1).Order()), "lowest top-1 first");
    }
}
