using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.8.0: the five onset and duration cells of docs/evidence/facts-addendum-12-onset-duration.md (section 5),
/// each a published share against the prior-weighted share in the other causes (rule O3), through Sources.Derive.
/// </summary>
public sealed class OnsetDurationRuleTests
{
    public static TheoryData<string, double, double, string> Cells => new()
    {
        { "labral-tear/tim.gradual-onset", 0.99, 1.02, "Burnett" },
        { "labral-tear/tim.acute-onset", 1.30, 0.87, "Burnett" },
        { "fai-syndrome/tim.gradual-onset", 1.06, 0.91, "Clohisy" },
        { "avascular-necrosis/tim.acute-onset", 1.80, 0.65, "non-traumatic osteonecrosis" },
        { "deep-gluteal-syndrome/hx.duration-over-3-months", 1.77, 0.25, "Martin" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rule_Addendum12Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series)
    {
        RegisteredCell.Holds(ruleId, positive, negative, series, 12, "other 17 causes");
    }

    [Fact]
    public void LabralTear_AcuteAndGradualOnset_CountOnceInOneGroup()
    {
        // Base 0.9.0 (addendum 15, rule H7) adds Burnett's third answer, major trauma, to the same group.
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("labral-tear"), g => g.Id == "labral-tear/onset");

        Assert.Equal(
            ["labral-tear/hx.fall-or-trauma", "labral-tear/tim.acute-onset", "labral-tear/tim.gradual-onset"],
            group.Members.Select(m => m.RuleId).Order(StringComparer.Ordinal));
    }
}
