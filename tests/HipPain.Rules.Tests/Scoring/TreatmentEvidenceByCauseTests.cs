using System.Text.Json;
using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// Issue 18: one evidence level per treatment labelled every cause (the trochanteric trial's level also labelled the
/// injection for iliopsoas). A recommendation may carry its own evidence: DSL, model, validation, content hash, JSON
/// pack, overlays, care plan and the result format.
/// </summary>
public sealed class TreatmentEvidenceByCauseTests
{
    private static readonly Evidence Trial = new("Trial in condition A", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary);
    private static readonly Evidence Series = new("Case series in condition B", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedSecondary);

    private static readonly PatientCase Both = PatientCase.Create(40, Sex.Female, Observation.Present("loc.a"), Observation.Present("loc.b"));

    private static KnowledgeBase Create(Evidence? forB) => new KnowledgeBaseBuilder("kb", "1.0.0")
        .AddFinding("loc.a", "Pain at A", FindingKind.PainLocation, BodyRegion.LateralHip)
        .AddFinding("loc.b", "Pain at B", FindingKind.PainLocation, BodyRegion.GroinAnteriorHip)
        .AddTreatment("tx.injection", "Injection", TreatmentKind.Injection, Trial)
        .AddCause("a", "Condition A", c => c.Prior(0.3, Trial).Finding("loc.a", 3.0, 0.3, Trial).Treat("tx.injection"))
        .AddCause("b", "Condition B", c => c.Prior(0.3, Trial).Finding("loc.b", 3.0, 0.3, Trial).Treat("tx.injection", TreatmentLine.SecondLine, "After rest.", forB))
        .Build();

    [Fact]
    public void Treat_WithEvidence_RecommendationCarriesItAndOthersFallBackToTheTreatments()
    {
        var knowledgeBase = Create(Series);
        Assert.True(knowledgeBase.TryGetTreatment("tx.injection", out var injection));
        Assert.True(knowledgeBase.TryGetCause("a", out var a));
        Assert.True(knowledgeBase.TryGetCause("b", out var b));

        Assert.Null(a.Recommendations[0].Evidence);
        Assert.Same(Trial, a.Recommendations[0].EvidenceWith(injection));
        Assert.Same(Series, b.Recommendations[0].Evidence);
        Assert.Same(Series, b.Recommendations[0].EvidenceWith(injection));
    }

    [Fact]
    public void EvidenceWith_AnotherTreatment_Throws()
    {
        var knowledgeBase = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx.other", "Other", TreatmentKind.SelfCare, Trial)
            .AddTreatment("tx.injection", "Injection", TreatmentKind.Injection, Trial)
            .AddCause("a", "A", c => c.Prior(0.3, Trial).Treat("tx.injection"))
            .Build();
        Assert.True(knowledgeBase.TryGetTreatment("tx.other", out var other));
        Assert.True(knowledgeBase.TryGetCause("a", out var a));

        var ex = Assert.Throws<ArgumentException>(() => a.Recommendations[0].EvidenceWith(other));

        Assert.Equal("treatment", ex.ParamName);
    }

    [Fact]
    public void Build_RecommendationEvidenceWithBlankCitation_HPK009AtItsPath()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx.injection", "Injection", TreatmentKind.Injection, Trial)
            .AddCause("a", "A", c => c.Prior(0.3, Trial).Treat("tx.injection", evidence: new Evidence(" ", EvidenceLevel.CaseSeries, VerificationStatus.Estimated)));

        var problems = builder.Validate();

        Assert.Contains(problems, p => p.Code == ErrorCodes.MissingCitation && p.Path == "$.causes[0].recommendations[0].evidence.citation");
    }

    [Fact]
    public void ContentHash_RecommendationEvidence_IsClinicalContent()
    {
        var without = Create(null);
        var series = Create(Series);
        var trial = Create(new Evidence("Case series in condition B", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedSecondary));

        Assert.NotEqual(without.ContentHash, series.ContentHash);
        Assert.NotEqual(series.ContentHash, trial.ContentHash);
        Assert.Equal(series.ContentHash, Create(Series).ContentHash);
        Assert.Equal(series.ContentHash, series.ToBuilder().Build().ContentHash);
    }

    [Fact]
    public void KnowledgeBaseJson_RecommendationEvidence_RoundTripsAndMatchesTheSchema()
    {
        var knowledgeBase = Create(Series);

        var json = KnowledgeBaseJson.Write(knowledgeBase);
        var read = KnowledgeBaseJson.Read(json);

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json));
        Assert.Equal(knowledgeBase.ContentHash, read.ContentHash);
        Assert.True(read.TryGetCause("b", out var b));
        Assert.Equal((EvidenceLevel.CaseSeries, "Case series in condition B"), (b.Recommendations[0].Evidence!.Level, b.Recommendations[0].Evidence!.Citation));
        Assert.True(read.TryGetCause("a", out var a));
        Assert.Null(a.Recommendations[0].Evidence);
        Assert.DoesNotContain("\"evidence\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void KnowledgeBaseJson_RecommendationEvidenceWithUnknownLevel_HPJ004AtItsPath()
    {
        var json = KnowledgeBaseJson.Write(Create(Series)).Replace("\"caseSeries\"", "\"anecdote\"", StringComparison.Ordinal);

        var ex = Assert.ThrowsAny<ValidationException>(() => KnowledgeBaseJson.Read(json));

        Assert.Contains(ex.Problems, p => p.Code == ErrorCodes.JsonUnknownValue && p.Path.EndsWith(".recommendations[0].evidence.level", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlay_AddedRecommendationWithEvidence_AppliedAndMatchesTheSchema()
    {
        var knowledgeBase = new KnowledgeBaseBuilder("kb", "1.0.0")
            .AddTreatment("tx.injection", "Injection", TreatmentKind.Injection, Trial)
            .AddTreatment("tx.rest", "Rest", TreatmentKind.SelfCare, Trial)
            .AddCause("a", "A", c => c.Prior(0.3, Trial).Treat("tx.rest"))
            .Build();
        var overlay = OverlayTests.Overlay(("addRecommendations", new JsonArray(new JsonObject
        {
            ["cause"] = "a",
            ["treatmentId"] = "tx.injection",
            ["line"] = "secondLine",
            ["evidence"] = OverlayTests.Evidence("Clinic audit of injections in A"),
        })));

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, overlay.ToJsonString()));
        var applied = OverlayJson.Read(overlay.ToJsonString()).ApplyTo(knowledgeBase);

        Assert.True(applied.TryGetCause("a", out var a));
        var added = Assert.Single(a.Recommendations, r => r.TreatmentId == "tx.injection");
        Assert.Equal(("Clinic audit of injections in A", EvidenceLevel.CohortStudy), (added.Evidence!.Citation, added.Evidence.Level));
        Assert.NotEqual(knowledgeBase.ContentHash, applied.ContentHash);
    }

    [Fact]
    public void Plan_SharedTreatment_EachCauseItsOwnEvidence()
    {
        var result = new TriageEngine(Create(Series)).Triage(Both);

        var item = Assert.Single(result.Plan.Treatments.Concat(result.Plan.Deferred), i => i.Treatment.Id == "tx.injection");

        Assert.Equal(["a", "b"], item.CauseIds.Order(StringComparer.Ordinal));
        Assert.Same(Trial, item.EvidenceFor("a"));
        Assert.Same(Series, item.EvidenceFor("b"));
        Assert.Equal(item.CauseIds.Length, item.CauseEvidence.Length);
        Assert.Throws<ArgumentException>(() => item.EvidenceFor("c"));
    }

    [Fact]
    public void ResultJson_CauseWithAnotherLevel_WrittenInCauseLevelsAndValidAgainstTheSchema()
    {
        var json = TriageResultJson.Write(new TriageEngine(Create(Series)).Triage(Both));

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.TriageResult, json));
        var item = JsonDocument.Parse(json).RootElement.GetProperty("plan").GetProperty("treatments").EnumerateArray()
            .Single(i => i.GetProperty("treatment").GetString() == "tx.injection");
        Assert.Equal("randomisedTrial", item.GetProperty("level").GetString());
        var levels = item.GetProperty("causeLevels");
        Assert.Equal("caseSeries", levels.GetProperty("b").GetString());
        Assert.False(levels.TryGetProperty("a", out _));
    }

    [Fact]
    public void ResultJson_EveryCauseAtTheTreatmentsLevel_NoCauseLevels()
    {
        var sameLevel = new Evidence("Another trial in condition B", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary);

        var json = TriageResultJson.Write(new TriageEngine(Create(sameLevel)).Triage(Both));

        Assert.DoesNotContain("causeLevels", json, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInBase_IliopsoasInjection_NotGradedByTheTrochantericTrial()
    {
        var knowledgeBase = BuiltInKnowledgeBase.Instance;
        Assert.True(knowledgeBase.TryGetTreatment("tx.corticosteroid-injection", out var injection));

        Assert.Equal(EvidenceLevel.RandomisedTrial, LevelFor(knowledgeBase, "gtps", injection));
        Assert.Equal(EvidenceLevel.CaseSeries, LevelFor(knowledgeBase, "iliopsoas", injection));
        Assert.Equal(EvidenceLevel.ExpertOpinion, LevelFor(knowledgeBase, "deep-gluteal-syndrome", injection));
    }

    [Fact]
    public void BuiltInBase_OsteoarthritisGuidelineForNsaids_GradesNoOtherCause()
    {
        var knowledgeBase = BuiltInKnowledgeBase.Instance;
        Assert.True(knowledgeBase.TryGetTreatment("tx.nsaid", out var nsaid));

        var borrowing = knowledgeBase.Causes
            .Where(c => c.Id != "hip-oa" && c.Recommendations.Any(r => r.TreatmentId == nsaid.Id && r.Line != TreatmentLine.Avoid && r.Evidence is null))
            .Select(c => c.Id);

        Assert.Empty(borrowing);
    }

    private static EvidenceLevel LevelFor(KnowledgeBase knowledgeBase, string causeId, Treatment treatment)
    {
        Assert.True(knowledgeBase.TryGetCause(causeId, out var cause), causeId);
        return cause.Recommendations.Single(r => r.TreatmentId == treatment.Id).EvidenceWith(treatment).Level;
    }
}
