using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.11.0: the systemic and constitutional cells of docs/evidence/facts-addendum-21-systemic.md (section 5):
/// malignancy's history of cancer and weight loss take Deyo &amp; Diehl's published ratios at tier C (rule S5), septic
/// arthritis's fever cites the adult hip series at an unchanged ratio, the rules without a qualifying figure keep
/// their ratios, and the correlated systemic findings stay in one evidence group per cause (rule S6).
/// </summary>
public sealed class SystemicRuleTests
{
    [Theory]
    [InlineData("malignancy/hx.cancer", 4.0, 0.70, "LR+ 15.5")]
    [InlineData("malignancy/sym.weight-loss", 2.5, 0.90, "LR+ 2.5")]
    public void Rule_Addendum21DeyoCell_HasThePublishedRatioAtTierC(string ruleId, double positive, double negative, string published)
    {
        var rule = Rule(ruleId);

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
        Assert.Equal(VerificationStatus.VerifiedSecondary, rule.Evidence.Status);
        Assert.Contains("Deyo", rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains(published, rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains("addendum 21", rule.Evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void SepticFever_CitesTheAdultHipSeriesAndTheComparison_RatioUnchanged()
    {
        var rule = Rule("septic-arthritis/sym.fever");

        Assert.Equal(6.0, rule.Ratio.Positive, 2);
        Assert.Equal(0.44, rule.Ratio.Negative, 2);
        Assert.Contains("46 cases", rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains("26 of 46", rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains("other 17 causes", rule.Evidence.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("septic-arthritis/sym.night-sweats", 6.0, 0.75)]
    [InlineData("malignancy/sym.night-sweats", 5.0, 0.88)]
    public void Rule_WithoutANewQualifyingFigure_KeepsItsRatio(string ruleId, double positive, double negative)
    {
        var rule = Rule(ruleId);

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
    }

    [Theory]
    [InlineData("septic-arthritis", "septic-arthritis/predictors", new[] { "sym.fever", "sym.night-sweats" })]
    [InlineData("malignancy", "malignancy/red-flag-history", new[] { "hx.cancer", "sym.weight-loss", "sym.night-sweats" })]
    public void SystemicFindings_CountOnceInOneGroupPerCause(string causeId, string groupId, string[] findings)
    {
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor(causeId), g => g.Id == groupId);
        var members = group.Members.Select(m => m.RuleId).ToHashSet(StringComparer.Ordinal);

        foreach (var finding in findings)
        {
            Assert.Contains($"{causeId}/{finding}", members);
        }

        // No other group of the cause holds a systemic finding, so none can count twice.
        Assert.DoesNotContain(
            BuiltInKnowledgeBase.Instance.GroupsFor(causeId).Where(g => g.Id != groupId).SelectMany(g => g.Members),
            m => findings.Any(f => m.RuleId == $"{causeId}/{f}"));
    }

    [Fact]
    public void SystemicFindings_WeighOnlyTheTwoCantMissCauses()
    {
        string[] systemic = ["sym.fever", "sym.night-sweats", "sym.weight-loss", "hx.cancer"];
        var causes = BuiltInKnowledgeBase.Instance.Rules
            .OfType<CriterionRule>()
            .Where(r => systemic.Any(f => r.Id.EndsWith("/" + f, StringComparison.Ordinal)))
            .Select(r => r.Id[..r.Id.IndexOf('/', StringComparison.Ordinal)])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["malignancy", "septic-arthritis"], causes);
    }

    private static CriterionRule Rule(string ruleId) =>
        Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));
}
