using FsCheck;
using FsCheck.Fluent;
using Hl7.Fhir.Model;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Fhir.Tests;

public sealed class TriageResultBundleTests(FhirValidation validation)
{
    private static readonly KnowledgeBase Base = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Base);
    private static readonly Questionnaire Form = KnowledgeBaseQuestionnaire.Create(Base);
    private static readonly FhirCaseReader Reader = new(Engine, FhirTestData.ClinicMapping());
    private static readonly TriageBundleOptions At = new() { OccurredAt = new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero) };

    public static TheoryData<string> CaseNames => [.. BundledCases.All.Select(c => c.Name)];

    /// <summary>Questionnaire → QuestionnaireResponse and Patient → case → result → Bundle.</summary>
    private static (PatientCase Read, TriageResult Result, Bundle Bundle, FhirCaseResult Input) RoundTrip(PatientCase original)
    {
        var input = Reader.Read(FhirTestData.PatientFor(original), FhirTestData.ResponseFor(Form, original), asOf: FhirTestData.AsOf);
        var result = Engine.Triage(input.Case);
        return (input.Case, result, TriageResultBundle.Create(Base, result, input, At), input);
    }

    private static decimal Probability(RiskAssessment.PredictionComponent prediction) => ((FhirDecimal)prediction.Probability!).Value!.Value;

    private static IEnumerable<T> Resources<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RoundTrip_BundledCase_SameCaseSameResultValidBundle(string name)
    {
        var original = BundledCases.Find(name)!;

        var (read, result, bundle, input) = RoundTrip(original);

        // A case of unspecified sex becomes a Patient of gender unknown, which the reader notes (information).
        Assert.All(input.Issues, i => Assert.Equal((FhirIssueCodes.Gender, OperationOutcome.IssueSeverity.Information), (i.Code, i.Severity)));
        Assert.Equal(original.Sex == Sex.Unspecified, !input.Issues.IsEmpty);
        Assert.Equal(original.Age, read.Age);
        Assert.Equal(original.Sex, read.Sex);
        Assert.Equal(original.Observations.OrderBy(o => o.FindingId, StringComparer.Ordinal), read.Observations.OrderBy(o => o.FindingId, StringComparer.Ordinal));
        var direct = Engine.Triage(original);
        var assessment = Assert.Single(Resources<RiskAssessment>(bundle));
        Assert.Equal(direct.Differential.Select(c => Math.Round((decimal)c.Probability, 4)), assessment.Prediction.Select(Probability));
        Assert.Equal(direct.FiredRedFlags.Select(f => f.Id), Resources<DetectedIssue>(bundle).Select(d => d.Code!.Coding[0].Code));
        Assert.Equal(direct.Urgency, result.Urgency);
        Assert.Equal(direct.HighestPossibleUrgency, result.HighestPossibleUrgency);
        Assert.Equal(direct.Differential.Select(c => (c.Cause.Id, c.Probability)), result.Differential.Select(c => (c.Cause.Id, c.Probability)));
        Assert.Equal([], validation.Errors(bundle));
    }

    [Fact]
    public void Create_HotHip_RiskAssessmentNamesBaseCodesAndBasis()
    {
        var (_, result, bundle, _) = RoundTrip(BundledCases.Find("hot-hip")!);
        var assessment = Assert.Single(Resources<RiskAssessment>(bundle));

        Assert.Equal(ObservationStatus.Final, assessment.Status);
        Assert.Equal("Patient/p1", assessment.Subject.Reference);
        Assert.Equal(["Patient/p1", "QuestionnaireResponse/qr1"], assessment.Basis.Select(b => b.Reference));
        Assert.Equal(Base.Id, assessment.Method!.Coding[0].Code);
        Assert.Equal(Base.Version, assessment.Method!.Coding[0].Version);
        Assert.Contains(Base.ContentHash, assessment.Method!.Text, StringComparison.Ordinal);
        Assert.Equal(Base.Causes.Length, assessment.Prediction.Count);
        var leading = assessment.Prediction[0];
        Assert.Equal(result.Differential[0].Cause.Id, leading.Outcome!.Coding.Last().Code);
        if (result.Differential[0].Cause.SnomedCt is { } snomed)
        {
            Assert.Contains(leading.Outcome!.Coding, c => c.System == FhirTerminology.SnomedCt && c.Code == snomed);
        }

        Assert.Contains(result.Differential[0].Contributions.First().Evidence.Citation, leading.Rationale, StringComparison.Ordinal);
        Assert.Equal("emergency", assessment.GetExtensionValue<Code>(FhirOptions.Default.ExtensionUrl("urgency")).Value);
    }

    [Fact]
    public void Create_HotHip_FiredFlagsAsDetectedIssuesPlanAsCarePlan()
    {
        var (_, result, bundle, _) = RoundTrip(BundledCases.Find("hot-hip")!);

        var issues = Resources<DetectedIssue>(bundle).ToList();
        Assert.NotEmpty(issues);
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.High, issues[0].Severity);
        Assert.Equal(result.FiredRedFlags.First().Action, issues[0].Mitigation[0].Action.Text);
        var plan = Assert.Single(Resources<Hl7.Fhir.Model.CarePlan>(bundle));
        Assert.Equal(RequestStatus.Draft, plan.Status);
        Assert.Equal(Hl7.Fhir.Model.CarePlan.CarePlanIntent.Proposal, plan.Intent);
        Assert.Equal(result.Plan.ImmediateActions.Length, plan.Activity.Count(a => a.Detail!.Code!.Coding[0].Code == "immediate-action"));
        Assert.Equal(result.Plan.Deferred.Length, plan.Activity.Count(a => a.Detail!.Status == Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.OnHold));
        Assert.Equal(result.Plan.Avoid.Length, plan.Activity.Count(a => a.Detail!.DoNotPerform == true));
        Assert.Equal(1 + issues.Count, plan.SupportingInfo.Count);
    }

    [Fact]
    public void Create_SameResultTwice_SameJson()
    {
        var (_, result, bundle, input) = RoundTrip(BundledCases.Find("groin-stress-fracture")!);

        Assert.Equal(Hl7.Fhir.Serialization.PocoSerializationExtensions.ToJson(bundle), Hl7.Fhir.Serialization.PocoSerializationExtensions.ToJson(TriageResultBundle.Create(Base, result, input, At)));
    }

    [Fact]
    public void Create_NoFhirInput_AddsAPatientEntry()
    {
        var result = Engine.Triage(BundledCases.Find("itb-runner")!);

        var bundle = TriageResultBundle.Create(Base, result);

        var patient = Assert.Single(Resources<Patient>(bundle));
        Assert.Equal(bundle.Entry[0].FullUrl, Assert.Single(Resources<RiskAssessment>(bundle)).Subject.Reference);
        Assert.Equal(AdministrativeGender.Male, patient.Gender);
        Assert.Equal([], validation.Errors(bundle));
    }

    [Fact]
    public void Create_InputWithIssues_CarriesTheOperationOutcome()
    {
        var input = Reader.Read(null, null, [FhirTestData.Temperature("t1", 39m), FhirTestData.Coded("bp", "http://loinc.org", "85354-9")]);

        var bundle = TriageResultBundle.Create(Base, Engine.Triage(input.Case), input);

        var outcome = Assert.Single(Resources<OperationOutcome>(bundle));
        Assert.Equal("HPF005", Assert.Single(outcome.Issue).Details!.Coding[0].Code);
        Assert.Contains(Assert.Single(Resources<RiskAssessment>(bundle)).Basis, b => b.Reference == bundle.Entry.Single(e => e.Resource is OperationOutcome).FullUrl);
        Assert.Equal([], validation.Errors(bundle));
    }

    [Fact]
    public void Create_ResultOfAnotherBase_Throws()
    {
        var small = KnowledgeBaseQuestionnaireTests.SmallBase();
        var result = new TriageEngine(small).Triage(PatientCase.Create(30, Sex.Male, Model.Observation.Present("loc.groin")));

        var error = Assert.Throws<ArgumentException>(() => TriageResultBundle.Create(Base, result));

        Assert.StartsWith($"The result was produced by knowledge base 'small' ({small.ContentHash}), not 'hippain.builtin' ({Base.ContentHash}).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SpanishText_SpanishNames()
    {
        var result = Engine.Triage(BundledCases.Find("hot-hip")!);

        var bundle = TriageResultBundle.Create(Base, result, options: At with { Text = BuiltInTextPacks.Spanish });

        var leading = result.Differential[0].Cause.Id;
        Assert.Equal(BuiltInTextPacks.Spanish.Get(TextKey.CauseName(leading)), Resources<RiskAssessment>(bundle).Single().Prediction[0].Outcome!.Text);
    }

    /// <summary>Random cases over the built-in vocabulary: the FHIR round trip gives back the case and the engine's figures.</summary>
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property RoundTrip_RandomCase_SameCaseSamePredictions() => Prop.ForAll(RandomCases(), original =>
    {
        var (read, _, bundle, input) = RoundTrip(original);
        var direct = Engine.Triage(original);
        var predictions = Resources<RiskAssessment>(bundle).Single().Prediction;
        return input.Issues.IsEmpty
            && read.Age == original.Age
            && read.Sex == original.Sex
            && read.Observations.OrderBy(o => o.FindingId, StringComparer.Ordinal).SequenceEqual(original.Observations.OrderBy(o => o.FindingId, StringComparer.Ordinal))
            && predictions.Select(Probability).SequenceEqual(direct.Differential.Select(c => Math.Round((decimal)c.Probability, 4)))
            && Resources<DetectedIssue>(bundle).Count() == direct.FiredRedFlags.Count();
    });

    [Fact]
    public void Validate_RandomCases_BundlesHaveNoErrors()
    {
        var random = new Random(20261129);
        var ids = Base.Findings.Select(f => f.Id).ToArray();
        for (var i = 0; i < 12; i++)
        {
            var age = random.Next(0, 121);
            var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
            var original = new PatientCase(
                age,
                sex,
                ids.OrderBy(_ => random.Next()).Take(random.Next(0, 16)).Select(id => new Model.Observation(id, Possible(id, sex, (FindingState)random.Next(3)))));
            Assert.Equal([], validation.Errors(RoundTrip(original).Bundle));
        }
    }

    /// <summary>
    /// Cases of 0 to 15 distinct findings of the built-in base, each present, absent or unknown; age 0 to 120; male or
    /// female. A one-sex finding of the other sex is never present (HPC008): a drawn present becomes absent.
    /// </summary>
    internal static Arbitrary<PatientCase> RandomCases()
    {
        var ids = Base.Findings.Select(f => f.Id).ToArray();
        var observation = Gen.Elements(ids).SelectMany(id => Gen.Elements(FindingState.Present, FindingState.Absent, FindingState.Unknown), (id, state) => new Model.Observation(id, state));
        var gen = Gen.Choose(0, 120).SelectMany(age => Gen.Elements(Sex.Female, Sex.Male), (age, sex) => (age, sex))
            .SelectMany(
                p => Gen.ListOf(observation).Select(l => l.DistinctBy(o => o.FindingId).Take(15).Select(o => new Model.Observation(o.FindingId, Possible(o.FindingId, p.sex, o.State))).ToList()),
                (p, obs) => new PatientCase(p.age, p.sex, obs));
        return gen.ToArbitrary();
    }

    /// <summary><paramref name="state"/>, or absent when it is present and the finding can be present only in the other sex.</summary>
    private static FindingState Possible(string findingId, Sex sex, FindingState state) =>
        state == FindingState.Present && Base.Findings.Single(f => f.Id == findingId).Sex is var only && only != Sex.Unspecified && only != sex
            ? FindingState.Absent
            : state;
}
