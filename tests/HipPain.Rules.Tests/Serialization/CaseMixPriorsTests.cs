using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>Priors from a clinic's register (<see cref="CaseMixPriors"/>): the formula, the can't-miss floor, the errors and the overlay.</summary>
public sealed class CaseMixPriorsTests
{
    private static readonly KnowledgeBase Base = BuiltInKnowledgeBase.Instance;

    private static readonly double PriorSum = Base.Causes.Sum(c => c.Prior);

    private static Cause CauseOf(string id) => Base.Causes.Single(c => c.Id == id);

    private static CaseMixPrior EstimateOf(CaseMixEstimate estimate, string id) => estimate.Causes.Single(c => c.CauseId == id);

    [Fact]
    public void Estimate_SmallRegister_IsThePosteriorMeanWithTheBaseAsPseudoPatients()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("gtps", 8), new("itbs", 1), new(CaseMixPriors.OtherDiagnosis, 1)], baseWeight: 10);

        Assert.Equal(10, estimate.Patients);
        Assert.Equal(1, estimate.OtherPatients);
        Assert.Equal(10, estimate.BaseWeight);
        var gtps = EstimateOf(estimate, "gtps");
        Assert.Equal(8, gtps.Count);
        Assert.Equal(0.8, gtps.RegisterShare, 12);
        Assert.Equal(CauseOf("gtps").Prior / PriorSum, gtps.BaseShare, 12);
        Assert.Equal((8 + (10 * gtps.BaseShare)) / 20, gtps.Estimate, 12);
        Assert.Equal(gtps.Estimate, gtps.Prior, 4);
        Assert.False(gtps.KeptAtBase);
        var iliopsoas = EstimateOf(estimate, "iliopsoas");
        Assert.Equal(0, iliopsoas.Count);
        Assert.Equal(10 * iliopsoas.BaseShare / 20, iliopsoas.Estimate, 12);
    }

    [Fact]
    public void Estimate_CausesComeInTheBasesOrder()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("malignancy", 2)]);
        Assert.Equal(Base.Causes.Select(c => c.Id), estimate.Causes.Select(c => c.CauseId));
    }

    [Fact]
    public void Estimate_LargeRegister_ApproachesTheRegistersShares()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("gtps", 300_000), new("itbs", 600_000), new(CaseMixPriors.OtherDiagnosis, 100_000)]);
        Assert.Equal(0.3, EstimateOf(estimate, "gtps").Prior, 3);
        Assert.Equal(0.6, EstimateOf(estimate, "itbs").Prior, 3);
    }

    [Fact]
    public void Estimate_CantMissCauseNotSeen_KeepsTheBasesPrior()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("gtps", 400), new("itbs", 100)]);

        foreach (var cause in Base.Causes.Where(c => c.SuspectedUrgency >= Urgency.Urgent))
        {
            var prior = EstimateOf(estimate, cause.Id);
            Assert.True(prior.Estimate < cause.Prior, cause.Id);
            Assert.True(prior.KeptAtBase, cause.Id);
            Assert.Equal(cause.Prior, prior.Prior);
        }

        var routine = EstimateOf(estimate, "hip-oa");
        Assert.False(routine.KeptAtBase);
        Assert.True(routine.Prior < CauseOf("hip-oa").Prior);
    }

    [Fact]
    public void Estimate_CantMissCauseCommonInTheRegister_IsRaised()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("femoral-neck-stress-fracture", 30), new("gtps", 70)]);
        var fracture = EstimateOf(estimate, "femoral-neck-stress-fracture");
        Assert.False(fracture.KeptAtBase);
        Assert.True(fracture.Prior > CauseOf("femoral-neck-stress-fracture").Prior);
        Assert.Equal((30 + (20 * fracture.BaseShare)) / 120, fracture.Prior, 4);
    }

    [Fact]
    public void Estimate_ADiagnosisNamedTwice_AddsTheCounts()
    {
        var twice = CaseMixPriors.Estimate(Base, [new("gtps", 3), new("itbs", 1), new("gtps", 2)]);
        var once = CaseMixPriors.Estimate(Base, [new("gtps", 5), new("itbs", 1)]);
        Assert.Equal(5, EstimateOf(twice, "gtps").Count);
        Assert.Equal(once.Causes.Select(c => c.Prior), twice.Causes.Select(c => c.Prior));
    }

    [Fact]
    public void Estimate_UnknownDiagnosis_NamesItAndOther()
    {
        var ex = Assert.Throws<ArgumentException>(() => CaseMixPriors.Estimate(Base, [new("gtps", 3), new("trochanteric-bursitis", 2)]));
        Assert.Contains("'trochanteric-bursitis' is not a cause of knowledge base 'hippain.builtin'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'other'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gtps, iliopsoas", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NegativeCount_NamesTheDiagnosisAndTheCount()
    {
        var ex = Assert.Throws<ArgumentException>(() => CaseMixPriors.Estimate(Base, [new("itbs", -2)]));
        Assert.Contains("The count for 'itbs' is -2; counts must be 0 or more.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NoPatient_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CaseMixPriors.Estimate(Base, [new("itbs", 0)]));
        Assert.Contains("no patient", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CaseMixPriors.Estimate(Base, []));
    }

    [Fact]
    public void Estimate_MoreThanIntMaxPatients_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CaseMixPriors.Estimate(Base, [new("itbs", int.MaxValue), new("gtps", 1)]));
        Assert.Contains("2147483648 patients", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(1_000_001.0)]
    [InlineData(double.PositiveInfinity)]
    public void Estimate_BaseWeightOutOfRange_NamesTheRange(double baseWeight)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CaseMixPriors.Estimate(Base, [new("gtps", 1)], baseWeight));
        Assert.Equal("baseWeight", ex.ParamName);
        Assert.Contains("greater than 0 and at most 1000000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_BaseWithACauseNamedOther_IsRefused()
    {
        var withOther = new KnowledgeBaseOverlayBuilder("with-other", "1")
            .AddCause(CaseMixPriors.OtherDiagnosis, "Other hip pain", c => c
                .Prior(0.1, new Evidence("Test", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated))
                .SuspectedUrgency(Urgency.Routine)
                .Finding(Findings.LateralHip, 2.0, 1.0, new Evidence("Test", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated))
                .Treat(Treatments.RelativeRest))
            .Build()
            .ApplyTo(Base);

        var ex = Assert.Throws<ArgumentException>(() => CaseMixPriors.Estimate(withOther, [new("gtps", 3)]));
        Assert.Equal("knowledgeBase", ex.ParamName);
        Assert.Contains("has a cause 'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CaseMixPriors.Estimate(null!, [new("gtps", 1)]));
        Assert.Throws<ArgumentNullException>(() => CaseMixPriors.Estimate(Base, null!));
    }

    [Fact]
    public void ToOverlay_AppliedToTheBase_SetsEveryPriorWithItsEvidence()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("gtps", 41), new("itbs", 30), new("femoral-neck-stress-fracture", 9), new(CaseMixPriors.OtherDiagnosis, 25)]);
        var overlay = estimate.ToOverlay("my-clinic", "2027.1", "My clinic's register, 2024-2026");
        var clinic = overlay.ApplyTo(Base);

        Assert.Equal("my-clinic", clinic.Id);
        foreach (var prior in estimate.Causes)
        {
            var cause = clinic.Causes.Single(c => c.Id == prior.CauseId);
            Assert.Equal(prior.Prior, cause.Prior);
            Assert.Equal("My clinic's register, 2024-2026", cause.PriorEvidence.Citation);
            Assert.Equal(EvidenceLevel.CaseSeries, cause.PriorEvidence.Level);
            Assert.Equal(VerificationStatus.Computed, cause.PriorEvidence.Status);
            Assert.StartsWith($"{prior.Count} of 105 patients in the register", cause.PriorEvidence.Note, StringComparison.Ordinal);
        }

        var septic = clinic.Causes.Single(c => c.Id == "septic-arthritis");
        Assert.Contains("the base's prior is kept", septic.PriorEvidence.Note, StringComparison.Ordinal);
        var result = new TriageEngine(clinic).Triage(PatientCase.Create(30, Sex.Female, Observation.Present(Findings.LateralHip)));
        Assert.Equal("gtps", result.Differential[0].Cause.Id);
    }

    [Fact]
    public void DocsExample_TheRegisterInCSharp_RunsAndIsQuotedVerbatim()
    {
        // docs:case-mix-priors
        var estimate = CaseMixPriors.Estimate(BuiltInKnowledgeBase.Instance, new Dictionary<string, int>
        {
            ["gtps"] = 41,
            ["itbs"] = 30,
            ["femoral-neck-stress-fracture"] = 9,
            ["labral-tear"] = 1,
            [CaseMixPriors.OtherDiagnosis] = 25,
        });
        var overlay = estimate.ToOverlay("our-clinic", "2027.1", "Our clinic, runners with hip pain, 2024-2026");
        var clinicBase = overlay.ApplyTo(BuiltInKnowledgeBase.Instance);
        // docs:end

        Assert.Equal(EstimateOf(estimate, "gtps").Prior, clinicBase.Causes.Single(c => c.Id == "gtps").Prior);
        Assert.True(clinicBase.Causes.Single(c => c.Id == "gtps").Prior > CauseOf("gtps").Prior);
        var source = File.ReadAllText(Path.Combine(Repository.Root, "tests/HipPain.Rules.Tests/Serialization/CaseMixPriorsTests.cs"));
        Assert.Contains(DocsRegion.Of(source, "case-mix-priors"), File.ReadAllText(Path.Combine(Repository.Root, "docs/json-packs.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToOverlay_WrittenAndReadAsJson_GivesTheSameBase()
    {
        var overlay = CaseMixPriors.Estimate(Base, [new("gtps", 12), new("labral-tear", 5)]).ToOverlay("c", "1", "Register");
        var read = OverlayJson.Read(OverlayJson.Write(overlay));
        Assert.Equal(overlay.ApplyTo(Base).ContentHash, read.ApplyTo(Base).ContentHash);
    }

    [Fact]
    public void ToOverlay_OnAnotherBase_IsRefused()
    {
        var overlay = CaseMixPriors.Estimate(Base, [new("gtps", 12)]).ToOverlay("c", "1", "Register");
        var other = new KnowledgeBaseOverlayBuilder("other-base", "9").Build().ApplyTo(Base);
        var ex = Assert.ThrowsAny<Exception>(() => overlay.ApplyTo(other));
        Assert.Contains("HPK053", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPriorsTo_EmptyCitation_Throws()
    {
        var estimate = CaseMixPriors.Estimate(Base, [new("gtps", 12)]);
        Assert.Throws<ArgumentException>(() => estimate.AddPriorsTo(new KnowledgeBaseOverlayBuilder("c", "1"), " "));
        Assert.Throws<ArgumentNullException>(() => estimate.AddPriorsTo(null!, "Register"));
    }

    /// <summary>
    /// For any register and base weight: every prior is a probability the overlay accepts; the estimates of all causes
    /// and the register's other share add up to 1; a cause that is urgent or an emergency when suspected never falls
    /// below the base; and one more patient with a cause never lowers its estimate.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Estimate_AnyRegister_IsAProperPosteriorMeanWithTheCantMissFloor(int[] rawCounts, int rawOther, PositiveInt rawWeight)
    {
        var counts = Base.Causes.Select((c, i) => new KeyValuePair<string, int>(c.Id, i < rawCounts.Length ? Math.Abs(rawCounts[i] % 5000) : 0)).ToList();
        var other = Math.Abs(rawOther % 5000);
        var baseWeight = 0.5 + (rawWeight.Get % 2000);
        var register = counts.Append(new(CaseMixPriors.OtherDiagnosis, other)).ToList();
        var patients = register.Sum(c => c.Value);
        if (patients == 0)
        {
            // Not skipped: the one register with no patient must be refused.
            return Throws(() => CaseMixPriors.Estimate(Base, register, baseWeight)).Label("empty register refused");
        }

        var estimate = CaseMixPriors.Estimate(Base, register, baseWeight);
        var proper = estimate.Causes.All(c => c.Prior > 0 && c.Prior < 1 && c.Estimate > 0 && c.Estimate < 1);
        var sum = estimate.Causes.Sum(c => c.Estimate) + ((double)other / (patients + baseWeight));
        var floor = estimate.Causes.Zip(Base.Causes).All(p => p.Second.SuspectedUrgency < Urgency.Urgent || p.First.Prior >= p.Second.Prior);
        var first = counts[0];
        var more = CaseMixPriors.Estimate(Base, register.Append(new(first.Key, 1)), baseWeight);
        var monotone = more.Causes[0].Estimate >= estimate.Causes[0].Estimate;
        return (proper && Math.Abs(sum - 1) < 1e-9 && floor && monotone)
            .Label($"patients {patients}, other {other}, k {baseWeight}: proper {proper}, sum {sum}, floor {floor}, monotone {monotone}");
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
