using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Scoring;

public sealed class TriageEngineTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    private static KnowledgeBase SmallBase() => new KnowledgeBaseBuilder("small", "2")
        .AddFinding("pain", "Pain", FindingKind.Symptom)
        .AddFinding("flag", "Flag finding", FindingKind.Symptom)
        .AddTreatment("rest", "Rest", TreatmentKind.SelfCare, Source)
        .AddTreatment("nsaid", "NSAID", TreatmentKind.Medication, Source)
        .AddTreatment("mri", "MRI", TreatmentKind.Imaging, Source)
        .AddCause("common", "Common", c => c.Prior(0.5, Source).Finding("pain", 4, 0.25, Source).Treat("rest").Treat("nsaid"))
        .AddCause("serious", "Serious", c => c.Prior(0.01, Source).SuspectedUrgency(Urgency.Urgent).Treat("mri").Treat("rest").Avoid("nsaid", "Masks pain."))
        .AddRedFlag("rf", "Serious flag", f => f.When(Criterion.Present("flag")).Urgency(Urgency.Urgent).Action("Image this week.").Suspect("serious").Evidence(Source))
        .Build();

    [Fact]
    public void Triage_PresentFinding_AddsLogOfLikelihoodRatioToPriorLogOdds()
    {
        var result = new TriageEngine(SmallBase()).Triage(PatientCase.Create(30, Sex.Female, Observation.Present("pain")));

        var common = result.Differential.Single(r => r.Cause.Id == "common");
        Assert.Equal(Math.Log(4), common.LogOdds, 12);
        Assert.Equal(0.8, common.Probability, 12);
        var contribution = Assert.Single(common.Contributions);
        Assert.Equal(4, contribution.Factor);
        Assert.Equal(ContributionDirection.For, contribution.Direction);
        Assert.Equal("Pain: present", contribution.Label);
        Assert.Same(Source, contribution.Evidence);
    }

    [Fact]
    public void Triage_AbsentFinding_AppliesNegativeRatio()
    {
        var result = new TriageEngine(SmallBase()).Triage(PatientCase.Create(30, Sex.Female, Observation.Absent("pain")));

        var common = result.Leading;
        Assert.Equal("common", common.Cause.Id);
        Assert.Equal(0.2, common.Probability, 12);
        Assert.Equal(ContributionDirection.Against, Assert.Single(common.Contributions).Direction);
    }

    [Fact]
    public void Triage_Result_StampedWithBaseAndEngine()
    {
        var kb = SmallBase();
        var result = new TriageEngine(kb).Triage(PatientCase.Create(null, Sex.Unspecified));

        Assert.Equal("small", result.KnowledgeBaseId);
        Assert.Equal("2", result.KnowledgeBaseVersion);
        Assert.Equal(kb.ContentHash, result.KnowledgeBaseHash);
        Assert.Equal(TriageEngine.Version, result.EngineVersion);
        Assert.StartsWith("1.0.0", result.EngineVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_RedFlagFiresForLowRankedCause_UrgencyRaisedAndTreatmentsDeferred()
    {
        var result = new TriageEngine(SmallBase()).Triage(PatientCase.Create(30, Sex.Male, Observation.Present("pain"), Observation.Present("flag")));

        Assert.Equal("common", result.Leading.Cause.Id);
        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(["Urgent: Image this week."], result.Plan.ImmediateActions);
        Assert.Equal(RunningRestriction.StopRunning, result.Plan.RunningAdvice.Restriction);
        Assert.Equal(["mri"], result.Plan.Workup.Select(i => i.Treatment.Id));
        Assert.Equal(["rest"], result.Plan.Treatments.Select(i => i.Treatment.Id));
        Assert.Equal(["common", "serious"], result.Plan.Treatments[0].CauseIds.OrderBy(x => x, StringComparer.Ordinal));
        var avoided = Assert.Single(result.Plan.Avoid);
        Assert.Equal("nsaid", avoided.Treatment.Id);
        Assert.Contains("Avoid for Serious: Masks pain.", avoided.Notes);
        Assert.Equal(["rf"], result.Differential.Single(r => r.Cause.Id == "serious").SuspectedByRedFlagIds);
    }

    [Fact]
    public void Triage_EveryGateRuledOut_SelfCare()
    {
        var result = new TriageEngine(SmallBase()).Triage(PatientCase.Create(30, Sex.Male, Observation.Absent("flag")));

        Assert.Equal(Urgency.SelfCare, result.Urgency);
        Assert.Equal(Urgency.SelfCare, result.HighestPossibleUrgency);
        Assert.False(result.IsUrgencyProvisional);
        Assert.Equal(RedFlagStatus.RuledOut, Assert.Single(result.RedFlags).Status);
        Assert.Empty(result.UndecidedRedFlags);
        Assert.Empty(result.SettlingFindingIds);
    }

    [Fact]
    public void Triage_GateUndecided_RoutineProvisional()
    {
        var result = new TriageEngine(SmallBase()).Triage(PatientCase.Create(30, Sex.Male));

        Assert.Equal(Urgency.Routine, result.Urgency);
        Assert.Equal(Urgency.Urgent, result.HighestPossibleUrgency);
        Assert.True(result.IsUrgencyProvisional);
        var gate = Assert.Single(result.RedFlags);
        Assert.Equal(RedFlagStatus.Undecided, gate.Status);
        Assert.False(gate.IsPartlyMet);
        Assert.Equal(["flag"], gate.SettlingFindingIds);
        Assert.Same(gate, Assert.Single(result.UndecidedRedFlags));
        Assert.Equal(["flag"], result.SettlingFindingIds);
    }

    [Fact]
    public void Triage_NullCase_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => BuiltIn.Triage(null!));

        Assert.Equal("patientCase", ex.ParamName);
    }

    [Fact]
    public void Triage_UnknownFindingCode_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<CaseValidationException>(() => BuiltIn.Triage(PatientCase.Create(30, Sex.Female, Observation.Present("loc.moon"))));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(ErrorCodes.CaseUnknownFinding, problem.Code);
        Assert.Equal("$.observations[0].findingId", problem.Path);
        Assert.Contains("'loc.moon'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_PresentAndAbsent_ThrowsContradiction()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, Observation.Present("loc.groin"), Observation.Absent("loc.groin"));

        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BuiltIn.Triage(patientCase)).Problems);

        Assert.Equal(ErrorCodes.CaseContradiction, problem.Code);
        Assert.Equal("$.observations[1]", problem.Path);
        Assert.Equal("Finding 'loc.groin' is Absent here but Present at $.observations[0]; a finding is either present or absent.", problem.Message);
    }

    [Fact]
    public void Triage_SameFindingTwice_ThrowsDuplicate()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, Observation.Present("loc.groin"), Observation.Present("loc.groin"));

        Assert.Equal(ErrorCodes.CaseDuplicateFinding, Assert.Single(Assert.Throws<CaseValidationException>(() => BuiltIn.Triage(patientCase)).Problems).Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void Triage_AgeOutsideRange_ThrowsNamingTheRange(int age)
    {
        var problem = Assert.Single(Assert.Throws<CaseValidationException>(() => BuiltIn.Triage(PatientCase.Create(age, Sex.Female))).Problems);

        Assert.Equal(ErrorCodes.CaseAgeOutOfRange, problem.Code);
        Assert.Equal($"Age {age} is outside the allowed range 0..120 years.", problem.Message);
    }

    [Fact]
    public void Validate_ManyProblems_ListsEveryOneWithoutThrowing()
    {
        var patientCase = new PatientCase(
            200,
            (Sex)9,
            [new Observation(null!, FindingState.Present), new Observation("x", (FindingState)7), Observation.Present("loc.groin"), Observation.Absent("loc.groin")]);

        var problems = BuiltIn.Validate(patientCase);

        Assert.Equal(
            [ErrorCodes.CaseAgeOutOfRange, ErrorCodes.CaseUndefinedSex, ErrorCodes.CaseMissingFindingId, ErrorCodes.CaseUndefinedState, ErrorCodes.CaseUnknownFinding, ErrorCodes.CaseContradiction],
            problems.Select(p => p.Code));
    }

    [Fact]
    public void Constructor_LeadingCauseCountOutOfRange_ThrowsWithRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TriageEngine(SmallBase(), new TriageOptions { LeadingCauseCount = 0 }));

        Assert.Equal("LeadingCauseCount", ex.ParamName);
        Assert.Contains("between 1 and 50", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_PartlyAnsweredCluster_ListedAsPendingWithMissingFinding()
    {
        var result = BuiltIn.Triage(PatientCase.Create(34, Sex.Unspecified, Observation.Present("loc.lateral-hip"), Observation.Present("exam.gt-tenderness")));

        var pending = result.Differential.Single(r => r.Cause.Id == "gtps").Pending;
        Assert.Contains(pending, p => p.Rule.Id == "gtps/kinsella-cluster" && p.MissingFindingIds.SequenceEqual(["exam.resisted-abduction-pain"]));
    }
}
