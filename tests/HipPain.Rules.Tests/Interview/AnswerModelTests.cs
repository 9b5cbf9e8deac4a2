using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Interview;

public sealed class AnswerModelTests
{
    private static readonly Evidence Estimate = new("Test", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);

    [Fact]
    public void RateFromRatios_BothSidesOppositeOfOne_SolvesSensitivityExactly()
    {
        // Sn 0.86, Sp 0.54 give LR+ 0.86 / 0.46 and LR- 0.14 / 0.54.
        var rate = AnswerModel.RateFromRatios(0.86 / 0.46, 0.14 / 0.54, 0.2);

        Assert.Equal(0.86, rate, 12);
    }

    [Fact]
    public void RateFromRatios_TypicalLocationConvention_SevenNinths()
    {
        Assert.Equal(3 * 0.7 / 2.7, AnswerModel.RateFromRatios(3, 0.3, 0.2), 12);
    }

    [Fact]
    public void RateFromRatios_OnlyPositive_UsesBackgroundAsRateWithoutCause()
    {
        Assert.Equal(0.6, AnswerModel.RateFromRatios(3, 1, 0.2), 12);
    }

    [Fact]
    public void RateFromRatios_OnlyNegative_UsesBackgroundAsRateWithoutCause()
    {
        Assert.Equal(1 - (0.5 * 0.8), AnswerModel.RateFromRatios(1, 0.5, 0.2), 12);
    }

    [Fact]
    public void RateFromRatios_NoEvidence_BackgroundRate()
    {
        Assert.Equal(0.2, AnswerModel.RateFromRatios(1, 1, 0.2), 12);
    }

    [Fact]
    public void RateFromRatios_SameSideOfOne_UsesTheStrongerSideAndClamps()
    {
        Assert.Equal(AnswerModel.MaximumRate, AnswerModel.RateFromRatios(16.7, 1.5, 0.2));
        Assert.Equal(AnswerModel.MinimumRate, AnswerModel.RateFromRatios(1.2, 3, 0.2));
    }

    [Fact]
    public void RateFromRatios_NegativeRatio_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AnswerModel.RateFromRatios(-1, 0.5, 0.2));

        Assert.Equal("positive", ex.ParamName);
    }

    [Fact]
    public void PresentRate_AbsenceRule_TurnedRound()
    {
        var kb = new KnowledgeBaseBuilder("t", "1")
            .AddFinding("f", "F", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.1, Estimate).Composite("c/no-f", Criterion.Absent("f"), 3, 0.3, Estimate).Treat("tx"))
            .Build();

        var model = new AnswerModel(kb);

        Assert.Equal(1 - (3 * 0.7 / 2.7), model.PresentRate("c", "f"), 12);
    }

    [Fact]
    public void PresentRate_CauseWithoutRule_BackgroundRate()
    {
        var model = new AnswerModel(BuiltInKnowledgeBase.Instance, 0.3);

        Assert.Equal(0.3, model.PresentRate("septic-arthritis", "loc.knee"), 12);
    }

    [Theory]
    [InlineData("sym.fever", true)]
    [InlineData("hx.cancer", true)]
    [InlineData("sym.saddle-anaesthesia", true)]
    [InlineData("loc.groin", false)]
    [InlineData("hx.training-increase", false)]
    [InlineData("loc.buttock", false)]
    public void IsAlarmFinding_BuiltInBase_OnlyFindingsTiedToGatesAndCantMissCauses(string finding, bool expected)
    {
        Assert.Equal(expected, new AnswerModel(BuiltInKnowledgeBase.Instance).IsAlarmFinding(finding));
    }

    [Fact]
    public void PresentRate_AlarmFindingWithoutRule_AlarmBackgroundRate()
    {
        var model = new AnswerModel(BuiltInKnowledgeBase.Instance, 0.3, 0.05);

        Assert.Equal(0.05, model.PresentRate("gtps", "sym.fever"), 12);
        Assert.Equal(0.3, model.PresentRate("septic-arthritis", "loc.knee"), 12);
    }

    [Fact]
    public void PresentRate_OneSidedRuleOnAlarmFinding_UsesAlarmRateWithoutCause()
    {
        // malignancy/hx.cancer has LR+ 6 and no LR-: Sn = 6 r with r the alarm rate.
        var model = new AnswerModel(BuiltInKnowledgeBase.Instance, 0.2, 0.02);

        Assert.Equal(6 * 0.02, model.PresentRate("malignancy", "hx.cancer"), 12);
    }

    [Fact]
    public void Constructor_AlarmRateOutOfRange_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnswerModel(BuiltInKnowledgeBase.Instance, 0.2, 0));

        Assert.Equal("alarmBackgroundRate", ex.ParamName);
    }

    [Fact]
    public void PresentRate_UnknownFinding_ThrowsNamingIt()
    {
        var model = new AnswerModel(BuiltInKnowledgeBase.Instance);

        var ex = Assert.Throws<ArgumentException>(() => model.PresentRate("gtps", "loc.elbow"));

        Assert.Equal("findingId", ex.ParamName);
        Assert.StartsWith("Knowledge base 'hippain.builtin' has no finding 'loc.elbow'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BackgroundRateOutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnswerModel(BuiltInKnowledgeBase.Instance, 1));

        Assert.Equal("backgroundRate", ex.ParamName);
    }

    [Fact]
    public void PresentRateAndIsAlarmFinding_NullArgument_ThrowNamingIt()
    {
        var model = new AnswerModel(BuiltInKnowledgeBase.Instance);

        Assert.Equal("causeId", Assert.Throws<ArgumentNullException>(() => model.PresentRate(null!, "loc.groin")).ParamName);
        Assert.Equal("findingId", Assert.Throws<ArgumentNullException>(() => model.PresentRate("gtps", null!)).ParamName);
        Assert.Equal("findingId", Assert.Throws<ArgumentNullException>(() => model.IsAlarmFinding(null!)).ParamName);
    }

    [Fact]
    public void RateFromRatios_PositiveNotPositive_MessageSaysWhatLRPlusMustBe()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AnswerModel.RateFromRatios(0, 0.5, 0.2));

        Assert.StartsWith("LR+ must be positive and finite.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void RateFromRatios_BackgroundRateNotBetweenZeroAndOne_ThrowsNamingIt(double backgroundRate)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AnswerModel.RateFromRatios(2, 0.5, backgroundRate));

        Assert.Equal("backgroundRate", ex.ParamName);
    }

    [Fact]
    public void RateFromRatios_NegativeZeroAndPositiveBelowOne_UsesThePositiveSide()
    {
        // LR- = 0 has an infinite log, so the comparison of the two sides would always pick it; the positive side is used.
        Assert.Equal(0.5 * 0.2, AnswerModel.RateFromRatios(0.5, 0, 0.2), 12);
    }

    /// <summary>
    /// A finding an Urgent gate reads stays an alarm finding unless a cause below Urgent has a one-finding rule that
    /// raises its odds when the finding is present: LR+ above 1 on a presence rule, LR- above 1 on an absence rule.
    /// </summary>
    [Theory]
    [InlineData(true, 1.0, 0.5, true)]
    [InlineData(true, 2.0, 0.5, false)]
    [InlineData(false, 3.0, 1.0, true)]
    [InlineData(false, 3.0, 0.5, true)]
    [InlineData(false, 0.5, 2.0, false)]
    public void IsAlarmFinding_GateFindingWithOneRoutineRule_AlarmUnlessPresenceRaisesTheOdds(bool onPresence, double positive, double negative, bool alarm)
    {
        var criterion = onPresence ? Criterion.Present("f") : Criterion.Absent("f");
        var kb = new KnowledgeBaseBuilder("alarm", "1")
            .AddFinding("f", "F", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.1, Estimate).Composite("c/f", criterion, positive, negative, Estimate).Treat("tx"))
            .AddRedFlag("gate", "Gate", g => g.When(Criterion.Present("f")).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .Build();

        Assert.Equal(alarm, new AnswerModel(kb).IsAlarmFinding("f"));
    }
}
