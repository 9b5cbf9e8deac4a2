using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// docs/evidence/facts-addendum-22-provocation.md: FADIR, pain on internal rotation and pain on log roll rotate the
/// femoral head in the socket, so a cause that weighs more than one of them holds them in one evidence group (rule R6)
/// and they never multiply as independent findings; and the three published provocation-test ratios stay (rule R5).
/// </summary>
public sealed class ProvocationRuleTests
{
    private static readonly string[] RotationTests = [Findings.Fadir, Findings.InternalRotationPain, Findings.LogRollPain];

    private static Dictionary<string, string[]> RotationRulesByCause() =>
        BuiltInKnowledgeBase.Instance.Rules
            .Where(r => r.IsSingleFinding && RotationTests.Contains(r.FindingIds()[0]))
            .GroupBy(r => r.CauseId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToArray());

    [Fact]
    public void Cause_WeighingTwoOrMoreRotationTests_HoldsThemInOneGroup()
    {
        var several = RotationRulesByCause().Where(kv => kv.Value.Length > 1).ToList();

        // The femoral-neck stress fracture weighs internal rotation and log roll today, so the check is exercised.
        Assert.Contains(several, kv => kv.Key == "femoral-neck-stress-fracture");
        foreach (var (causeId, ruleIds) in several)
        {
            Assert.True(
                BuiltInKnowledgeBase.Instance.GroupsFor(causeId).Any(g => ruleIds.All(id => g.Members.Any(m => m.RuleId == id))),
                $"{causeId}: the rotation tests {string.Join(", ", ruleIds)} are not all in one evidence group (addendum 22, rule R6).");
        }
    }

    [Theory]
    [InlineData("fai-syndrome/exam.fadir", 0.95, 0.48, "Zurich")]
    [InlineData("fai-syndrome/exam.faber", 0.83, 1.17, "Zurich")]
    [InlineData("labral-tear/exam.fadir", 1.06, 0.15, "Reiman")]
    public void PublishedProvocationRatio_Stays(string ruleId, double positive, double negative, string source)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
        Assert.NotEqual(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains(source, rule.Evidence.Citation, StringComparison.Ordinal);
    }
}
