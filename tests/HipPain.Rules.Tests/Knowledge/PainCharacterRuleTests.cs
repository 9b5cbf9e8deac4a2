using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.10.0: the pain-character cells of docs/evidence/facts-addendum-17-pain-character.md (section 5), each a
/// published share against the prior-weighted share in the other causes (rule C3), through Sources.Derive.
/// </summary>
public sealed class PainCharacterRuleTests
{
    public static TheoryData<string, double, double, string, string> Cells => new()
    {
        { "labral-tear/sym.dull-ache", 1.36, 0.62, "Burnett", "0.516" },
        { "malignancy/sym.swelling", 5.77, 0.74, "pelvis", "0.052" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rule_Addendum17Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series, string comparison)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains(series, rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains("addendum 17", rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains(comparison, rule.Evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LabralTear_DullAcheAndSharpPain_CountOnceInOneGroup()
    {
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("labral-tear"), g => g.Id == "labral-tear/pain-character");

        Assert.Equal(
            ["labral-tear/sym.dull-ache", "labral-tear/sym.sharp-pain"],
            group.Members.Select(m => m.RuleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LabralTear_SharpPain_KeepsItsRatio()
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == "labral-tear/sym.sharp-pain"));

        Assert.Equal(1.75, rule.Ratio.Positive, 2);
        Assert.Equal(0.5, rule.Ratio.Negative, 2);
    }
}
