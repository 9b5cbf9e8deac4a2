using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Performance;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>Evidence groups and graded rules in the engine: what counts, and how the explanation shows it.</summary>
public sealed class TriageEngineGroupTests
{
    private static readonly Evidence Kinsella = new("Kinsella 2024 T7-T8", EvidenceLevel.CohortStudy, VerificationStatus.Derived);
    private static readonly Evidence Single = new("Single-test study", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
    private static readonly Evidence Table = new("Score derivation study", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedSecondary);

    /// <summary>
    /// One cause at a prior of 0.59 with an abductor-loading group: the two-test cluster as a joint graded rule
    /// (both negative 0.11, one positive no figure, both positive 16.7), the cluster's first test alone, and two other
    /// single tests. A second cause has a graded score over four predictors with a figure for every count.
    /// </summary>
    private static readonly TriageEngine Engine = new(new KnowledgeBaseBuilder("groups", "1")
        .AddFinding("tender", "Trochanter tenderness", FindingKind.Examination)
        .AddFinding("abduction", "Painful resisted abduction", FindingKind.Examination)
        .AddFinding("stance", "Pain on single-leg stance", FindingKind.Examination)
        .AddFinding("trendelenburg", "Trendelenburg sign", FindingKind.Examination)
        .AddFinding("p1", "Predictor 1", FindingKind.Investigation)
        .AddFinding("p2", "Predictor 2", FindingKind.Investigation)
        .AddFinding("p3", "Predictor 3", FindingKind.Investigation)
        .AddFinding("p4", "Predictor 4", FindingKind.Investigation)
        .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Single)
        .AddCause("gtps", "Gluteal tendinopathy", c => c.Prior(0.59, Single).Treat("tx")
            .Group("gtps/abductor-loading", "Abductor loading tests", g => g
                .Graded("gtps/cluster", [Criterion.Present("tender"), Criterion.Present("abduction")], [0.11, null, 16.7], Kinsella, "Kinsella cluster", joint: true)
                .Finding("tender", 3, 0.5, Single)
                .Finding("stance", 12, 0.62, Single)
                .Finding("trendelenburg", 6.83, 0.25, Single)))
        .AddCause("septic", "Septic arthritis", c => c.Prior(0.1, Table).Treat("tx")
            .Graded("septic/score", [Criterion.Present("p1"), Criterion.Present("p2"), Criterion.Present("p3"), Criterion.Present("p4")], [0.02, 0.3, 6, 120, 2000], Table, "Four-predictor score"))
        .Build());

    private static RankedCause Gtps(params Observation[] observations) =>
        Engine.Triage(PatientCase.Create(45, Sex.Female, observations)).Differential.Single(r => r.Cause.Id == "gtps");

    private static RankedCause Septic(params Observation[] observations) =>
        Engine.Triage(PatientCase.Create(45, Sex.Female, observations)).Differential.Single(r => r.Cause.Id == "septic");

    [Fact]
    public void Triage_ClusterBothNegative_JointFigureCountsAloneAndStandsForTheOtherMembers()
    {
        var gtps = Gtps(Observation.Absent("tender"), Observation.Absent("abduction"), Observation.Absent("trendelenburg"), Observation.Absent("stance"));

        Assert.Equal(0.1367, gtps.Probability, 4);
        var counted = Assert.Single(gtps.Contributions);
        Assert.Equal("gtps/cluster", counted.Rule.Id);
        Assert.Equal("Kinsella cluster: 0 of 2 met", counted.Label);
        Assert.Equal((0.11, 0, (bool?)null), (counted.Factor, counted.PartsMet, counted.CriterionMet));
        Assert.Equal("gtps/abductor-loading", counted.Group!.Id);
        Assert.Same(Kinsella, counted.Evidence);
        Assert.Equal(["gtps/tender", "gtps/stance", "gtps/trendelenburg"], counted.Subsumed.Select(s => s.Rule.Id));
        Assert.Equal([0.5, 0.62, 0.25], counted.Subsumed.Select(s => s.Factor));
        Assert.All(counted.Subsumed, s => Assert.Same(Single, s.Evidence));
    }

    [Fact]
    public void Triage_ClusterCountWithoutFigure_OrdinaryMembersSpeakStrongestForPlusStrongestAgainst()
    {
        var gtps = Gtps(Observation.Present("tender"), Observation.Absent("abduction"), Observation.Present("stance"), Observation.Absent("trendelenburg"));

        Assert.Equal(Math.Log(0.59 / 0.41) + Math.Log(12) + Math.Log(0.25), gtps.LogOdds, 12);
        Assert.Equal(["gtps/stance", "gtps/trendelenburg"], gtps.Contributions.Select(c => c.Rule.Id));
        var forCause = gtps.Contributions[0];
        Assert.Equal(["gtps/cluster", "gtps/tender"], forCause.Subsumed.Select(s => s.Rule.Id));
        Assert.Equal("Kinsella cluster: 1 of 2 met (no published figure for this count)", forCause.Subsumed[0].Label);
        Assert.Equal((1.0, 0.0, ContributionDirection.Neutral), (forCause.Subsumed[0].Factor, forCause.Subsumed[0].LogFactor, forCause.Subsumed[0].Direction));
        Assert.Empty(gtps.Contributions[1].Subsumed);
        Assert.All(gtps.Contributions, c => Assert.Equal("gtps/abductor-loading", c.Group!.Id));
    }

    [Fact]
    public void Triage_SeveralMembersFor_OnlyTheStrongestCounts()
    {
        var gtps = Gtps(Observation.Present("stance"), Observation.Present("trendelenburg"));

        Assert.Equal(Math.Log(0.59 / 0.41) + Math.Log(12), gtps.LogOdds, 12);
        var counted = Assert.Single(gtps.Contributions);
        Assert.Equal("Pain on single-leg stance: present", counted.Label);
        Assert.Equal(["gtps/trendelenburg"], counted.Subsumed.Select(s => s.Rule.Id));
    }

    [Fact]
    public void Triage_EveryMemberUnknown_GroupNeutralAndClusterPendingOnceStarted()
    {
        var untouched = Gtps();
        var started = Gtps(Observation.Present("tender"));

        Assert.Equal(Math.Log(0.59 / 0.41), untouched.LogOdds, 12);
        Assert.Empty(untouched.Contributions);
        Assert.Empty(untouched.Pending);
        Assert.Equal("gtps/tender", Assert.Single(started.Contributions).Rule.Id);
        var pending = Assert.Single(started.Pending);
        Assert.Equal(("gtps/cluster", "Kinsella cluster"), (pending.Rule.Id, pending.Label));
        Assert.Equal(["abduction"], pending.MissingFindingIds);
    }

    [Fact]
    public void Triage_JointFigureCounts_NoMemberIsPendingAnyMore()
    {
        var gtps = Gtps(Observation.Present("tender"), Observation.Present("abduction"));

        Assert.Equal("Kinsella cluster: 2 of 2 met", Assert.Single(gtps.Contributions).Label);
        Assert.Empty(gtps.Pending);
        Assert.Equal(Math.Log(0.59 / 0.41) + Math.Log(16.7), gtps.LogOdds, 12);
    }

    [Theory]
    [InlineData(0, 0.02)]
    [InlineData(1, 0.3)]
    [InlineData(2, 6.0)]
    [InlineData(3, 120.0)]
    [InlineData(4, 2000.0)]
    public void Triage_GradedScoreEveryPredictorAnswered_AppliesTheRatioOfTheCountMet(int present, double ratio)
    {
        var observations = Enumerable.Range(1, 4).Select(i => i <= present ? Observation.Present($"p{i}") : Observation.Absent($"p{i}")).ToArray();

        var septic = Septic(observations);

        Assert.Equal(Math.Log(0.1 / 0.9) + Math.Log(ratio), septic.LogOdds, 12);
        var counted = Assert.Single(septic.Contributions);
        Assert.Equal(($"Four-predictor score: {present} of 4 met", present, ratio), (counted.Label, counted.PartsMet, counted.Factor));
        Assert.Null(counted.Group);
        Assert.Empty(counted.Subsumed);
    }

    [Fact]
    public void Triage_GradedScorePredictorUnknown_UndecidedAndPending()
    {
        var septic = Septic(Observation.Present("p1"), Observation.Present("p2"), Observation.Absent("p3"));

        Assert.Equal(Math.Log(0.1 / 0.9), septic.LogOdds, 12);
        Assert.Empty(septic.Contributions);
        Assert.Equal(["p4"], Assert.Single(septic.Pending).MissingFindingIds);
    }

    [Fact]
    public void Triage_EveryCountStillPossibleHasOneEntry_DecidedBeforeEveryPartIsAnswered()
    {
        var kb = new KnowledgeBaseBuilder("flat", "1")
            .AddFinding("a", "A", FindingKind.Examination).AddFinding("b", "B", FindingKind.Examination).AddFinding("c", "C", FindingKind.Examination)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Table)
            .AddCause("x", "X", c => c.Prior(0.5, Table).Treat("tx")
                .Graded("x/score", [Criterion.Present("a"), Criterion.Present("b"), Criterion.Present("c")], [0.1, 0.1, 4, 4], Table, "Score"))
            .Build();
        var engine = new TriageEngine(kb);

        var low = engine.Triage(PatientCase.Create(30, Sex.Male, Observation.Absent("a"), Observation.Absent("b"))).Leading;
        var high = engine.Triage(PatientCase.Create(30, Sex.Male, Observation.Present("a"), Observation.Present("b"))).Leading;
        var open = engine.Triage(PatientCase.Create(30, Sex.Male, Observation.Present("a"), Observation.Absent("b"))).Leading;

        Assert.Equal(("Score: 0 to 1 of 3 met", 0.1), (Assert.Single(low.Contributions).Label, low.Contributions[0].Factor));
        Assert.Equal(("Score: 2 to 3 of 3 met", 4.0), (Assert.Single(high.Contributions).Label, high.Contributions[0].Factor));
        Assert.Empty(open.Contributions);
    }

    [Fact]
    public void Triage_TwoJointMembersDecided_TheFirstInMemberOrderCounts()
    {
        var kb = new KnowledgeBaseBuilder("two-joint", "1")
            .AddFinding("a", "A", FindingKind.Examination).AddFinding("b", "B", FindingKind.Examination)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Table)
            .AddCause("x", "X", c => c.Prior(0.5, Table).Treat("tx")
                .Composite("x/both", Criterion.AllOf("a", "b"), 9, 0.7, Table)
                .Graded("x/count", [Criterion.Present("a"), Criterion.Present("b")], [0.2, 1.5, 3], Table)
                .Group("x/g", "G", g => g.Member("x/count", joint: true).Member("x/both", joint: true)))
            .Build();

        var result = new TriageEngine(kb).Triage(PatientCase.Create(30, Sex.Male, Observation.Present("a"), Observation.Present("b"))).Leading;

        Assert.Equal(Math.Log(3), result.LogOdds, 12);
        Assert.Equal(["x/both"], Assert.Single(result.Contributions).Subsumed.Select(s => s.Rule.Id));
    }

    [Fact]
    public void SpanApi_BaseWithGroupsAndGradedRules_WarmedUpAllocatesNothing()
    {
        var states = new FindingState[Engine.FindingCount];
        Engine.CopyStates(PatientCase.Create(45, Sex.Female, Observation.Present("tender"), Observation.Absent("abduction"), Observation.Present("p1"), Observation.Absent("p2")), states);
        var logOdds = new double[Engine.CauseCount];
        var batchStates = new FindingState[2 * Engine.FindingCount];
        states.CopyTo(batchStates, 0);
        var batchLogOdds = new double[2 * Engine.CauseCount];
        int?[] ages = [45, null];
        Sex[] sexes = [Sex.Female, Sex.Unspecified];
        void Run()
        {
            Engine.Score(states, 45, Sex.Female, logOdds);
            Engine.ScoreBatch(batchStates, ages, sexes, batchLogOdds);
        }

        Assert.Equal(0, SteadyStateAllocation.MinimumBytesPerWindow(Run));
        Assert.Equal(Math.Log(0.59 / 0.41) + Math.Log(3), logOdds[Engine.IndexOfCause("gtps")], 12);
    }
}
