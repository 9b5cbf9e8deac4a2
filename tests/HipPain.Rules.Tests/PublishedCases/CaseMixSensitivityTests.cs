using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The priors' sensitivity analysis of docs/accuracy.md (<c>--case-mix</c>): each scenario changes the priors it names
/// and nothing else (the shipped base itself is immutable, so building the scenarios cannot change it).
/// </summary>
public sealed class CaseMixSensitivityTests
{
    private static readonly Lazy<IReadOnlyList<CaseMixScenario>> Scenarios = new(() => CaseMixSensitivity.Scenarios(BuiltInKnowledgeBase.Instance));

    [Fact]
    public void FirstScenario_IsTheShippedBase()
    {
        Assert.Same(BuiltInKnowledgeBase.Instance, Scenarios.Value[0].KnowledgeBase);
    }

    [Fact]
    public void SecondScenario_MovesOnlyTheLargestUnsourcedPrior_ToTheOthersMedian()
    {
        var shipped = BuiltInKnowledgeBase.Instance.Causes;
        var moved = Scenarios.Value[1].KnowledgeBase.Causes;
        var others = shipped.Where(c => c.Id != CaseMixSensitivity.UnsourcedLargestPrior).Select(c => c.Prior).Order().ToArray();

        Assert.Equal(shipped.Select(c => c.Id), moved.Select(c => c.Id));
        foreach (var (before, after) in shipped.Zip(moved))
        {
            var expected = before.Id == CaseMixSensitivity.UnsourcedLargestPrior ? others[others.Length / 2] : before.Prior;
            Assert.Equal(expected, after.Prior);
        }

        // It is the largest prior of the base, and an estimate without a runners' case series.
        Assert.Equal(CaseMixSensitivity.UnsourcedLargestPrior, shipped.MaxBy(c => c.Prior)!.Id);
        Assert.Equal(Model.VerificationStatus.Estimated, shipped.Single(c => c.Id == CaseMixSensitivity.UnsourcedLargestPrior).PriorEvidence.Status);
    }

    [Fact]
    public void ThirdScenario_GivesEveryCauseTheSamePrior_AndKeepsEveryRule()
    {
        var equal = Scenarios.Value[2].KnowledgeBase;

        Assert.All(equal.Causes, c => Assert.Equal(1.0 / equal.Causes.Length, c.Prior));
        Assert.Equal(BuiltInKnowledgeBase.Instance.Rules.Length, equal.Rules.Length);
        Assert.Equal(BuiltInKnowledgeBase.Instance.RedFlags.Length, equal.RedFlags.Length);
        Assert.NotEqual(BuiltInKnowledgeBase.Instance.ContentHash, equal.ContentHash);
    }
}
