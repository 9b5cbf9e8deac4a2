using System.Text.Json.Nodes;
using System.Text;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

public sealed class KnowledgeBaseJsonTests
{
    private static JsonObject SampleJson() => JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!.AsObject();

    private static KnowledgeBaseValidationException ReadInvalid(JsonNode json) =>
        Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

    [Fact]
    public void Read_WrittenSample_SameHashAndScores()
    {
        var original = FixtureBase.Create();

        var copy = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(original));

        Assert.Equal(original.ContentHash, copy.ContentHash);
        Assert.Equal(FixtureBase.ScoresOf(original, FixtureBase.Cases()), FixtureBase.ScoresOf(copy, FixtureBase.Cases()));
    }

    [Fact]
    public void Read_Stream_SameAsText()
    {
        var original = FixtureBase.Create();
        using var stream = new MemoryStream();
        KnowledgeBaseJson.Write(original, stream);
        stream.Position = 0;

        Assert.Equal(original.ContentHash, KnowledgeBaseJson.Read(stream).ContentHash);
    }

    [Fact]
    public void Write_Sample_StartsWithFormatVersionAndUsesCamelCaseNames()
    {
        var json = KnowledgeBaseJson.Write(FixtureBase.Create());

        Assert.StartsWith("{\n  \"formatVersion\": 1,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"painLocation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"allOf\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"anyOf\": [", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotWellFormed_HPJ001WithOneBasedLineAndPosition()
    {
        const string json = "{\n  \"formatVersion\": 1,\n  \"id\": \"x\",\n  \"causes\": [ { \"id\": } ]\n}";

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal(4, ex.LineNumber);
        Assert.Equal(23, ex.BytePositionInLine); // the 1-based byte of the "}" where a value was expected
        Assert.Equal("$.causes[0].id", ex.JsonPath);
        Assert.StartsWith("HPJ001 at $.causes[0].id (line 4, byte 23): ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongType_HPJ001NamesPathAndLine()
    {
        var json = SampleJson();
        json["causes"]![1]!["prior"] = "high";

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.causes[1].prior", ex.JsonPath);
        Assert.Equal(1, ex.LineNumber);
        Assert.NotNull(ex.BytePositionInLine);
        Assert.Contains("wrong JSON type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownProperty_HPJ001NamesProperty()
    {
        var json = SampleJson();
        json["causes"]![0]!["priorr"] = 0.2;

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.causes[0].priorr", ex.JsonPath);
        Assert.Contains("Unknown property 'priorr'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RootIsArray_HPJ001()
    {
        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read("[1, 2]"));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$", ex.JsonPath);
    }

    [Fact]
    public void Read_FormatVersion2_HPJ002NamesVersion()
    {
        var json = "{\n  \"formatVersion\": 2,\n  \"id\": \"x\"\n}";

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json));

        Assert.Equal(ErrorCodes.JsonUnsupportedFormatVersion, ex.Code);
        Assert.Equal("$.formatVersion", ex.JsonPath);
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal(20, ex.BytePositionInLine);
        Assert.Contains("formatVersion 2 is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoFormatVersion_HPJ002()
    {
        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read("{\"id\": \"x\"}"));

        Assert.Equal(ErrorCodes.JsonUnsupportedFormatVersion, ex.Code);
        Assert.Contains("has no formatVersion", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverMaxBytes_HPJ003NamesLimitAndSize()
    {
        var json = KnowledgeBaseJson.Write(FixtureBase.Create());
        var size = Encoding.UTF8.GetByteCount(json);

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json, new JsonReadOptions { MaximumBytes = 1000 }));

        Assert.Equal(ErrorCodes.JsonLimitExceeded, ex.Code);
        Assert.Equal($"HPJ003 at $.treatments[0] (line 46, byte 6): The knowledge-base document is {size} bytes; the limit MaximumBytes is 1000.", ex.Message);
    }

    [Fact]
    public void Read_StreamOverMaxBytes_HPJ003()
    {
        using var stream = new MemoryStream(new byte[200_000]);

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(stream, new JsonReadOptions { MaximumBytes = 100_000 }));

        Assert.Equal(ErrorCodes.JsonLimitExceeded, ex.Code);
        Assert.Contains("the limit MaximumBytes is 100000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverMaxDepth_HPJ003NamesDepthAndPath()
    {
        var json = SampleJson();

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json.ToJsonString(), new JsonReadOptions { MaximumDepth = 3 }));

        Assert.Equal(ErrorCodes.JsonLimitExceeded, ex.Code);
        Assert.Equal("$.treatments[0].evidence", ex.JsonPath);
        Assert.EndsWith(": The nesting depth reaches 4; the limit MaximumDepth is 3.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverMaxItems_HPJ003NamesCountAndPath()
    {
        var json = SampleJson();

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json.ToJsonString(), new JsonReadOptions { MaximumItems = 4 }));

        Assert.Equal(ErrorCodes.JsonLimitExceeded, ex.Code);
        Assert.Equal("$.findings", ex.JsonPath);
        Assert.Contains("The array has 5 items; the limit MaximumItems is 4.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidLimit_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KnowledgeBaseJson.Read("{}", new JsonReadOptions { MaximumDepth = 65 }));

        Assert.Equal("MaximumDepth", ex.ParamName);
    }

    [Fact]
    public void Read_UnknownEnumName_HPJ004WithPath()
    {
        var json = SampleJson();
        json["findings"]![2]!["kind"] = "Examination";
        json["causes"]![1]!["rules"]![0]!["evidence"]!["level"] = "anecdote";

        var ex = ReadInvalid(json);

        Assert.Equal(
            ["HPJ004 at $.findings[2].kind", "HPJ004 at $.causes[1].rules[0].evidence.level"],
            ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Contains("allowed: painLocation, painQuality, timing, symptom, history, riskFactor, examination, investigation", ex.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingProperties_HPJ005AndValidatorCodesWithPaths()
    {
        var json = SampleJson();
        json["findings"]![0]!.AsObject().Remove("kind");
        json["causes"]![0]!["rules"]![0]!["ratio"]!.AsObject().Remove("negative");
        json["causes"]![0]!.AsObject().Remove("name");
        json["treatments"]![1]!["evidence"]!.AsObject().Remove("citation");

        var ex = ReadInvalid(json);

        Assert.Equal(
            ["HPJ005 at $.findings[0].kind", "HPJ005 at $.causes[0].rules[0].ratio.negative", "HPK009 at $.treatments[1].evidence.citation", "HPK012 at $.causes[0].name"],
            ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_BadRatio_HPK004AtJsonPath()
    {
        var json = SampleJson();
        json["causes"]![1]!["rules"]![1]!["ratio"]!["positive"] = 0;

        var problem = Assert.Single(ReadInvalid(json).Problems);

        Assert.Equal(ErrorCodes.InvalidLikelihoodRatio, problem.Code);
        Assert.Equal("$.causes[1].rules[1].ratio.positive", problem.Path);
    }

    [Fact]
    public void Read_UnknownFindingInNestedCriterion_HPK003AtJsonPathOfThePart()
    {
        var json = SampleJson();
        json["causes"]![1]!["rules"]![0]!["criterion"]!["allOf"]![1]!["anyOf"]![0]!["present"] = "hx.unknown";

        var problem = Assert.Single(ReadInvalid(json).Problems);

        Assert.Equal(ErrorCodes.UnknownFinding, problem.Code);
        Assert.Equal("$.causes[1].rules[0].criterion.allOf[1].anyOf[0]", problem.Path);
    }

    [Fact]
    public void Read_CriterionWithTwoForms_HPK011AndRuleSkipped()
    {
        var json = SampleJson();
        json["causes"]![0]!["rules"]![0]!["criterion"]!["absent"] = "loc.groin";
        json["redFlags"]![0]!["criterion"] = new JsonObject();

        var ex = ReadInvalid(json);

        Assert.Equal(
            ["HPK011 at $.causes[0].rules[0].criterion", "HPK011 at $.redFlags[0].criterion"],
            ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_DuplicateCauseIds_HPK001AtTheSecond()
    {
        var json = SampleJson();
        json["causes"]![1]!["id"] = "gtps";
        json["redFlags"]![0]!["suspects"] = new JsonArray("gtps");
        json["causes"]![1]!["suspectedUrgency"] = "routine";

        var ex = ReadInvalid(json);

        Assert.Contains(ex.Problems, p => p.Code == ErrorCodes.DuplicateId && p.Path == "$.causes[1]");
    }

    [Fact]
    public void Read_BlankId_HPK012AtTopLevelPath()
    {
        var json = SampleJson();
        json["id"] = " ";

        var problem = Assert.Single(ReadInvalid(json).Problems);

        Assert.Equal("HPK012 at $.id", $"{problem.Code} at {problem.Path}");
    }

    [Fact]
    public void TryRead_Invalid_ReturnsProblemsWithoutThrowing()
    {
        var json = SampleJson();
        json["causes"]![0]!["prior"] = 1.5;

        var ok = KnowledgeBaseJson.TryRead(json.ToJsonString(), out var knowledgeBase, out var problems);

        Assert.False(ok);
        Assert.Null(knowledgeBase);
        Assert.Equal("HPK005 at $.causes[0].prior", $"{problems[0].Code} at {problems[0].Path}");
    }

    [Fact]
    public void Read_ByteOrderMarkAndSchemaProperty_Accepted()
    {
        var json = SampleJson();
        json.Insert(0, "$schema", "../schemas/knowledge-base.v1.schema.json");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json.ToJsonString())).ToArray();

        var knowledgeBase = KnowledgeBaseJson.Read(new MemoryStream(bytes));

        Assert.Equal(FixtureBase.Create().ContentHash, knowledgeBase.ContentHash);
    }

    [Fact]
    public void Read_AtLeastWithoutOf_HPJ005AtOf()
    {
        var json = SampleJson();
        json["causes"]![0]!["rules"]![0]!["criterion"] = new JsonObject { ["atLeast"] = 1 };

        var problem = Assert.Single(ReadInvalid(json).Problems);

        Assert.Equal("HPJ005 at $.causes[0].rules[0].criterion.of", $"{problem.Code} at {problem.Path}");
    }

    [Fact]
    public void Read_SexCriterionUnspecified_HPJ004()
    {
        var json = SampleJson();
        json["causes"]![0]!["rules"]![1]!["criterion"] = new JsonObject { ["sex"] = "unspecified" };

        var problem = Assert.Single(ReadInvalid(json).Problems);

        Assert.Equal("HPJ004 at $.causes[0].rules[1].criterion.sex", $"{problem.Code} at {problem.Path}");
    }

    [Fact]
    public void Read_Age_RoundTripsOpenBounds()
    {
        var original = new HipPain.Rules.Authoring.KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Rest", TreatmentKind.SelfCare, FixtureBase.Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, FixtureBase.Source).Age(null, 30, 2, 0.5, FixtureBase.Source).Treat("tx"))
            .Build();

        var copy = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(original));

        var age = Assert.IsType<AgeCriterion>(Assert.IsType<CriterionRule>(Assert.Single(copy.Rules)).Criterion);
        Assert.Null(age.Minimum);
        Assert.Equal(30, age.Maximum);
        Assert.Equal(original.ContentHash, copy.ContentHash);
    }

    [Fact]
    public void Read_NullItems_HPJ005AtTheirPaths()
    {
        var json = SampleJson();
        json["findings"]!.AsArray().Add(null);
        json["causes"]![0]!["rules"]!.AsArray().Insert(0, null);

        var ex = ReadInvalid(json);

        Assert.Equal(["HPJ005 at $.findings[5]", "HPJ005 at $.causes[0].rules[0]"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_WrongTypeOnLaterLine_PointsAtTheStartOfTheValue()
    {
        const string json = "{\n  \"formatVersion\": 1,\n  \"id\": 3,\n  \"version\": \"1\"\n}";

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json));

        Assert.Equal(("$.id", 3L, 9L), (ex.JsonPath, ex.LineNumber, ex.BytePositionInLine));
        Assert.StartsWith("HPJ001 at $.id (line 3, byte 9): The value has the wrong JSON type", ex.Message, StringComparison.Ordinal);
    }
}
