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
/// Issue 15 item 1: a finding's enumerated fields are declared once (<see cref="Finding.Choices"/>), as a cause's are
/// (<see cref="ClinicalChoiceTests"/>). Format version 1 has two, <c>kind</c> (required) and <c>region</c> (left out
/// for <see cref="BodyRegion.None"/>), which moved onto the declaration with the export, the hash and the schemas
/// unchanged. These tests go through every declared field of a finding: its JSON property and place, the reader's
/// refusal of an unknown name and of a missing required field (at its path, with the allowed names), the schema and its
/// agreement with the reader, the round trips, the hash, the validator's check and an overlay's added finding.
/// </summary>
public sealed class FindingChoiceTests
{
    /// <summary>The fixture's <c>hx.mileage-increase</c>: no rule needs its kind, so every kind is valid there.</summary>
    private const int Plain = 3;

    /// <summary>Every declared field with every allowed name and names that are not allowed.</summary>
    public static TheoryData<string, string> Names() => ChoiceTestKit.Names(Finding.Choices);

    [Fact]
    public void Choices_DeclareKindAndRegion_AsFormatVersion1HasThem()
    {
        var kind = Finding.Choices.Single(c => c.Name == "kind");
        var region = Finding.Choices.Single(c => c.Name == "region");

        Assert.Equal(["kind", "region"], Finding.Choices.Take(2).Select(c => c.Name));
        Assert.Equal((typeof(FindingKind), true, true, false, true), (kind.Type, kind.AllowsEveryValue, kind.Required, kind.OmitsDefault, kind.InItemHashLine));
        Assert.Equal((typeof(BodyRegion), true, false, true, true), (region.Type, region.AllowsEveryValue, region.Required, region.OmitsDefault, region.InItemHashLine));
        Assert.Equal(BodyRegion.None, region.Default);
        Assert.True(region.IsLeftOut(BodyRegion.None));
        Assert.False(region.IsLeftOut(BodyRegion.LateralHip));
        Assert.False(kind.IsLeftOut(kind.Default));
    }

    [Fact]
    public void FindingDocument_WritesTheFieldsWhereFormatVersion1HasThem()
    {
        string[] version1 = ["id", "name", "kind", "region", "question", "patientQuestion"];
        var names = RulesJson.Options.GetTypeInfo(typeof(FindingDocument)).Properties.Select(p => p.Name).ToList();

        Assert.Equal(version1, names.Where(version1.Contains));
        Assert.All(Finding.Choices, choice => Assert.Contains(choice.Name, names));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_AgreesWithTheReader_OnEachName(string field, string name)
        => ChoiceTestKit.SchemaAgreesWithTheReader(Finding.Choices, "findings", Plain, field, name);

    [Theory]
    [InlineData("kind", "'sign' is not an allowed value; allowed: painLocation, painQuality, timing, symptom, history, riskFactor, examination, investigation.")]
    [InlineData("region", "'sign' is not an allowed value; allowed: none, lateralHip, groinAnteriorHip, anteriorThigh, buttock, posteriorThigh, lateralThighToKnee, knee, lowerBack, medialThigh.")]
    public void Reader_UnknownName_IsRefusedAtItsPath_NamingTheValueAndTheAllowedNames(string field, string message)
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["findings"]![Plain]![field] = "sign";

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((ErrorCodes.JsonUnknownValue, $"$.findings[{Plain}].{field}", message), (problem.Code, problem.Path, problem.Message));
    }

    [Fact]
    public void Reader_RequiredFieldLeftOut_IsMissingAtItsPath_AndTheSchemaRequiresIt()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["findings"]![Plain]!.AsObject().Remove("kind");

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((ErrorCodes.JsonMissingProperty, $"$.findings[{Plain}].kind"), (problem.Code, problem.Path));
        Assert.Equal("The property is required; allowed: painLocation, painQuality, timing, symptom, history, riskFactor, examination, investigation.", problem.Message);
        Assert.NotEmpty(SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json.ToJsonString()));
        var required = JsonNode.Parse(JsonSchemas.KnowledgeBase)!["$defs"]!["finding"]!["required"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(Finding.Choices.Where(c => c.Required).Select(c => c.Name), required.Intersect(Finding.Choices.Select(c => c.Name)));
    }

    [Fact]
    public void Schema_ListsEachFieldsAllowedNames()
    {
        var schema = JsonNode.Parse(JsonSchemas.KnowledgeBase)!;

        Assert.All(Finding.Choices, choice =>
        {
            var property = schema["$defs"]!["finding"]!["properties"]![choice.Name]!;
            var definition = property["$ref"] is { } reference
                ? schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]!
                : property;
            Assert.Equal(choice.Values.Select(JsonEnum.Name), definition["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        });
    }

    [Fact]
    public void BuiltInBase_KeepsEveryFieldsValue_ThroughJsonAndToBuilder_AndWritesNoDefaultRegion()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var written = KnowledgeBaseJson.Write(kb);
        var read = KnowledgeBaseJson.Read(written);
        var rebuilt = kb.ToBuilder().Build();

        Assert.All(Finding.Choices, choice =>
        {
            var values = kb.Findings.Select(choice.Read).ToList();
            Assert.Equal(values, read.Findings.Select(choice.Read));
            Assert.Equal(values, rebuilt.Findings.Select(choice.Read));
        });
        Assert.True(kb.Findings.Select(f => f.Kind).Distinct().Count() > 1 && kb.Findings.Select(f => f.Region).Distinct().Count() > 1, "The built-in findings share a kind or a region: the round trip tells little.");
        var findings = JsonNode.Parse(written)!["findings"]!.AsArray();
        Assert.Equal(kb.Findings.Count(f => f.Region != BodyRegion.None), findings.Count(f => f!.AsObject().ContainsKey("region")));
        Assert.Equal(kb.ContentHash, read.ContentHash);
        Assert.Equal(kb.ContentHash, rebuilt.ContentHash);
    }

    [Fact]
    public void Reader_LeftOutRegion_AndAnExplicitNone_AreBothNone()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["findings"]![0]!.AsObject().Remove("region");
        json["findings"]![1]!["region"] = "none";

        var read = KnowledgeBaseJson.Read(json.ToJsonString());

        Assert.Equal((BodyRegion.None, BodyRegion.None), (read.Findings[0].Region, read.Findings[1].Region));
    }

    [Theory]
    [InlineData("kind", "symptom", "riskFactor")]
    [InlineData("region", "buttock", "knee")]
    public void ContentHash_ChangesWithAFieldsValue(string field, string one, string other)
    {
        var kb = FixtureBase.Create();
        string HashWith(string name)
        {
            var json = JsonNode.Parse(KnowledgeBaseJson.Write(kb))!;
            json["findings"]![Plain]![field] = name;
            return KnowledgeBaseJson.Read(json.ToJsonString()).ContentHash;
        }

        Assert.Equal(kb.ContentHash, HashWith(JsonEnum.Name(Finding.Choices.Single(c => c.Name == field).Read(kb.Findings[Plain])!)));
        Assert.NotEqual(kb.ContentHash, HashWith(one));
        Assert.NotEqual(HashWith(one), HashWith(other));
    }

    [Fact]
    public void Validator_ValueOutsideTheDeclaration_IsUndefinedValueAtItsPath()
    {
        var builder = FixtureBase.Builder();
        builder.Findings[Plain].Choices["region"] = (BodyRegion)42;

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());

        var problem = Assert.Single(ex.Problems, p => p.Code == ErrorCodes.UndefinedValue);
        Assert.Equal($"$.findings[{Plain}].region", problem.Path);
        Assert.Equal("42 is not a defined BodyRegion; allowed: None, LateralHip, GroinAnteriorHip, AnteriorThigh, Buttock, PosteriorThigh, LateralThighToKnee, Knee, LowerBack, MedialThigh.", problem.Message);
    }

    [Fact]
    public void Overlay_AddedFinding_ReadsItsFields_AndRefusesAnUnknownNameAtItsPathWhenApplied()
    {
        var added = new JsonObject { ["id"] = "loc.new", ["name"] = "New location", ["kind"] = "painLocation", ["region"] = "medialThigh" };
        var result = OverlayJson.Read(OverlayTests.Overlay(("addFindings", new JsonArray(added))).ToJsonString()).ApplyTo(FixtureBase.Create());

        var finding = Assert.Single(result.Findings, f => f.Id == "loc.new");
        Assert.Equal((FindingKind.PainLocation, BodyRegion.MedialThigh), (finding.Kind, finding.Region));

        var refused = new JsonObject { ["id"] = "loc.new", ["name"] = "New location", ["kind"] = "painLocation", ["region"] = "hip" };
        var overlay = OverlayJson.Read(OverlayTests.Overlay(("addFindings", new JsonArray(refused))).ToJsonString());
        Assert.False(overlay.TryApplyTo(FixtureBase.Create(), out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal((ErrorCodes.JsonUnknownValue, "$.addFindings[0].region"), (problem.Code, problem.Path));
    }
}
