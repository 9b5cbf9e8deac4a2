using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.10.0: the four risk-factor cells of docs/evidence/facts-addendum-18-exposures.md (section 5): steroids,
/// alcohol and a predisposing condition in osteonecrosis and an infection risk in septic arthritis, each a published
/// (or computed) share against the prior-weighted share in the other causes (rule X3), through Sources.Derive; and the
/// rules the study leaves as they were (published ratios, stress-fracture estimates).
/// </summary>
public sealed class ExposureRuleTests
{
    public static TheoryData<string, double, double, string> Cells => new()
    {
        { "avascular-necrosis/rf.steroid-use", 6.0, 0.75, "CONFHD" },
        { "avascular-necrosis/rf.alcohol-excess", 6.0, 0.66, "CONFHD" },
        { "avascular-necrosis/rf.osteonecrosis-condition", 6.0, 0.85, "Fukushima" },
        { "septic-arthritis/rf.infection-risk", 4.8, 0.58, "Gupta" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rule_Addendum18Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series)
    {
        RegisteredCell.Holds(ruleId, positive, negative, series, 18, "other 17 causes");
    }

    [Theory]
    [InlineData("avascular-necrosis/rf.steroid-use", "LR+ 8.93")]
    [InlineData("avascular-necrosis/rf.alcohol-excess", "LR+ 7.42")]
    [InlineData("avascular-necrosis/rf.osteonecrosis-condition", "LR+ 15.8")]
    public void Rule_DerivedAboveTheEstimateBound_IsHeldToSixAndSaysSo(string ruleId, string derived)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));

        Assert.Equal(Sources.MaximumEstimatedPositive, rule.Ratio.Positive);
        Assert.Contains(derived, rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains("Held to the estimate bound of LR+ 6", rule.Evidence.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("septic-arthritis/rf.hip-prosthesis", 3.1, 1.0)]
    [InlineData("septic-arthritis/rf.recent-joint-surgery", 6.9, 1.0)]
    [InlineData("femoral-neck-stress-fracture/rf.low-energy-availability", 1.5, 1.0)]
    [InlineData("pubic-ramus-stress-fracture/rf.low-energy-availability", 1.5, 1.0)]
    [InlineData("femoral-neck-stress-fracture/rf.osteopenia", 2.0, 1.0)]
    [InlineData("pubic-ramus-stress-fracture/rf.prior-stress-fracture", 2.0, 1.0)]
    public void Rule_WithoutAQualifyingShare_KeepsItsRatio(string ruleId, double positive, double negative)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
    }

    [Fact]
    public void Osteonecrosis_ExposuresCountOnceInOneGroup()
    {
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("avascular-necrosis"), g => g.Id == "avascular-necrosis/exposure");

        Assert.Equal(
            ["avascular-necrosis/rf.steroid-use", "avascular-necrosis/rf.alcohol-excess", "avascular-necrosis/rf.smoking", "avascular-necrosis/rf.osteonecrosis-condition", "avascular-necrosis/hx.fall-or-trauma", "avascular-necrosis/rf.pregnancy-postpartum"],
            group.Members.Select(m => m.RuleId));
    }
}
