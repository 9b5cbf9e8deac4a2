using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.9.0: the five sport and injury-history cells of docs/evidence/facts-addendum-15-history.md (section 5):
/// a fall or significant trauma in four causes, each a published share against the prior-weighted share in the
/// other causes (rule H3), and a kicking sport in adductor-related groin pain against the same clinic's other
/// groin pain (rule H4), all through Sources.Derive.
/// </summary>
public sealed class HistoryRuleTests
{
    public static TheoryData<string, double, double, string, string> Cells => new()
    {
        { "sacroiliac-joint-pain/hx.fall-or-trauma", 3.71, 0.68, "Chou", "other 17 causes" },
        { "deep-gluteal-syndrome/hx.fall-or-trauma", 2.19, 0.85, "Park", "other 17 causes" },
        { "labral-tear/hx.fall-or-trauma", 0.74, 1.04, "Burnett", "other 17 causes" },
        { "avascular-necrosis/hx.fall-or-trauma", 1.32, 0.96, "CONFHD", "other 17 causes" },
        { "adductor-related-groin-pain/hx.kicking-sport", 1.61, 0.41, "Hölmich", "same clinic's other groin pain" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rule_Addendum15Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series, string comparison)
    {
        RegisteredCell.Holds(ruleId, positive, negative, series, 15, comparison);
    }

    [Fact]
    public void FallOrTrauma_IsWeighedOnlyByTheFourCausesWithAPublishedShare()
    {
        var causes = BuiltInKnowledgeBase.Instance.Rules
            .Where(r => r.Id.EndsWith("/" + Findings.FallOrTrauma, StringComparison.Ordinal))
            .Select(r => r.Id[..r.Id.IndexOf('/', StringComparison.Ordinal)])
            .Order(StringComparer.Ordinal);

        Assert.Equal(["avascular-necrosis", "deep-gluteal-syndrome", "labral-tear", "sacroiliac-joint-pain"], causes);
    }

    [Fact]
    public void Osteonecrosis_TraumaCountsOnceWithTheOtherAetiologies()
    {
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("avascular-necrosis"), g => g.Id == "avascular-necrosis/exposure");

        Assert.Contains("avascular-necrosis/hx.fall-or-trauma", group.Members.Select(m => m.RuleId));
    }
}
