using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// A finding's present rate (<see cref="Finding.PresentRate"/>, facts addendum 56): how often it is present among the
/// patients the base is for, read only by the interviewer's answer model. Set by the builder or JSON, range-checked with
/// its path, kept by a round trip and <c>ToBuilder</c>, in the content hash only when set, and never read by triage. An
/// overlay sets it on a finding it adds (<c>addFindings</c>) or changes a base finding's (<c>findingNumbers</c>).
/// </summary>
public sealed class FindingPresentRateTests
{
    private static readonly Evidence Estimate = new("Test", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);

    /// <summary>One cause raises finding "f" threefold; the other has no rule on it.</summary>
    private static KnowledgeBaseBuilder Builder(double? rate)
    {
        var builder = new KnowledgeBaseBuilder("t", "1")
            .AddFinding("f", "F", FindingKind.RiskFactor, question: "F?", patientQuestion: "Do you have F?")
            .AddFinding("g", "G", FindingKind.Symptom)
            .AddTreatment("tx", "T", TreatmentKind.SelfCare, Estimate)
            .AddCause("a", "A", c => c.Prior(0.1, Estimate).Finding("f", 3, 1, Estimate).Finding("g", 2, 0.5, Estimate).Treat("tx"))
            .AddCause("b", "B", c => c.Prior(0.1, Estimate).Finding("g", 0.5, 1.5, Estimate).Treat("tx"));
        return rate is { } r ? builder.SetPresentRate("f", r) : builder;
    }

    [Fact]
    public void SetPresentRate_Built_TheFindingCarriesIt_OthersNone()
    {
        var kb = Builder(0.02).Build();

        Assert.Equal(0.02, kb.Findings.Single(f => f.Id == "f").PresentRate);
        Assert.Null(kb.Findings.Single(f => f.Id == "g").PresentRate);
        Assert.Null(Builder(null).Build().Findings.Single(f => f.Id == "f").PresentRate);
    }

    [Fact]
    public void SetPresentRate_UnknownFinding_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KnowledgeBaseBuilder("t", "1").SetPresentRate("rf.none", 0.1));

        Assert.Equal("findingId", ex.ParamName);
        Assert.Contains("'rf.none'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.005)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Build_RateOutsideItsRange_HPK025AtTheFindingsPathNamingTheRange(double rate)
    {
        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => Builder(rate).Build());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPK025", "$.findings[0].presentRate"), (problem.Code, problem.Path));
        Assert.Contains("finding 'f'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("0.01", problem.Message, StringComparison.Ordinal);
        Assert.Contains("0.99", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrip_KeepsTheRateAndTheHash_AndWritesItOnlyWhereSet()
    {
        var kb = Builder(0.02).Build();

        var text = KnowledgeBaseJson.Write(kb);
        var copy = KnowledgeBaseJson.Read(text);
        var findings = JsonNode.Parse(text)!["findings"]!.AsArray();

        Assert.Equal(kb.ContentHash, copy.ContentHash);
        Assert.Equal(0.02, copy.Findings.Single(f => f.Id == "f").PresentRate);
        Assert.Equal(0.02, (double)findings[0]!["presentRate"]!);
        Assert.False(findings[1]!.AsObject().ContainsKey("presentRate"));
        Assert.Equal(kb.ContentHash, kb.ToBuilder().Build().ContentHash);
        Assert.Equal(0.02, kb.ToBuilder().Build().Findings.Single(f => f.Id == "f").PresentRate);
    }

    [Fact]
    public void Json_RateOutOfRange_HPK025AtItsPathNamingTheRange()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(Builder(0.02).Build()))!.AsObject();
        json["findings"]![0]!["presentRate"] = 1.5;

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPK025", "$.findings[0].presentRate"), (problem.Code, problem.Path));
        Assert.Contains("presentRate 1.5 of finding 'f'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("0.01", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RateAsText_HPJ001AtItsPathAndLine()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(Builder(null).Build()))!.AsObject();
        json["findings"]![1]!["presentRate"] = "rare";

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.findings[1].presentRate", ex.JsonPath);
        Assert.NotNull(ex.LineNumber);
    }

    [Fact]
    public void Overlay_AddedFindingWithARate_KeepsIt_OutOfRange_HPK025AtTheOverlaysPath()
    {
        static JsonObject Overlay(double rate) => new()
        {
            ["formatVersion"] = 1,
            ["id"] = "clinic",
            ["version"] = "2025.1",
            ["addFindings"] = new JsonArray(new JsonObject { ["id"] = "rf.new", ["name"] = "New", ["kind"] = "riskFactor", ["presentRate"] = rate }),
        };

        var applied = OverlayJson.Read(Overlay(0.05).ToJsonString()).ApplyTo(FixtureBase.Create());

        Assert.Equal(0.05, applied.Findings.Single(f => f.Id == "rf.new").PresentRate);
        Assert.False(OverlayJson.Read(Overlay(2).ToJsonString()).TryApplyTo(FixtureBase.Create(), out _, out var problems));
        Assert.Contains(problems, p => p.Code == "HPK025" && p.Path == "$.addFindings[0].presentRate");
    }

    [Fact]
    public void OverlayBuilder_AddedFindingWithARate_WritesAndAppliesIt_OnTheAddedFinding()
    {
        var overlay = new KnowledgeBaseOverlayBuilder("clinic", "2025.1")
            .AddFinding("rf.new", "New", FindingKind.RiskFactor)
            .SetPresentRate("rf.new", 0.05)
            .Build();
        var json = JsonNode.Parse(OverlayJson.Write(overlay))!.AsObject();

        Assert.Equal(0.05, (double)json["addFindings"]![0]!["presentRate"]!);
        Assert.False(json.ContainsKey("findingNumbers"));
        Assert.Equal(0.05, overlay.ApplyTo(FixtureBase.Create()).Findings.Single(f => f.Id == "rf.new").PresentRate);
    }

    /// <summary>An overlay of the fixture that changes its findings' numbers (<c>findingNumbers</c>) and nothing else.</summary>
    private static JsonObject NumbersOverlay(params JsonObject[] changes) => new()
    {
        ["formatVersion"] = 1,
        ["id"] = "clinic",
        ["version"] = "2025.1",
        ["findingNumbers"] = new JsonArray([.. changes]),
    };

    private static JsonObject Rate(string id, JsonNode? rate) => new() { ["id"] = id, ["presentRate"] = rate };

    [Fact]
    public void Overlay_BaseFindingsRate_SetsThatFindingsRateOnly_AndTheHashChanges()
    {
        var overlay = OverlayJson.Read(NumbersOverlay(Rate("sx.night-pain", 0.3)).ToJsonString());
        var identity = OverlayJson.Read(new JsonObject { ["formatVersion"] = 1, ["id"] = "clinic", ["version"] = "2025.1" }.ToJsonString());

        var applied = overlay.ApplyTo(FixtureBase.Create());

        Assert.False(overlay.IsEmpty);
        Assert.Equal(0.3, applied.Findings.Single(f => f.Id == "sx.night-pain").PresentRate);
        Assert.All(applied.Findings.Where(f => f.Id != "sx.night-pain"), f => Assert.Null(f.PresentRate));
        Assert.NotEqual(identity.ApplyTo(FixtureBase.Create()).ContentHash, applied.ContentHash);

        // The applied base carries the rate in its own JSON form, and reading that back keeps the hash.
        var written = KnowledgeBaseJson.Write(applied);
        Assert.Equal(applied.ContentHash, KnowledgeBaseJson.Read(written).ContentHash);
        Assert.Equal(0.3, (double)JsonNode.Parse(written)!["findings"]!.AsArray().Single(f => (string?)f!["id"] == "sx.night-pain")!["presentRate"]!);
    }

    [Fact]
    public void Overlay_BaseFindingsRate_ReplacesTheOneTheBaseGives_AndTheAnswerModelReadsIt()
    {
        var overlay = OverlayJson.Read(NumbersOverlay(Rate("f", 0.3)).ToJsonString());

        var applied = overlay.ApplyTo(Builder(0.02).Build());

        Assert.Equal(0.3, applied.Findings.Single(f => f.Id == "f").PresentRate);
        Assert.Equal(0.3, new AnswerModel(applied).PresentRate("b", "f"), 12);
        Assert.Equal(0.9, new AnswerModel(applied).PresentRate("a", "f"), 12);
    }

    [Fact]
    public void Overlay_BaseFindingsRate_WriteThenRead_SameOverlay()
    {
        var text = NumbersOverlay(Rate("sx.night-pain", 0.3), Rate("loc.groin", 0.5)).ToJsonString();

        var rewritten = OverlayJson.Write(OverlayJson.Read(text));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(rewritten)));
        Assert.Equal(OverlayJson.Read(text).ApplyTo(FixtureBase.Create()).ContentHash, OverlayJson.Read(rewritten).ApplyTo(FixtureBase.Create()).ContentHash);
    }

    [Theory]
    [InlineData("{\"id\":\"rf.none\",\"presentRate\":0.1}", "HPK051", "$.findingNumbers[0].id", "no finding 'rf.none'")]
    [InlineData("{\"presentRate\":0.1}", "HPJ005", "$.findingNumbers[0].id", "\"id\"")]
    [InlineData("{\"id\":\"loc.groin\"}", "HPJ005", "$.findingNumbers[0]", "presentRate")]
    [InlineData("{\"id\":\"loc.groin\",\"presentRate\":1.5}", "HPK025", "$.findingNumbers[0].presentRate", "presentRate 1.5 of finding 'loc.groin' is outside its range 0.01..0.99")]
    [InlineData("{\"id\":\"loc.groin\",\"presentRate\":0}", "HPK025", "$.findingNumbers[0].presentRate", "0.01..0.99")]
    public void Overlay_BaseFindingsRate_Refused_OneProblemAtItsPath(string change, string code, string path, string named)
    {
        var overlay = OverlayJson.Read(NumbersOverlay(JsonNode.Parse(change)!.AsObject()).ToJsonString());

        Assert.False(overlay.TryApplyTo(FixtureBase.Create(), out var result, out var problems));

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.Equal((code, path), (problem.Code, problem.Path));
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_RateOfAFindingTheOverlayAdds_InFindingNumbers_HPK051PointingToAddFindings()
    {
        var json = NumbersOverlay(Rate("rf.new", 0.1));
        json["addFindings"] = new JsonArray(new JsonObject { ["id"] = "rf.new", ["name"] = "New", ["kind"] = "riskFactor" });

        Assert.False(OverlayJson.Read(json.ToJsonString()).TryApplyTo(FixtureBase.Create(), out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal(("HPK051", "$.findingNumbers[0].id"), (problem.Code, problem.Path));
        Assert.Contains("addFindings", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_OneBaseFindingsRateTwice_HPK052AtTheSecond_AndTheFirstIsNotApplied()
    {
        var overlay = OverlayJson.Read(NumbersOverlay(Rate("loc.groin", 0.1), Rate("loc.groin", 0.2)).ToJsonString());

        Assert.False(overlay.TryApplyTo(FixtureBase.Create(), out var result, out var problems));

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.Equal(("HPK052", "$.findingNumbers[1].id"), (problem.Code, problem.Path));
        Assert.Contains("'loc.groin'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_BaseFindingsRateAsText_HPJ001AtItsPathAndLine()
    {
        var ex = Assert.Throws<RulesJsonException>(() => OverlayJson.Read(NumbersOverlay(Rate("loc.groin", "rare")).ToJsonString()));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.findingNumbers[0].presentRate", ex.JsonPath);
        Assert.NotNull(ex.LineNumber);
    }

    [Fact]
    public void OverlayBuilder_BaseFindingsRate_WritesFindingNumbers_AndAppliesAsTheJsonDoes()
    {
        var built = new KnowledgeBaseOverlayBuilder("clinic", "2025.1").SetPresentRate("sx.night-pain", 0.3).Build();
        var read = OverlayJson.Read(NumbersOverlay(Rate("sx.night-pain", 0.3)).ToJsonString());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(OverlayJson.Write(read)), JsonNode.Parse(OverlayJson.Write(built))));
        Assert.Equal(read.ApplyTo(FixtureBase.Create()).ContentHash, built.ApplyTo(FixtureBase.Create()).ContentHash);
    }

    [Fact]
    public void OverlayBuilder_RateForACodeNeitherAddedNorInTheBase_HPK051WhenApplied_TwiceForOne_HPK052()
    {
        var unknown = new KnowledgeBaseOverlayBuilder("clinic", "2025.1").SetPresentRate("rf.none", 0.05).Build();
        var twice = new KnowledgeBaseOverlayBuilder("clinic", "2025.1").SetPresentRate("loc.groin", 0.05).SetPresentRate("loc.groin", 0.06).Build();

        Assert.False(unknown.TryApplyTo(FixtureBase.Create(), out _, out var unknownProblems));
        Assert.Equal(("HPK051", "$.findingNumbers[0].id"), (unknownProblems.Single().Code, unknownProblems.Single().Path));
        Assert.False(twice.TryApplyTo(FixtureBase.Create(), out _, out var twiceProblems));
        Assert.Equal(("HPK052", "$.findingNumbers[1].id"), (twiceProblems.Single().Code, twiceProblems.Single().Path));
    }

    [Fact]
    public void ContentHash_RateSet_Differs_NotSet_SameAsABaseThatNeverDeclaredOne()
    {
        var without = Builder(null).Build();
        var with = Builder(0.02).Build();

        Assert.NotEqual(without.ContentHash, with.ContentHash);

        // The fixture has no rate, and its hash is the one the code gave before the number was declared (dd4c2d2):
        // declaring it changed no hash of a base that does not set it.
        Assert.DoesNotContain(FixtureBase.Create().Findings, f => f.PresentRate is not null);
        Assert.Equal("sha256:36a82875f8fdb2e9b5cc08ce92100c2b760eb601e01f71c5920e35a4680d8797", FixtureBase.Create().ContentHash);
    }

    [Fact]
    public void Triage_RateSetOrNot_SameResult()
    {
        var withRate = new TriageEngine(Builder(0.02).Build());
        var withoutRate = new TriageEngine(Builder(null).Build());
        var patient = PatientCase.Create(30, Sex.Female, Observation.Present("f"), Observation.Absent("g"));

        Assert.Equal(
            withoutRate.Triage(patient).Differential.Select(r => (r.Cause.Id, r.LogOdds)),
            withRate.Triage(patient).Differential.Select(r => (r.Cause.Id, r.LogOdds)));
    }

    [Fact]
    public void AnswerModel_RateSet_ReplacesTheBackgroundForThatFindingOnly()
    {
        var plain = new AnswerModel(Builder(null).Build());
        var rated = new AnswerModel(Builder(0.02).Build());

        // Without a rate: the background 0.2, and the raising cause 3 x 0.2.
        Assert.Equal(0.2, plain.PresentRate("b", "f"), 12);
        Assert.Equal(0.6, plain.PresentRate("a", "f"), 12);

        // With it: the rate, and the raising cause 3 x the rate; the other finding is untouched.
        Assert.Equal(0.02, rated.PresentRate("b", "f"), 12);
        Assert.Equal(0.06, rated.PresentRate("a", "f"), 12);
        Assert.Equal(plain.PresentRate("a", "g"), rated.PresentRate("a", "g"), 12);
        Assert.Equal(plain.PresentRate("b", "g"), rated.PresentRate("b", "g"), 12);
    }
}
