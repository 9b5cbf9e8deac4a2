using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// The check each pre-registered knowledge study's test makes of one changed cell: the built-in base holds the rule,
/// with the registered ratios, marked as an estimate, citing its series and naming the addendum and the comparison it
/// was derived against (onset and duration, history, exposures; docs/evidence/facts-addendum-12, -15, -18).
/// </summary>
internal static class RegisteredCell
{
    public static void Holds(string ruleId, double positive, double negative, string series, int addendum, string comparison)
    {
        var rule = WithRatios(ruleId, positive, negative);

        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains(series, rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains($"addendum {addendum}", rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains(comparison, rule.Evidence.Note, StringComparison.Ordinal);
    }

    /// <summary>The built-in base's one rule with this id, asserted to carry these ratios (two decimals).</summary>
    public static CriterionRule WithRatios(string ruleId, double positive, double negative)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));
        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
        return rule;
    }
}
