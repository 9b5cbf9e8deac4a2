using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.9.0: the one investigation cell of docs/evidence/facts-addendum-16-investigations.md (section 5) that the
/// rule changes (malignancy, radiographs normal: 2 of 30 films in Kadhim 2018 against 0.741 in the other causes),
/// and the septic-arthritis blood-test cells the rule leaves as they are.
/// </summary>
public sealed class InvestigationRuleTests
{
    [Fact]
    public void Malignancy_NormalRadiograph_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison()
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == "malignancy/inv.radiograph-normal"));

        Assert.Equal(0.25, rule.Ratio.Positive, 2);
        Assert.Equal(1.5, rule.Ratio.Negative, 2);
        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains("Kadhim", rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains("addendum 16", rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains("0.74", rule.Evidence.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(BuiltInKnowledgeBase.Instance.GroupsFor("malignancy"), g => g.Members.Any(m => m.RuleId == rule.Id));
    }

    [Theory]
    [InlineData("septic-arthritis/inv.crp-raised", 6.0, 0.15)]
    [InlineData("septic-arthritis/inv.wbc-over-12", 6.0, 0.4)]
    public void SepticArthritis_BloodTests_KeepTheirRatios(string ruleId, double positive, double negative)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
    }
}
