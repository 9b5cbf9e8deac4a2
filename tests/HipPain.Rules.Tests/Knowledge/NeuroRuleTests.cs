using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.11.0: the four cells of docs/evidence/facts-addendum-24-neuro.md (section 5): pain below the knee in deep
/// gluteal syndrome, SIJ pain and hip OA, and paraesthesia in lumbar radicular pain, each a published share against
/// the prior-weighted share in the other causes (rule N3), through Sources.Derive; the evidence groups of rule N6;
/// and the rules the study leaves as they were (published ratios, estimates without a qualifying share).
/// </summary>
public sealed class NeuroRuleTests
{
    public static TheoryData<string, double, double, string> Cells => new()
    {
        { "deep-gluteal-syndrome/sym.leg-pain-below-knee", 2.51, 0.43, "Lee and Son" },
        { "sacroiliac-joint-pain/sym.leg-pain-below-knee", 0.97, 1.01, "Slipman" },
        { "hip-oa/sym.leg-pain-below-knee", 1.68, 0.74, "Khan" },
        { "lumbar-radicular/sym.paraesthesia", 3.92, 0.15, "Hasvik" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Rule_Addendum24Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series)
    {
        RegisteredCell.Holds(ruleId, positive, negative, series, 24, "other 17 causes");
    }

    [Fact]
    public void LumbarParaesthesia_DerivedBelowTheTierBFloor_IsCappedAndSaysSo()
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == "lumbar-radicular/sym.paraesthesia"));

        Assert.Contains("LR- 0.08", rule.Evidence.Note, StringComparison.Ordinal);
        Assert.Contains("(tier B)", rule.Evidence.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lumbar-radicular/sym.leg-pain-below-knee", 3.0, 0.4)]
    [InlineData("lumbar-radicular/exam.slr", 1.28, 0.29)]
    [InlineData("lumbar-radicular/exam.crossed-slr", 2.8, 0.8)]
    [InlineData("lumbar-radicular/exam.slump", 2.8, 0.28)]
    [InlineData("lumbar-radicular/exam.femoral-nerve-stretch", 4.0, 1.0)]
    [InlineData("lumbar-radicular/exam.neuro-deficit", 2.0, 0.7)]
    [InlineData("deep-gluteal-syndrome/sym.paraesthesia", 2.0, 0.7)]
    [InlineData("deep-gluteal-syndrome/exam.slr", 3.2, 0.9)]
    [InlineData("deep-gluteal-syndrome/tim.sitting", 2.0, 0.6)]
    [InlineData("proximal-hamstring-tendinopathy/tim.sitting", 2.5, 0.5)]
    public void Rule_WithoutAQualifyingShare_KeepsItsRatio(string ruleId, double positive, double negative)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(BuiltInKnowledgeBase.Instance.Rules, r => r.Id == ruleId));

        Assert.Equal(positive, rule.Ratio.Positive, 2);
        Assert.Equal(negative, rule.Ratio.Negative, 2);
    }

    [Fact]
    public void LumbarRadicular_SymptomsAndNerveRootSigns_CountOnceInOneGroup()
    {
        var groups = BuiltInKnowledgeBase.Instance.GroupsFor("lumbar-radicular");
        var group = Assert.Single(groups, g => g.Id == "lumbar-radicular/radicular-symptoms");

        Assert.DoesNotContain(groups, g => g.Id == "lumbar-radicular/nerve-root-signs");
        Assert.Equal(
            [
                "lumbar-radicular/sym.leg-pain-below-knee",
                "lumbar-radicular/sym.paraesthesia",
                "lumbar-radicular/sym.burning-pain",
                "lumbar-radicular/exam.slr",
                "lumbar-radicular/exam.crossed-slr",
                "lumbar-radicular/exam.slump",
                "lumbar-radicular/exam.femoral-nerve-stretch",
                "lumbar-radicular/exam.neuro-deficit",
            ],
            group.Members.Select(m => m.RuleId));
    }

    [Fact]
    public void DeepGluteal_PainBelowTheKnee_JoinsTheNeuropathicGroup()
    {
        var group = Assert.Single(BuiltInKnowledgeBase.Instance.GroupsFor("deep-gluteal-syndrome"), g => g.Id == "deep-gluteal-syndrome/neuropathic");

        Assert.Equal(
            ["deep-gluteal-syndrome/sym.paraesthesia", "deep-gluteal-syndrome/sym.leg-pain-below-knee", "deep-gluteal-syndrome/sym.burning-pain"],
            group.Members.Select(m => m.RuleId));
    }

    [Theory]
    [InlineData("sacroiliac-joint-pain")]
    [InlineData("hip-oa")]
    public void PainBelowTheKnee_StandsAloneWhereTheCauseWeighsNoOtherNeurologicalFinding(string causeId)
    {
        Assert.DoesNotContain(
            BuiltInKnowledgeBase.Instance.GroupsFor(causeId),
            g => g.Members.Any(m => m.RuleId == $"{causeId}/sym.leg-pain-below-knee"));
    }
}
