using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: the overlay schema refers to the knowledge-base schema's definitions instead of copying them, and
/// its text changes allow exactly the wording each item has, so that the two formats cannot drift apart again (an
/// overlay could once reword a finding's name but not its patient question).
/// </summary>
public sealed class OverlaySchemaAgreementTests
{
    private const string BaseId = "urn:hippain-rules:schema:knowledge-base:v1";

    private static readonly JsonObject Base = JsonNode.Parse(JsonSchemas.KnowledgeBase)!.AsObject();
    private static readonly JsonObject Overlay = JsonNode.Parse(JsonSchemas.Overlay)!.AsObject();

    public static TheoryData<string, string, string> TextChanges => new()
    {
        { "findingText", "finding", TextKey.FindingsSection },
        { "causeText", "cause", TextKey.CausesSection },
        { "treatmentText", "treatment", TextKey.TreatmentsSection },
        { "redFlagText", "redFlag", TextKey.RedFlagsSection },
    };

    [Fact]
    public void OverlaySchema_CopiesNoDefinitionOfTheBaseSchema()
    {
        var copied = Definitions(Overlay).Select(d => d.Key).Intersect(Definitions(Base).Select(d => d.Key)).Order(StringComparer.Ordinal);

        Assert.Empty(copied);
    }

    [Fact]
    public void OverlaySchema_EveryReferenceResolves_ToItsOwnOrTheBaseSchemasDefinitions()
    {
        var references = References(Overlay).ToList();
        var unresolved = references.Where(r => Resolve(r) is null).ToList();

        Assert.Empty(unresolved);
        Assert.Contains(BaseId + "#/$defs/finding", references);
        Assert.Contains(BaseId + "#/$defs/redFlag", references);
    }

    [Theory]
    [InlineData("addFindings", "finding")]
    [InlineData("addTreatments", "treatment")]
    [InlineData("addCauses", "cause")]
    [InlineData("addRedFlags", "redFlag")]
    public void OverlaySchema_AddedItems_AreTheBaseSchemasOwnDefinition(string property, string definition)
    {
        Assert.Equal(BaseId + "#/$defs/" + definition, (string?)Overlay["properties"]![property]!["items"]!["$ref"]);
    }

    [Theory]
    [MemberData(nameof(TextChanges))]
    public void TextChange_AllowsExactlyTheItemsWording(string change, string item, string section)
    {
        // The item's wording: the string properties of its base definition that a text pack may hold.
        var wording = Properties(Definitions(Base)[item]!)
            .Where(p => TextPack.IsAllowed(section, p.Name) && IsText(p.Schema))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        var changeable = Properties(Definitions(Overlay)[change]!)
            .Select(p => p.Name)
            .Where(name => name != "id")
            .Order(StringComparer.Ordinal);

        Assert.Equal(wording, changeable);
    }

    [Fact]
    public void TextChange_OfAFindingsPatientQuestion_TheSchemaAndTheApplierAgree()
    {
        const string reworded = """
            { "formatVersion": 1, "id": "reworded", "version": "1",
              "findingText": [ { "id": "sym.fever", "patientQuestion": "Have you felt hot and shivery?" } ] }
            """;
        var blank = reworded.Replace("Have you felt hot and shivery?", " ", StringComparison.Ordinal);
        var knowledgeBase = HipPain.Rules.Knowledge.BuiltInKnowledgeBase.Instance;

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, reworded));
        Assert.True(OverlayJson.Read(reworded).ApplyTo(knowledgeBase).TryGetFinding("sym.fever", out var fever));
        Assert.Equal("Have you felt hot and shivery?", fever.PatientQuestion);

        Assert.NotEmpty(SchemaChecker.Errors(SchemaChecker.Overlay, blank));
        Assert.False(OverlayJson.Read(blank).TryApplyTo(knowledgeBase, out _, out var problems));
        Assert.Equal(["HPK012 at $.findingText[0].patientQuestion"], problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    private static JsonObject Definitions(JsonObject schema) => schema["$defs"]!.AsObject();

    private static IEnumerable<(string Name, JsonNode? Schema)> Properties(JsonNode definition) =>
        definition["properties"]!.AsObject().Select(p => (p.Key, p.Value));

    private static bool IsText(JsonNode? schema) =>
        (string?)schema?["$ref"] is "#/$defs/text" or BaseId + "#/$defs/text"
        || schema?["type"] is JsonArray types && types.Any(t => (string?)t == "string");

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static JsonNode? Resolve(string reference)
    {
        var (schema, pointer) = reference.StartsWith(BaseId + "#", StringComparison.Ordinal)
            ? (Base, reference[(BaseId.Length + 1)..])
            : reference.StartsWith('#') ? (Overlay, reference[1..]) : (null, string.Empty);
        JsonNode? node = schema;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var next) ? next : null;
        }

        return node;
    }
}
