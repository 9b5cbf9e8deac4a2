using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// docs/evidence/facts-addendum-33-adult-septic-hip.md: the two features every adult of the Leeds/York septic hip
/// series had (difficulty bearing weight, a painfully restricted joint) are septic arthritis rules with the ratios the
/// addendum fixed, each counted once with the evidence it measures with.
/// </summary>
public sealed class AdultSepticHipRuleTests
{
    [Theory]
    [InlineData("septic-arthritis/tim.weight-bearing-pain", 2.27, 0.25, "septic-arthritis/predictors")]
    [InlineData("septic-arthritis/exam.rom-restricted", 2.5, 0.25, "septic-arthritis/joint-signs")]
    public void Cell_HasTheRegisteredRatiosCitesTheSeriesAndSitsInItsGroup(string ruleId, double positive, double negative, string groupId)
    {
        var rule = RegisteredCell.WithRatios(ruleId, positive, negative);

        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains("46 cases, Leeds and York", rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains("AS33-", rule.Evidence.Note, StringComparison.Ordinal);
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("septic-arthritis"), g => g.Id == groupId);
        Assert.Contains(group.Members, m => m.RuleId == ruleId);
    }

    [Fact]
    public void WeightBearingItems_CountOnce()
    {
        var predictors = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("septic-arthritis"), g => g.Id == "septic-arthritis/predictors");

        Assert.Contains(predictors.Members, m => m.RuleId == "septic-arthritis/exam.cannot-bear-weight");
        Assert.Contains(predictors.Members, m => m.RuleId == "septic-arthritis/tim.weight-bearing-pain");
    }

    [Fact]
    public void RestrictedRange_FaiKeepsItsRatioAgainstTheNamedComparison()
    {
        var fai = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == "fai-syndrome/exam.rom-restricted"));
        var (positive, negative, _) = Sources.Derive(0.8, Comparison.RangeRestricted, CapTier.B);

        Assert.Equal(0.40, Comparison.RangeRestricted);
        Assert.Equal(2.0, fai.Ratio.Positive, 2);
        Assert.Equal(positive, fai.Ratio.Positive);
        Assert.Equal(negative, fai.Ratio.Negative);
    }
}
