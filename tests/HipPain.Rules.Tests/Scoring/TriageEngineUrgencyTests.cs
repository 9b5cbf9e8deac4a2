using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>Provisional urgency: the urgency settled so far, the highest still possible, and the questions that settle it.</summary>
public sealed class TriageEngineUrgencyTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>
    /// Seven gates, one per ordering rule: <c>fired</c> (Routine) fires on <c>r</c>; <c>partly</c> (Urgent) needs
    /// <c>x</c> and <c>y</c>; <c>emergency</c> reads <c>e</c>; <c>likely</c>, <c>unlikely</c> and <c>orphan</c> (Urgent)
    /// read <c>u1</c>, <c>u2</c>, <c>u3</c> and <c>y</c> and suspect a probable cause, an improbable one and none;
    /// <c>ruled-out</c> reads <c>z</c>.
    /// </summary>
    private static KnowledgeBase GateBase()
    {
        var builder = new KnowledgeBaseBuilder("gates", "1");
        foreach (var id in new[] { "r", "x", "y", "e", "u1", "u2", "u3", "z" })
        {
            builder.AddFinding(id, "Finding " + id, FindingKind.Symptom);
        }

        builder.AddTreatment("tx", "Treatment", TreatmentKind.Imaging, Source)
            .AddCause("probable", "Probable", c => c.Prior(0.4, Source).SuspectedUrgency(Urgency.Urgent).Treat("tx"))
            .AddCause("improbable", "Improbable", c => c.Prior(0.01, Source).SuspectedUrgency(Urgency.Urgent).Treat("tx"));
        void Gate(string id, Urgency urgency, Criterion criterion, params string[] suspects) =>
            builder.AddRedFlag(id, "Gate " + id, f => f.When(criterion).Urgency(urgency).Action("Act.").Suspect(suspects).Evidence(Source));

        Gate("ruled-out", Urgency.Emergency, Criterion.Present("z"));
        Gate("orphan", Urgency.Urgent, Criterion.AllOf("u3", "y"));
        Gate("unlikely", Urgency.Urgent, Criterion.AllOf("u2", "y"), "improbable");
        Gate("likely", Urgency.Urgent, Criterion.AllOf("u1", "y"), "probable");
        Gate("emergency", Urgency.Emergency, Criterion.Present("e"));
        Gate("partly", Urgency.Urgent, Criterion.AllOf("x", "y"), "improbable");
        Gate("fired", Urgency.Routine, Criterion.Present("r"));
        return builder.Build();
    }

    [Fact]
    public void Triage_UndecidedGates_PartlyMetFirstThenMostUrgentThenMostProbableSuspectThenAuthoringOrder()
    {
        var result = new TriageEngine(GateBase()).Triage(PatientCase.Create(30, Sex.Female, Observation.Present("r"), Observation.Present("x"), Observation.Absent("z")));

        Assert.Equal(["partly", "emergency", "likely", "unlikely", "orphan"], result.UndecidedRedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal([true, false, false, false, false], result.UndecidedRedFlags.Select(o => o.IsPartlyMet));
        Assert.Equal(["fired", "partly", "emergency", "likely", "unlikely", "orphan", "ruled-out"], result.RedFlags.Select(o => o.RedFlag.Id));
        Assert.Equal(["y", "e", "u1", "u2", "u3"], result.SettlingFindingIds);
        Assert.Equal(["u1", "y"], result.UndecidedRedFlags[2].SettlingFindingIds);
    }

    [Fact]
    public void Triage_RoutineSettledEmergencyUndecided_ProvisionalUpToEmergency()
    {
        var result = new TriageEngine(GateBase()).Triage(PatientCase.Create(30, Sex.Female, Observation.Present("r")));

        Assert.Equal(Urgency.Routine, result.Urgency);
        Assert.Equal(Urgency.Emergency, result.HighestPossibleUrgency);
        Assert.True(result.IsUrgencyProvisional);
    }

    [Fact]
    public void Triage_OnlyGatesAtOrBelowTheSettledUrgencyUndecided_SettledButStillListsTheirQuestions()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, Observation.Present("e"), Observation.Absent("u1"), Observation.Absent("u2"), Observation.Absent("u3"));

        var result = new TriageEngine(GateBase()).Triage(patientCase);

        Assert.Equal(Urgency.Emergency, result.Urgency);
        Assert.Equal(Urgency.Emergency, result.HighestPossibleUrgency);
        Assert.False(result.IsUrgencyProvisional);
        Assert.Equal(["r", "x", "y", "z"], result.SettlingFindingIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Triage_EveryGateDecided_SettledWithNoQuestions()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, Observation.Absent("r"), Observation.Absent("y"), Observation.Absent("e"), Observation.Absent("z"));

        var result = new TriageEngine(GateBase()).Triage(patientCase);

        Assert.Equal(Urgency.SelfCare, result.Urgency);
        Assert.Equal(Urgency.SelfCare, result.HighestPossibleUrgency);
        Assert.Empty(result.UndecidedRedFlags);
        Assert.Empty(result.SettlingFindingIds);
        Assert.All(result.RedFlags, o => Assert.Empty(o.SettlingFindingIds));
    }

    [Theory]
    [InlineData("present", "unknown", true, new[] { "b", "c" })]
    [InlineData("present", "absent", false, new[] { "c" })]
    [InlineData("absent", "unknown", false, new[] { "c" })]
    [InlineData("unknown", "unknown", false, new[] { "a", "b", "c" })]
    public void Triage_MetFindingInsideABranch_PartlyMetOnlyWhileTheBranchIsNotRuledOut(string a, string b, bool partlyMet, string[] settling)
    {
        var kb = OneGate(Criterion.AnyOf(Criterion.AllOf("a", "b"), Criterion.Present("c")), "a", "b", "c");
        var patientCase = new PatientCase(30, Sex.Male, [new Observation("a", State(a)), new Observation("b", State(b))]);

        var gate = Assert.Single(new TriageEngine(kb).Triage(patientCase).UndecidedRedFlags);

        Assert.Equal(partlyMet, gate.IsPartlyMet);
        Assert.Equal(settling, gate.SettlingFindingIds);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(null, false)]
    public void Triage_AgeConditionMet_GatePartlyMet(int? age, bool partlyMet)
    {
        var kb = OneGate(Criterion.AllOf(Criterion.AgeBetween(51, null), Criterion.Present("a")), "a");

        var result = new TriageEngine(kb).Triage(PatientCase.Create(age, Sex.Male));

        Assert.Equal(partlyMet, Assert.Single(result.UndecidedRedFlags).IsPartlyMet);
        Assert.Equal(["a"], result.SettlingFindingIds);
    }

    [Fact]
    public void Triage_AgeConditionNotMet_GateRuledOutWithoutQuestions()
    {
        var kb = OneGate(Criterion.AllOf(Criterion.AgeBetween(51, null), Criterion.Present("a")), "a");

        var result = new TriageEngine(kb).Triage(PatientCase.Create(40, Sex.Male));

        Assert.Equal(RedFlagStatus.RuledOut, Assert.Single(result.RedFlags).Status);
        Assert.Equal(Urgency.SelfCare, result.HighestPossibleUrgency);
    }

    [Fact]
    public void Triage_BuiltInBaseLateralHipAtNight_RoutineSoFarCouldBeEmergencyMalignancyGateFirst()
    {
        var patientCase = PatientCase.Create(34, Sex.Female, Observation.Present("loc.lateral-hip"), Observation.Present("tim.night-pain"));

        var result = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(patientCase);

        Assert.Equal(Urgency.Routine, result.Urgency);
        Assert.Equal(Urgency.Emergency, result.HighestPossibleUrgency);
        var first = result.UndecidedRedFlags[0];
        Assert.Equal("rf.malignancy", first.RedFlag.Id);
        Assert.True(first.IsPartlyMet);
        Assert.Equal(first.SettlingFindingIds, result.SettlingFindingIds.Take(first.SettlingFindingIds.Length));
        Assert.DoesNotContain("tim.night-pain", result.SettlingFindingIds);
    }

    private static KnowledgeBase OneGate(Criterion criterion, params string[] findings)
    {
        var builder = new KnowledgeBaseBuilder("one-gate", "1");
        foreach (var id in findings)
        {
            builder.AddFinding(id, "Finding " + id, FindingKind.Symptom);
        }

        return builder.AddTreatment("tx", "Treatment", TreatmentKind.Imaging, Source)
            .AddCause("cause", "Cause", c => c.Prior(0.1, Source).Treat("tx"))
            .AddRedFlag("gate", "Gate", f => f.When(criterion).Urgency(Urgency.Urgent).Action("Act.").Evidence(Source))
            .Build();
    }

    private static FindingState State(string name) => Enum.Parse<FindingState>(name, ignoreCase: true);
}
