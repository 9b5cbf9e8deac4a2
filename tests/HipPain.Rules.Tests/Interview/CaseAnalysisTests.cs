using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Interview;

/// <summary>
/// The interviewer's figures for one case checked against the engine on small bases: predictions, expected gain,
/// the causes an answer favours, the red-flag screen's expected cost and the stop rule's urgency check (issue 17,
/// the Interview mutation run's survivors).
/// </summary>
public sealed class CaseAnalysisTests
{
    private static readonly Evidence Estimate = new("Test", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);

    [Fact]
    public void RankQuestions_EveryProbabilityUnderflows_PredictionWeighsTheCausesEqually()
    {
        // Both causes end near -1380 log-odds once x and y are absent: every probability is 0, and the shares are equal.
        var kb = new KnowledgeBaseBuilder("underflow", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("y", "Y", FindingKind.Symptom)
            .AddFinding("z", "Z", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("first", "First", c => c.Prior(0.5, Estimate).Treat("tx").Finding("x", 2, 1e-300, Estimate).Finding("y", 2, 1e-300, Estimate).Finding("z", 4, 1, Estimate))
            .AddCause("second", "Second", c => c.Prior(0.5, Estimate).Treat("tx").Finding("x", 2, 1e-300, Estimate).Finding("y", 2, 1e-300, Estimate))
            .Build();
        var interviewer = new Interviewer(new TriageEngine(kb));

        var question = Assert.Single(interviewer.RankQuestions(PatientCase.Create(30, Sex.Male, Observation.Absent("x"), Observation.Absent("y"))));

        var expected = (interviewer.AnswerModel.PresentRate("first", "z") + interviewer.AnswerModel.PresentRate("second", "z")) / 2;
        Assert.Equal(expected, question.PredictedPresentProbability, 12);
    }

    [Fact]
    public void RankQuestions_SmallBase_ExpectedGainIsTheExpectedDivergenceOfTheEnginesShares()
    {
        var kb = new KnowledgeBaseBuilder("gain", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("a", "A", c => c.Prior(0.3, Estimate).Treat("tx").Finding("x", 4, 0.25, Estimate))
            .AddCause("b", "B", c => c.Prior(0.3, Estimate).Treat("tx"))
            .Build();
        var engine = new TriageEngine(kb);
        var start = PatientCase.Create(40, Sex.Female);

        var question = Assert.Single(new Interviewer(engine).RankQuestions(start));

        var now = Shares(engine.Triage(start));
        var p = question.PredictedPresentProbability;
        var expected = (p * Divergence(Shares(engine.Triage(start.With("x", FindingState.Present))), now))
            + ((1 - p) * Divergence(Shares(engine.Triage(start.With("x", FindingState.Absent))), now));
        Assert.True(expected > 0.01, $"the answer should move the shares (expected gain {expected})");
        Assert.Equal(expected, question.ExpectedGain, 12);
    }

    [Fact]
    public void LogOddsAfter_BuiltInCase_EqualsTheEnginesLogOddsOfTheAnsweredCase()
    {
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);
        var start = PatientCase.Create(34, Sex.Female, Observation.Present("loc.lateral-hip"), Observation.Absent("sym.fever"));
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), start);
        var finding = engine.IndexOfFinding("exam.gt-tenderness");

        foreach (var answer in new[] { FindingState.Present, FindingState.Absent })
        {
            var after = analysis.LogOddsAfter(finding, answer);
            var result = engine.Triage(start.With("exam.gt-tenderness", answer));
            Assert.All(result.Differential, r => Assert.Equal(r.LogOdds, after[engine.IndexOfCause(r.Cause.Id)], 9));
        }
    }

    [Fact]
    public void LogOddsAfter_CompositeAlreadyMet_AnotherOfItsFindingsChangesNothing()
    {
        // "a or b" is met once a is present: answering b leaves its ratio where it is.
        var kb = new KnowledgeBaseBuilder("met-composite", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddFinding("b", "B", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.3, Estimate).Treat("tx").Composite("c/a-or-b", Criterion.AnyOf("a", "b"), 4, 0.5, Estimate))
            .Build();
        var engine = new TriageEngine(kb);
        var start = PatientCase.Create(30, Sex.Male, Observation.Present("a"));
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), start);

        var after = analysis.LogOddsAfter(engine.IndexOfFinding("b"), FindingState.Absent);

        Assert.Equal(engine.Triage(start).Leading.LogOdds, after[0], 12);
        Assert.Equal(Math.Log(0.3 / 0.7) + Math.Log(4), after[0], 12);
    }

    [Fact]
    public void RankQuestions_FindingNoRuleReads_FavoursNoCause()
    {
        var question = FavourBase().RankQuestions(PatientCase.Create(30, Sex.Male)).Single(q => q.Finding.Id == "u");

        Assert.Null(question.FavouredByYes);
        Assert.Null(question.FavouredByNo);
        Assert.Equal("No answer moves the differential; nothing more informative is open.", question.Reason);
    }

    [Fact]
    public void RankQuestions_TwoCausesFallEquallyOnYes_TheEarlierIsFavouredByNo()
    {
        var question = FavourBase().RankQuestions(PatientCase.Create(30, Sex.Male)).Single(q => q.Finding.Id == "x");

        Assert.Equal("c", question.FavouredByYes?.Id);
        Assert.Equal("a", question.FavouredByNo?.Id);
    }

    [Fact]
    public void ExpectedRedFlagCostAfter_GateXAndYOrZ_EachAnswerWeighedByItsProbability()
    {
        // Gate: x and (y or z), three history questions of cost 1. After "no" to x nothing is left to screen; after
        // "yes", y and z (cost 2). After "yes" to y only x is left (cost 1); after "no", x and z (cost 2).
        var engine = new TriageEngine(ScreenBase(withOutsider: false));
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), PatientCase.Create(30, Sex.Male));

        Assert.Equal(0.3 * 2, analysis.ExpectedRedFlagCostAfter(engine.IndexOfFinding("x"), 0.3), 12);
        Assert.Equal((0.3 * 1) + (0.7 * 2), analysis.ExpectedRedFlagCostAfter(engine.IndexOfFinding("y"), 0.3), 12);
    }

    [Fact]
    public void Step_OnlyAYesCanLiftTheFourthCauseIntoTheTopThree_AsksRatherThanStopping()
    {
        // d starts fourth; a "yes" to x (LR+ 10) puts it first, a "no" (LR- 1) changes nothing.
        var kb = new KnowledgeBaseBuilder("fourth", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("a", "A", c => c.Prior(0.4, Estimate).Treat("tx"))
            .AddCause("b", "B", c => c.Prior(0.4, Estimate).Treat("tx"))
            .AddCause("c", "C", c => c.Prior(0.4, Estimate).Treat("tx"))
            .AddCause("d", "D", c => c.Prior(0.3, Estimate).Treat("tx").Finding("x", 10, 1, Estimate))
            .Build();

        var step = new Interviewer(new TriageEngine(kb)).Step(PatientCase.Create(30, Sex.Male));

        Assert.Equal(InterviewStopReason.NotStopped, step.StopReason);
        Assert.Equal("x", step.NextQuestion?.Finding.Id);
    }

    [Fact]
    public void Step_OnlyTheUrgencyCanStillChange_AsksRatherThanStopping()
    {
        // One cause, so the top three never change; a "no" to g rules out the Routine gate and lowers the urgency to self-care.
        var kb = new KnowledgeBaseBuilder("urgency-only", "1")
            .AddFinding("g", "G", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.5, Estimate).Treat("tx"))
            .AddRedFlag("gate", "Gate", f => f.When(Criterion.Present("g")).Urgency(Urgency.Routine).Action("Act").Evidence(Estimate))
            .Build();

        var step = new Interviewer(new TriageEngine(kb)).Step(PatientCase.Create(30, Sex.Male));

        Assert.Equal(InterviewStopReason.NotStopped, step.StopReason);
        Assert.Equal("g", step.NextQuestion?.Finding.Id);
        Assert.False(step.NextQuestion!.IsRedFlagQuestion);
    }

    [Fact]
    public void RankQuestions_NoUnderflowsEveryCauseButYesDoesNot_YesAndNoStillFavourACause()
    {
        // With x absent both causes sit near -690 log-odds. A "no" to z takes both to about -1380, where every
        // probability is 0 and the shares after it are equal; a "yes" leaves first twice as likely as second.
        var kb = new KnowledgeBaseBuilder("one-sided-underflow", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("z", "Z", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("first", "First", c => c.Prior(0.5, Estimate).Treat("tx").Finding("x", 2, 1e-300, Estimate).Finding("z", 4, 1e-300, Estimate))
            .AddCause("second", "Second", c => c.Prior(0.5, Estimate).Treat("tx").Finding("x", 2, 1e-300, Estimate).Finding("z", 2, 1e-300, Estimate))
            .Build();

        var question = Assert.Single(new Interviewer(new TriageEngine(kb)).RankQuestions(PatientCase.Create(30, Sex.Male, Observation.Absent("x"))));

        Assert.Equal("first", question.FavouredByYes?.Id);
        Assert.Equal("second", question.FavouredByNo?.Id);
    }

    [Fact]
    public void RankQuestions_CauseFarAboveZeroLogOdds_PredictionWeighsItByItsShareOfOne()
    {
        // With x and y present, first sits near +1381 log-odds (probability 1), second at ln 4 (probability 0.8).
        var kb = new KnowledgeBaseBuilder("far-above", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("y", "Y", FindingKind.Symptom)
            .AddFinding("z", "Z", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("first", "First", c => c.Prior(0.5, Estimate).Treat("tx").Finding("x", 1e300, 0.5, Estimate).Finding("y", 1e300, 0.5, Estimate).Finding("z", 4, 1, Estimate))
            .AddCause("second", "Second", c => c.Prior(0.5, Estimate).Treat("tx").Finding("x", 2, 0.5, Estimate).Finding("y", 2, 0.5, Estimate))
            .Build();
        var interviewer = new Interviewer(new TriageEngine(kb));

        var question = Assert.Single(interviewer.RankQuestions(PatientCase.Create(30, Sex.Male, Observation.Present("x"), Observation.Present("y"))));

        var expected = ((1.0 * interviewer.AnswerModel.PresentRate("first", "z")) + (0.8 * interviewer.AnswerModel.PresentRate("second", "z"))) / 1.8;
        Assert.Equal(expected, question.PredictedPresentProbability, 12);
    }

    [Fact]
    public void ExpectedRedFlagCostAfter_FindingOutsideTheScreen_EveryRedFlagQuestionStaysOpen()
    {
        var engine = new TriageEngine(ScreenBase(withOutsider: true));
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), PatientCase.Create(30, Sex.Male));

        Assert.Equal(3.0, analysis.ExpectedRedFlagCostAfter(engine.IndexOfFinding("w"), 0.3), 12);
    }

    [Fact]
    public void ExpectedRedFlagCostAfter_SharedFindingInAGateTheAnswerDoesNotTouch_StaysOpen()
    {
        // Gates x and y, and y and w. A "no" to x rules out the first gate, but y is still live in the second: y and w stay open.
        var kb = new KnowledgeBaseBuilder("two-gates", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("y", "Y", FindingKind.Symptom)
            .AddFinding("w", "W", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.1, Estimate).Treat("tx"))
            .AddRedFlag("first", "First", f => f.When(Criterion.AllOf(Criterion.Present("x"), Criterion.Present("y"))).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .AddRedFlag("second", "Second", f => f.When(Criterion.AllOf(Criterion.Present("y"), Criterion.Present("w"))).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .Build();
        var engine = new TriageEngine(kb);
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), PatientCase.Create(30, Sex.Male));

        Assert.Equal(2.0, analysis.ExpectedRedFlagCostAfter(engine.IndexOfFinding("x"), 0.3), 12);
    }

    // Gate: x and (y or z), Urgent; w (when added) is read by no gate.
    private static KnowledgeBase ScreenBase(bool withOutsider)
    {
        var builder = new KnowledgeBaseBuilder("screen", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("y", "Y", FindingKind.Symptom)
            .AddFinding("z", "Z", FindingKind.Symptom);
        if (withOutsider)
        {
            builder.AddFinding("w", "W", FindingKind.Symptom);
        }

        return builder
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("c", "C", c => c.Prior(0.1, Estimate).Treat("tx"))
            .AddRedFlag("gate", "Gate", f => f.When(Criterion.AllOf(Criterion.Present("x"), Criterion.AnyOf("y", "z"))).Urgency(Urgency.Urgent).Action("Act").Evidence(Estimate))
            .Build();
    }

    // Causes a, b and c with equal priors; x raises c when present (a and b fall equally); no rule reads u.
    private static Interviewer FavourBase() => new(new TriageEngine(new KnowledgeBaseBuilder("favour", "1")
        .AddFinding("x", "X", FindingKind.Symptom)
        .AddFinding("u", "U", FindingKind.Symptom)
        .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
        .AddCause("a", "A", c => c.Prior(0.2, Estimate).Treat("tx"))
        .AddCause("b", "B", c => c.Prior(0.2, Estimate).Treat("tx"))
        .AddCause("c", "C", c => c.Prior(0.2, Estimate).Treat("tx").Finding("x", 5, 0.2, Estimate))
        .Build()));

    private static Dictionary<string, double> Shares(TriageResult result) =>
        result.Differential.ToDictionary(r => r.Cause.Id, r => r.Share, StringComparer.Ordinal);

    /// <summary>KL(after ‖ now) in bits.</summary>
    private static double Divergence(Dictionary<string, double> after, Dictionary<string, double> now) =>
        after.Sum(p => p.Value * Math.Log2(p.Value / now[p.Key]));
}
