using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// Issue 15 item 1: a recommendation's enumerated fields are declared once (<see cref="TreatmentRecommendation.Choices"/>),
/// as a treatment's are (<see cref="TreatmentChoiceTests"/>). Format version 1 has one, <c>line</c> (optional, default
/// <c>firstLine</c>, which a written document leaves out), which moved onto the declaration with the export, the hash and
/// the schemas unchanged. The fixture's fracture (cause 1) recommends MRI first, crutches second (recommendation 1) and
/// avoids education, so every line is valid for the crutches.
/// </summary>
public sealed class RecommendationChoiceTests
{
    private const string AllowedLines = "firstLine, secondLine, avoid";

    /// <summary>Every declared field with every allowed name and names that are not allowed.</summary>
    public static TheoryData<string, string> Names() => ChoiceTestKit.Names(TreatmentRecommendation.Choices);

    /// <summary>
    /// Pins <c>line</c> by name, not the length of the list, so that a new declared field needs no edit here (it is
    /// inserted after <c>line</c>, before <c>note</c>).
    /// </summary>
    [Fact]
    public void Choices_DeclareLine_AndBothDocumentsWriteTheFieldsAfterTheTreatmentId()
    {
        var line = TreatmentRecommendation.Choices.Single(c => c.Name == "line");
        string[] declared = [.. TreatmentRecommendation.Choices.Select(c => c.Name)];

        Assert.Equal(
            (0, typeof(TreatmentLine), true, false, true, true, (Enum)TreatmentLine.FirstLine),
            (TreatmentRecommendation.Choices.IndexOf(line), line.Type, line.AllowsEveryValue, line.Required, line.InItemHashLine, line.OmitsDefault, line.Default));
        Assert.Equal(["treatmentId", .. declared, "note", "evidence"], RulesJson.Options.GetTypeInfo(typeof(RecommendationDocument)).Properties.Select(p => p.Name));
        Assert.Equal(["cause", "treatmentId", .. declared, "note", "evidence"], RulesJson.Options.GetTypeInfo(typeof(OverlayRecommendationDocument)).Properties.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_AgreesWithTheReader_OnEachName(string field, string name)
        => ChoiceTestKit.SchemaAgreesWithTheReader(TreatmentRecommendation.Choices, json => json["causes"]![1]!["recommendations"]![1]!, field, name);

    [Fact]
    public void Schema_ListsTheAllowedLines_AndDoesNotRequireOne()
    {
        var defs = JsonNode.Parse(JsonSchemas.KnowledgeBase)!["$defs"]!;
        var recommendation = defs["recommendation"]!;

        Assert.Equal("#/$defs/treatmentLine", (string?)recommendation["properties"]!["line"]!["$ref"]);
        Assert.Equal(AllowedLines.Split(", "), defs["treatmentLine"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["treatmentId"], recommendation["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Reader_UnknownLine_IsRefusedAtItsPath_NamingTheAllowedNames_AndAMissingLineIsFirstLine()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        var crutches = json["causes"]![1]!["recommendations"]![1]!;
        crutches["line"] = "third";
        var unknown = Assert.Single(Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString())).Problems);
        crutches.AsObject().Remove("line");
        var read = KnowledgeBaseJson.Read(json.ToJsonString());

        Assert.Equal((ErrorCodes.JsonUnknownValue, "$.causes[1].recommendations[1].line", $"'third' is not an allowed value; allowed: {AllowedLines}."), (unknown.Code, unknown.Path, unknown.Message));
        Assert.Equal(TreatmentLine.FirstLine, read.Causes[1].Recommendations[1].Line);
    }

    [Fact]
    public void Writer_LeavesOutFirstLine_AndWritesTheOthersByName()
    {
        var recommendations = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!["causes"]![1]!["recommendations"]!.AsArray();

        Assert.Equal([null, "secondLine", "avoid"], recommendations.Select(r => (string?)r!["line"]));
        Assert.False(recommendations[0]!.AsObject().ContainsKey("line"));
    }

    [Fact]
    public void BuiltInBase_KeepsEveryRecommendationsLine_ThroughJsonAndToBuilder_AndTheHashChangesWithIt()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var read = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(kb));
        var rebuilt = kb.ToBuilder().Build();
        static List<TreatmentLine> Lines(KnowledgeBase knowledgeBase) => [.. knowledgeBase.Causes.SelectMany(c => c.Recommendations).Select(r => r.Line)];

        Assert.Equal(Enum.GetValues<TreatmentLine>(), Lines(kb).Distinct().Order());
        Assert.Equal(Lines(kb), Lines(read));
        Assert.Equal(Lines(kb), Lines(rebuilt));
        Assert.Equal((kb.ContentHash, kb.ContentHash), (read.ContentHash, rebuilt.ContentHash));

        var fixture = FixtureBase.Create();
        var hashes = new HashSet<string>(StringComparer.Ordinal) { fixture.ContentHash };
        foreach (var line in new[] { "firstLine", "avoid" })
        {
            var json = JsonNode.Parse(KnowledgeBaseJson.Write(fixture))!;
            json["causes"]![1]!["recommendations"]![1]!["line"] = line;
            Assert.True(hashes.Add(KnowledgeBaseJson.Read(json.ToJsonString()).ContentHash), line);
        }
    }

    [Fact]
    public void Validator_LineOutsideTheDeclaration_IsUndefinedValueAtItsPath()
    {
        var builder = FixtureBase.Builder();
        builder.Causes[1].Recommendations[1].Choices["line"] = (TreatmentLine)42;

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());

        var problem = Assert.Single(ex.Problems, p => p.Code == ErrorCodes.UndefinedValue);
        Assert.Equal("$.causes[1].recommendations[1].line", problem.Path);
        Assert.Equal("42 is not a defined TreatmentLine; allowed: FirstLine, SecondLine, Avoid.", problem.Message);
    }

    [Fact]
    public void Overlay_AddedRecommendation_RefusesAnUnknownLineAtItsPathWhenApplied()
    {
        var added = new JsonObject { ["cause"] = "gtps", ["treatmentId"] = "tx.mri", ["line"] = "lastLine" };
        var overlay = OverlayJson.Read(OverlayTests.Overlay(("addRecommendations", new JsonArray(added))).ToJsonString());

        Assert.False(overlay.TryApplyTo(FixtureBase.Create(), out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal((ErrorCodes.JsonUnknownValue, "$.addRecommendations[0].line", $"'lastLine' is not an allowed value; allowed: {AllowedLines}."), (problem.Code, problem.Path, problem.Message));
    }

    [Theory]
    [InlineData(TreatmentLine.FirstLine, null)]
    [InlineData(TreatmentLine.SecondLine, "secondLine")]
    [InlineData(TreatmentLine.Avoid, "avoid")]
    public void Overlay_CSharpAddRecommendation_WritesTheLineAsJsonDoes_AndAppliesIt(TreatmentLine line, string? written)
    {
        var overlay = new KnowledgeBaseOverlayBuilder("clinic", "1").AddRecommendation("gtps", "tx.mri", line, "if no better").Build();

        var json = JsonNode.Parse(OverlayJson.Write(overlay))!["addRecommendations"]![0]!.AsObject();
        var applied = overlay.ApplyTo(FixtureBase.Create());
        var reread = OverlayJson.Read(OverlayJson.Write(overlay)).ApplyTo(FixtureBase.Create());

        Assert.Equal(written is null ? ["cause", "treatmentId", "note"] : ["cause", "treatmentId", "line", "note"], json.Select(p => p.Key));
        Assert.Equal(written, (string?)json["line"]);
        Assert.Equal(("tx.mri", line), (applied.Causes[0].Recommendations[^1].TreatmentId, applied.Causes[0].Recommendations[^1].Line));
        Assert.Equal(applied.ContentHash, reread.ContentHash);
    }
}
