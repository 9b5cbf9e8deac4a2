using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The red-flag gates of one result: their status, progress and text, the order of the undecided ones, which fired gates
/// each cause is suspected by, and the promotion of a flagged cause from the tail of the differential.
/// </summary>
public sealed class RedFlagOrderTests
{
    private static readonly Evidence Source = new("Red flag test source 2025", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>
    /// Five causes by prior (c1 most probable). Gates, in authoring order: far (needs four findings, Urgent), near (two
    /// findings, Urgent), twin-a and twin-b (one finding each, Urgent, same causes), loud (Emergency), quiet (Urgent).
    /// </summary>
    private static readonly TriageEngine Engine = new(new KnowledgeBaseBuilder("gates", "1")
        .AddFinding("a1", "A1", FindingKind.Symptom)
        .AddFinding("a2", "A2", FindingKind.Symptom)
        .AddFinding("a3", "A3", FindingKind.Symptom)
        .AddFinding("a4", "A4", FindingKind.Symptom)
        .AddFinding("b1", "B1", FindingKind.Symptom)
        .AddFinding("b2", "B2", FindingKind.Symptom)
        .AddFinding("t", "Twin trigger", FindingKind.Symptom)
        .AddFinding("l", "Loud trigger", FindingKind.Symptom)
        .AddFinding("q", "Quiet trigger", FindingKind.Symptom)
        .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
        .AddCause("c1", "Cause one", c => c.Prior(0.6, Source).Treat("tx"))
        .AddCause("c2", "Cause two", c => c.Prior(0.5, Source).Treat("tx"))
        .AddCause("c3", "Cause three", c => c.Prior(0.4, Source).Treat("tx"))
        .AddCause("c4", "Cause four", c => c.Prior(0.3, Source).Treat("tx"))
        .AddCause("c5", "Cause five", c => c.Prior(0.2, Source).Treat("tx"))
        .AddRedFlag("far", "Far gate", f => f.When(Criterion.AllOf("a1", "a2", "a3", "a4")).Urgency(Urgency.Urgent).Action("Act.").Suspect("c3").Evidence(Source))
        .AddRedFlag("near", "Near gate", f => f.When(Criterion.AllOf("b1", "b2")).Urgency(Urgency.Urgent).Action("Act.").Suspect("c3").Evidence(Source))
        .AddRedFlag("twin-a", "Twin gate A", f => f.When(Criterion.Present("t")).Urgency(Urgency.Urgent).Action("Act.").Suspect("c5", "c4").Evidence(Source))
        .AddRedFlag("twin-b", "Twin gate B", f => f.When(Criterion.Present("t")).Urgency(Urgency.Urgent).Action("Act.").Suspect("c5").Evidence(Source))
        .AddRedFlag("loud", "Loud gate", f => f.When(Criterion.Present("l")).Urgency(Urgency.Emergency).Action("Act now.").Suspect("c4", "c5").Evidence(Source))
        .AddRedFlag("quiet", "Quiet gate", f => f.When(Criterion.Present("q")).Urgency(Urgency.Urgent).Action("Act.").Suspect("c4").Evidence(Source))
        .Build());

    private static TriageResult Triage(params Observation[] observations) => Engine.Triage(PatientCase.Create(40, Sex.Male, observations));

    /// <summary>A small base for one order test: symptom findings named by their ids, one treatment, causes by prior.</summary>
    private static KnowledgeBaseBuilder Base(string id, string[] findings, params (string Id, double Prior)[] causes)
    {
        var builder = new KnowledgeBaseBuilder(id, "1");
        foreach (var finding in findings)
        {
            builder.AddFinding(finding, finding.ToUpperInvariant(), FindingKind.Symptom);
        }

        builder.AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source);
        foreach (var (cause, prior) in causes)
        {
            builder.AddCause(cause, cause, c => c.Prior(prior, Source).Treat("tx"));
        }

        return builder;
    }

    /// <summary>Adds a gate named by its id, with this class's action and source.</summary>
    private static void Gate(KnowledgeBaseBuilder builder, string id, Criterion when, Urgency urgency, params string[] suspects) =>
        builder.AddRedFlag(id, id, f => f.When(when).Urgency(urgency).Action("Act.").Suspect(suspects).Evidence(Source));

    [Fact]
    public void UndecidedRedFlags_BothPartlyMetSameSuspect_TheOneFurtherTowardsFiringFirst()
    {
        var result = Triage(Observation.Present("a1"), Observation.Present("b1"), Observation.Absent("t"), Observation.Absent("l"), Observation.Absent("q"));

        Assert.Equal(["near", "far"], result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal([0.5, 0.25], result.UndecidedRedFlags.Select(o => o.Progress));
        Assert.All(result.UndecidedRedFlags, o => Assert.True(o.IsPartlyMet));
        Assert.Equal(["b2", "a2", "a3", "a4"], result.SettlingFindingIds);
        Assert.Equal("near: Undecided (partly met), ask b2", result.UndecidedRedFlags[0].ToString());
    }

    [Fact]
    public void UndecidedRedFlags_BothPartlyMetSameUrgency_TheFurtherTowardsFiringFirstEvenWhenItsSuspectIsRarer()
    {
        // Facts addendum 26: rule R4 (the more probable suspected cause first) was tried and rejected; among gates the
        // case points at with the same urgency, progress decides, and the suspect's posterior only breaks a tie. The
        // likely gate is authored first, so neither authoring order nor R4 would give this order.
        var kb = Base("probable", ["x1", "x2", "x3", "x4", "y1", "y2"], ("likely", 0.6), ("rare", 0.01));
        Gate(kb, "likely-gate", Criterion.AllOf("x1", "x2", "x3", "x4"), Urgency.Urgent, "likely");
        Gate(kb, "rare-gate", Criterion.AllOf("y1", "y2"), Urgency.Urgent, "rare");
        var engine = new TriageEngine(kb.Build());

        var result = engine.Triage(PatientCase.Create(40, Sex.Male, Observation.Present("x1"), Observation.Present("y1")));

        Assert.Equal(["rare-gate", "likely-gate"], result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal([0.5, 0.25], result.UndecidedRedFlags.Select(o => o.Progress));
        Assert.Equal(["y2", "x2", "x3", "x4"], result.SettlingFindingIds);
    }

    [Fact]
    public void UndecidedRedFlags_BothPartlyMet_TheMoreUrgentFirstEvenWhenLessFarTowardsFiring()
    {
        // Facts addendum 14: among the gates the case points at, the Manchester order (the highest priority first).
        var kb = Base("gate-order", ["e1", "e2", "e3", "e4", "u1", "u2"], ("c1", 0.6), ("c2", 0.1));
        Gate(kb, "urgent", Criterion.AllOf("u1", "u2"), Urgency.Urgent, "c1");
        Gate(kb, "emergency", Criterion.AllOf("e1", "e2", "e3", "e4"), Urgency.Emergency, "c2");
        var engine = new TriageEngine(kb.Build());

        var result = engine.Triage(PatientCase.Create(40, Sex.Male, Observation.Present("u1"), Observation.Present("e1")));

        Assert.Equal(["emergency", "urgent"], result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal([0.25, 0.5], result.UndecidedRedFlags.Select(o => o.Progress));
        Assert.Equal(["e2", "e3", "e4", "u2"], result.SettlingFindingIds);
    }

    [Fact]
    public void UndecidedRedFlags_EmergencyFormOfAPartlyMetCause_JustBeforeThatGateAndNoFurther()
    {
        // Facts addendum 27, rule R5b: the untouched emergency gate naming the cause a partly met urgent gate suspects
        // moves to just before that gate; it does not pass the partly met gate of another cause that stands first, and
        // an untouched emergency gate of an unrelated cause stays behind every partly met gate.
        var kb = Base("emergency-form", ["u1", "u2", "o1", "o2", "o3", "w", "z"], ("fracture", 0.3), ("tumour", 0.01), ("infection", 0.01));
        Gate(kb, "unrelated", Criterion.Present("z"), Urgency.Emergency, "infection");
        Gate(kb, "emergency-form", Criterion.Present("w"), Urgency.Emergency, "fracture", "infection");
        Gate(kb, "urgent-form", Criterion.AllOf("u1", "u2"), Urgency.Urgent, "fracture");
        Gate(kb, "other", Criterion.AllOf("o1", "o2", "o3"), Urgency.Urgent, "tumour");
        var engine = new TriageEngine(kb.Build());

        var result = engine.Triage(PatientCase.Create(40, Sex.Male, Observation.Present("u1"), Observation.Present("o1"), Observation.Present("o2")));

        Assert.Equal(["other", "emergency-form", "urgent-form", "unrelated"], result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal([true, false, true, false], result.UndecidedRedFlags.Select(o => o.IsPartlyMet));
        Assert.Equal(["o3", "w", "u2", "z"], result.SettlingFindingIds);
    }

    [Fact]
    public void UndecidedRedFlags_EmergencyFormOfAFiredCause_BeforeEveryLessUrgentUndecidedGate()
    {
        // Facts addendum 27, rule R5b: quiet (Urgent, suspects c4) fired, so loud (Emergency, suspects c4 and c5) goes
        // before far, the partly met urgent gate of another cause, which would otherwise head the list.
        var result = Triage(Observation.Present("q"), Observation.Present("a1"));

        Assert.Equal(["loud", "far", "near", "twin-a", "twin-b"], result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(Urgency.Emergency, result.HighestPossibleUrgency);
    }

    [Theory]
    [InlineData(null, new[] { "anyone", "in-context" })]
    [InlineData(true, new[] { "in-context", "anyone" })]
    [InlineData(false, new[] { "anyone", "in-context" })]
    public void UndecidedRedFlags_UntouchedGates_ThoseInTheirContextFirst(bool? back, string[] expected)
    {
        // Facts addendum 28, rule R6: an untouched gate whose context (AskWhen) has not appeared comes after the
        // untouched gates in their context, whatever the probability of its suspected cause; once the context is met,
        // the probability order decides again. Both gates are emergencies; the contextual one is authored first and
        // suspects the more probable cause, so without the rule it would always come first.
        var kb = Base("context", ["back", "saddle", "fever"], ("common", 0.5), ("rare", 0.01));
        kb.AddRedFlag("in-context", "Asked with back pain", f => f.When(Criterion.Present("saddle")).AskWhen(Criterion.Present("back")).Urgency(Urgency.Emergency).Action("Act now.").Suspect("common").Evidence(Source));
        Gate(kb, "anyone", Criterion.Present("fever"), Urgency.Emergency, "rare");
        var engine = new TriageEngine(kb.Build());
        Observation[] observations = back is { } b ? [b ? Observation.Present("back") : Observation.Absent("back")] : [];

        var result = engine.Triage(PatientCase.Create(40, Sex.Male, observations));

        Assert.Equal(expected, result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.All(result.UndecidedRedFlags, o => Assert.False(o.IsPartlyMet));
    }

    [Fact]
    public void UndecidedRedFlags_BuiltInBase_NothingStated_CaudaEquinaAfterTheGatesAskedOfEveryone()
    {
        // Facts addendum 28: a case that states nothing yet points at no gate; the cauda equina questions belong with
        // back, buttock or leg symptoms (NICE NG59; hazard H21), so the gates without a context come first.
        var result = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(PatientCase.Create(30, Sex.Female));

        var ids = result.UndecidedRedFlags.Select(o => o.RedFlag.Id).ToList();
        Assert.All(result.UndecidedRedFlags, o => Assert.False(o.IsPartlyMet));
        Assert.True(ids.IndexOf(RedFlags.CaudaEquina) > ids.IndexOf(RedFlags.InfectionSigns), string.Join(", ", ids));
        Assert.True(ids.IndexOf(RedFlags.CaudaEquina) > ids.IndexOf(RedFlags.CannotBearWeightFlag), string.Join(", ", ids));
        Assert.Contains(ids[0], new[] { RedFlags.InfectionSigns, RedFlags.CannotBearWeightFlag });
    }

    [Fact]
    public void RedFlags_DecidedGates_NeverPartlyMetFiredAtFullProgressRuledOutAtNone()
    {
        var result = Triage(Observation.Present("l"), Observation.Absent("q"), Observation.Present("a1"));

        var loud = result.RedFlags.Single(o => o.RedFlag.Id == "loud");
        var quiet = result.RedFlags.Single(o => o.RedFlag.Id == "quiet");
        Assert.Equal((RedFlagStatus.Fired, false, 1.0), (loud.Status, loud.IsPartlyMet, loud.Progress));
        Assert.Equal((RedFlagStatus.RuledOut, false, 0.0), (quiet.Status, quiet.IsPartlyMet, quiet.Progress));
        Assert.Equal("loud: Fired", loud.ToString());
        Assert.Equal("quiet: RuledOut", quiet.ToString());
        var untouched = result.RedFlags.Single(o => o.RedFlag.Id == "near");
        Assert.Equal("near: Undecided, ask b1, b2", untouched.ToString());
        Assert.Equal(0.0, untouched.Progress);
    }

    [Fact]
    public void SuspectedByRedFlags_OnlyFiredGatesMostUrgentFirstThenAuthoringOrder()
    {
        var result = Triage(Observation.Present("t"), Observation.Present("l"), Observation.Absent("q"));

        Assert.Equal(["loud", "twin-a", "twin-b"], result.FiredRedFlags.Select(f => f.Id));
        var byId = result.Differential.ToDictionary(r => r.Cause.Id);
        Assert.Equal(["loud", "twin-a", "twin-b"], byId["c5"].SuspectedByRedFlagIds);
        Assert.Equal(["loud", "twin-a"], byId["c4"].SuspectedByRedFlagIds);
        Assert.Empty(byId["c3"].SuspectedByRedFlagIds);
        Assert.Empty(byId["c1"].SuspectedByRedFlagIds);
    }

    [Fact]
    public void Differential_FlaggedCauseLast_PromotedToThirdWithItsPosteriorRankKept()
    {
        var result = Triage(Observation.Present("q"), Observation.Absent("t"), Observation.Absent("l"));

        Assert.Equal(["c1", "c2", "c4", "c3", "c5"], result.Differential.Select(r => r.Cause.Id));
        Assert.Equal([1, 2, 3, 4, 5], result.Differential.Select(r => r.Rank));
        Assert.Equal([1, 2, 4, 3, 5], result.Differential.Select(r => r.PosteriorRank));
        Assert.Equal(["quiet"], result.Differential[2].SuspectedByRedFlagIds);
    }
}
