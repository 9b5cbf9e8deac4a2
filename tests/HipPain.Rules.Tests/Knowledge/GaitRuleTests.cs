using HipPain.Rules.Knowledge;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.11.0: the three gait and weight-bearing cells of docs/evidence/facts-addendum-20-gait.md (section 5),
/// each a published share against the prior-weighted share in the other causes (rule G3), through Sources.Derive.
/// </summary>
public sealed class GaitRuleTests
{
    public static TheoryData<string, double, double, string> Cells => new()
    {
        { "labral-tear/sym.limp", 1.75, 0.79, "Burnett" },
        { "avascular-necrosis/sym.limp", 2.13, 0.65, "non-traumatic osteonecrosis" },
        { "septic-arthritis/tim.weight-bearing-pain", 2.28, 0.25, "46 cases, Leeds and York" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rule_Addendum20Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series)
    {
        RegisteredCell.Holds(ruleId, positive, negative, series, 20, "other 17 causes");
    }

    [Fact]
    public void SepticArthritis_WeightBearingPainAndInabilityToBearWeight_CountOnceInOneGroup()
    {
        // Rule G6: inability to bear weight is the extreme of pain on weight bearing, so the two never multiply.
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("septic-arthritis"), g => g.Id == "septic-arthritis/predictors");
        var members = group.Members.Select(m => m.RuleId).ToList();

        Assert.Contains("septic-arthritis/tim.weight-bearing-pain", members);
        Assert.Contains("septic-arthritis/exam.cannot-bear-weight", members);
    }

    [Theory]
    [InlineData("femoral-neck-stress-fracture", "femoral-neck-stress-fracture/loading-pain")]
    [InlineData("pubic-ramus-stress-fracture", "pubic-ramus-stress-fracture/loading-pain")]
    [InlineData("avascular-necrosis", "avascular-necrosis/signs")]
    public void GaitAndWeightBearingRules_OfOneCause_SitInOneGroup(string causeId, string groupId)
    {
        // Rule G6: a reported limp and an antalgic gait are one observation; every gait or weight-bearing rule a
        // cause weighs sits in the named group (the Noakes triad carries pubic-ramus's running-impossible item).
        string[] gait = ["sym.limp", "exam.antalgic-gait", "exam.cannot-bear-weight", "tim.weight-bearing-pain", "tim.running-impossible"];
        var kb = BuiltInKnowledgeBase.Instance;
        var group = Assert.Single(kb.GroupsFor(causeId), g => g.Id == groupId);
        var gaitRules = kb.Rules.Where(r => gait.Any(f => r.Id == $"{causeId}/{f}")).Select(r => r.Id).ToList();

        Assert.NotEmpty(gaitRules);
        Assert.All(gaitRules, id => Assert.Contains(group.Members, m => m.RuleId == id));
    }
}
