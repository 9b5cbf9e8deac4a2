using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// docs/evidence/facts-addendum-34-screened-cells.md, -35-fai-children.md and -36-itbs-knee.md: the twelve cells the
/// screen kept hold the ratios their addenda fixed and name their series; the cells the screen did not keep are still
/// the base's old rules; new location rules sit in their cause's pain map; FAI's age band gives children under 10 the
/// floor; and the knee is a typical region of ITBS while the muscle strain's posterior thigh, screened and not
/// eligible, keeps the blank region's rule.
/// </summary>
public sealed class ScreenedCellRuleTests
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    [Theory]
    [InlineData("gtps/sex:female", 1.35, 0.59, "Segal", "Taunton 2002")]
    [InlineData("fai-syndrome/sex:female", 0.80, 1.24, "Clohisy", "Taunton 2002")]
    [InlineData("fai-syndrome/age:10-39", 1.40, 0.25, "PMC8087082", "McKean 2006")]
    [InlineData("labral-tear/loc.lateral-hip", 1.64, 0.64, "Hip Pain Maps", "LO11-4")]
    [InlineData("labral-tear/loc.buttock", 1.07, 0.96, "Hip Pain Maps", "LO11-5")]
    [InlineData("sacroiliac-joint-pain/loc.buttock", 2.86, 0.15, "Slipman", "LO11-22")]
    [InlineData("sacroiliac-joint-pain/loc.groin", 0.63, 1.32, "Kurosawa", "LO11-24, LO11-25")]
    [InlineData("lumbar-radicular/loc.groin", 0.25, 1.5, "Yukawa", "LO11-29, LO11-30")]
    [InlineData("hip-oa/loc.lateral-hip", 2.17, 0.36, "Poulsen", "LO11-8")]
    [InlineData("hip-oa/loc.buttock", 1.07, 0.96, "Poulsen", "LO11-11")]
    [InlineData("hip-oa/loc.lateral-thigh-knee", 1.25, 0.93, "Lesher", "LO11-19")]
    [InlineData("hip-oa/loc.lower-back", 0.25, 1.23, "Lesher", "LO11-17")]
    public void KeptCell_HasTheRegisteredRatiosAndNamesItsSeries(string ruleId, double positive, double negative, string citation, string note)
    {
        var rule = RegisteredCell.WithRatios(ruleId, positive, negative);

        Assert.Contains(citation, rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains(note, rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains("addendum 34", rule.Evidence.Note, StringComparison.Ordinal);
    }

    /// <summary>Cells the screen did not keep: each is still the rule the base had before addendum 34.</summary>
    [Theory]
    [InlineData("labral-tear/sex:female", 1.42, 0.58)]
    [InlineData("fai-syndrome/loc.groin", 3.0, 0.3)]
    [InlineData("labral-tear/loc.groin", 3.0, 0.3)]
    [InlineData("labral-tear/loc.knee", 1.5, 1.0)]
    [InlineData("sacroiliac-joint-pain/loc.lower-back", 2.88, 0.37)]
    [InlineData("hip-oa/loc.posterior-thigh", 1.0 / 3.0, 1.0)]
    [InlineData("pubic-ramus-stress-fracture/loc.buttock", 1.5, 1.0)]
    [InlineData("lumbar-radicular/sym.paraesthesia", 2.0, 0.7)]
    [InlineData("muscle-strain/loc.posterior-thigh", 1.0 / 3.0, 1.0)]
    [InlineData("muscle-strain/loc.groin", 3.0, 0.3)]
    public void CellNotKept_KeepsTheOldRule(string ruleId, double positive, double negative) =>
        RegisteredCell.WithRatios(ruleId, positive, negative);

    [Theory]
    [InlineData("deep-gluteal-syndrome", "sym.leg-pain-below-knee")]
    [InlineData("hip-oa", "sym.leg-pain-below-knee")]
    [InlineData("hip-oa", "exam.trendelenburg")]
    [InlineData("hip-oa", "loc.knee")]
    [InlineData("hip-oa", "loc.medial-thigh")]
    public void CellNotAdded_HasNoRule(string causeId, string findingId) =>
        Assert.DoesNotContain(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == $"{causeId}/{findingId}");

    [Theory]
    [InlineData("hip-oa", "hip-oa/loc.lateral-thigh-knee")]
    [InlineData("hip-oa", "hip-oa/loc.lower-back")]
    [InlineData("lumbar-radicular", "lumbar-radicular/loc.groin")]
    [InlineData("sacroiliac-joint-pain", "sacroiliac-joint-pain/loc.buttock")]
    [InlineData("labral-tear", "labral-tear/loc.lateral-hip")]
    public void LocationCell_SitsInItsCausesPainMap(string causeId, string ruleId)
    {
        var painMap = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor(causeId), g => g.Id == $"{causeId}/pain-map");

        Assert.Contains(painMap.Members, m => m.RuleId == ruleId);
    }

    /// <summary>
    /// Cells applied from a facts row after a blind batch judged them, each with its registered ratios, citing its row
    /// and its addendum, in the evidence group that counts it once: the ITBS knee as a typical region (facts addendum
    /// 36, facts §1.8's location row); osteonecrosis's knee as a possible region (facts §1.16) and its pain on weight
    /// bearing from the Liège cohort's 79% mechanical pain (facts A2-41), counted with the limp and the other signs
    /// (facts addendum 37, K2 and K1, applied by addendum 39).
    /// </summary>
    [Theory]
    [InlineData("itbs/loc.knee", 3.0, 0.3, "§1.8", "addendum 36", "itbs/pain-map")]
    [InlineData("avascular-necrosis/loc.knee", 1.5, 1.0, "§1.16", "addendum 39", "avascular-necrosis/pain-map")]
    [InlineData("avascular-necrosis/tim.weight-bearing-pain", 1.79, 0.38, "A2-41", "addendum 39", "avascular-necrosis/signs")]
    public void AppliedCell_KeepsItsRatios_CitesItsRowAndAddendum_InItsGroup(string ruleId, double positive, double negative, string row, string addendum, string groupId)
    {
        var rule = RegisteredCell.WithRatios(ruleId, positive, negative);
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor(rule.CauseId), g => g.Id == groupId);

        Assert.Contains(row, rule.Evidence.Citation + " " + rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains(addendum, rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains(group.Members, m => m.RuleId == ruleId);
    }

    /// <summary>Facts addendum 35: cam morphology forms from about 10, so FAI's age band does not favour a child.</summary>
    [Theory]
    [InlineData(4, 0.25)]
    [InlineData(9, 0.25)]
    [InlineData(10, 1.40)]
    [InlineData(27, 1.40)]
    [InlineData(39, 1.40)]
    [InlineData(40, 0.25)]
    [InlineData(65, 0.25)]
    public void FaiAgeBand_ChildrenAndOlderAdultsGetTheFloor(int age, double factor)
    {
        var result = Engine.Triage(new PatientCase(age, Sex.Unspecified, [Observation.Present(Findings.Groin)]));
        var fai = Assert.Single(result.Differential, r => r.Cause.Id == "fai-syndrome");

        var contribution = Assert.Single(fai.Contributions, c => c.Rule.Id == "fai-syndrome/age:10-39");
        Assert.Equal(factor, contribution.Factor, 2);
    }
}
