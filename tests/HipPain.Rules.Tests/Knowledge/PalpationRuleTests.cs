using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// docs/evidence/facts-addendum-23-tenderness.md: palpation a few centimetres apart may measure one thing, so a cause
/// that weighs both sites of a neighbouring pair (pubic ramus and adductor origin; sacroiliac joint and sacrum), alone
/// or inside a composite, holds those rules in one evidence group (rule T6); and the published palpation ratio stays
/// (rule T5).
/// </summary>
public sealed class PalpationRuleTests
{
    public static TheoryData<string, string> NeighbouringSites => new()
    {
        { Findings.PubicRamusTenderness, Findings.AdductorTenderness },
        { Findings.SacroiliacTenderness, Findings.SacralTenderness },
    };

    [Theory]
    [MemberData(nameof(NeighbouringSites))]
    public void Cause_WeighingBothNeighbouringSites_HoldsThemInOneGroup(string first, string second)
    {
        var rules = BuiltInKnowledgeBase.Instance.Rules;

        // Both sites are weighed somewhere today, so the pair names real findings.
        Assert.Contains(rules, r => r.FindingIds().Contains(first));
        Assert.Contains(rules, r => r.FindingIds().Contains(second));

        foreach (var cause in rules.GroupBy(r => r.CauseId))
        {
            var withFirst = cause.Where(r => r.FindingIds().Contains(first)).Select(r => r.Id).ToArray();
            var withSecond = cause.Where(r => r.FindingIds().Contains(second)).Select(r => r.Id).ToArray();
            if (withFirst.Length == 0 || withSecond.Length == 0)
            {
                continue;
            }

            var ruleIds = withFirst.Union(withSecond).ToArray();
            Assert.True(
                ruleIds.Length == 1 || BuiltInKnowledgeBase.Instance.GroupsFor(cause.Key).Any(g => ruleIds.All(id => g.Members.Any(m => m.RuleId == id))),
                $"{cause.Key}: the rules {string.Join(", ", ruleIds)} weigh neighbouring palpation sites ({first}, {second}) and are not all in one evidence group (addendum 23, rule T6).");
        }
    }

    [Fact]
    public void PublishedAdductorPalpationRatio_Stays()
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == $"muscle-strain/{Findings.AdductorTenderness}"));

        Assert.Equal(1.8, rule.Ratio.Positive, 2);
        Assert.Equal(0.11, rule.Ratio.Negative, 2);
        Assert.NotEqual(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains("Falvey", rule.Evidence.Citation, StringComparison.Ordinal);
    }
}
