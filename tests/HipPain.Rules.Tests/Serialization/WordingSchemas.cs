using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: the schema text that follows from the wording catalogue (<c>Model/Wording.cs</c>), written by code
/// instead of by hand. The text-pack schema is generated whole: its properties are <see cref="TextPackDocument"/>'s, in
/// its order; each section allows the fields the catalogue (or <see cref="TextPack.FaqFields"/>) gives; the other
/// properties' constraints and descriptions are the table below. In the overlay schema, the definitions of the text
/// changes (<c>causeText</c>, <c>findingText</c>, ...) are generated, one for each text-change list of
/// <see cref="OverlayDocument"/>, allowing the fields the item kind's catalogue marks rewordable; the rest of that
/// schema is written by hand and kept as it is. <see cref="GeneratedSchemaTests"/> compares both with the committed
/// files (and rewrites them with <c>HIPPAIN_UPDATE_DOCS=1</c>).
/// </summary>
internal static class WordingSchemas
{
    /// <summary>The committed text-pack schema, relative to the repository root.</summary>
    public const string TextPackPath = "src/HipPain.Rules/Serialization/Schemas/text-pack.v1.schema.json";

    /// <summary>The committed overlay schema, relative to the repository root.</summary>
    public const string OverlayPath = "src/HipPain.Rules/Serialization/Schemas/overlay.v1.schema.json";

    private const string BaseSchemaId = "urn:hippain-rules:schema:knowledge-base:v1";
    private const string TextChangeSuffix = "Text";
    private const string CulturePattern = "^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$";

    // The committed files' layout: two-space indentation, and apostrophes and other text written as they are.
    private static readonly JsonSerializerOptions Layout = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The text pack's properties that are not sections of item wording: their schemas (constraints and descriptions).
    private static readonly Dictionary<string, Func<JsonNode>> TextPackProperties = new(StringComparer.Ordinal)
    {
        ["$schema"] = () => new JsonObject { ["type"] = "string" },
        ["formatVersion"] = () => new JsonObject { ["const"] = 1 },
        ["culture"] = () => new JsonObject
        {
            ["description"] = "A culture name such as en, es or es-MX.",
            ["type"] = "string",
            ["pattern"] = CulturePattern,
        },
        ["knowledgeBase"] = () => new JsonObject
        {
            ["description"] = "The id of the knowledge base the pack was written for.",
            ["type"] = NullableType("string"),
        },
        ["review"] = () => new JsonObject
        {
            ["description"] = "original: the language the base was written in; needsClinicalReview: a translation no clinician has checked (show a notice); clinicallyReviewed: a checked translation.",
            ["enum"] = Strings(Enum.GetValues<TextReview>().Select(JsonEnum<TextReview>.Name)),
        },
        ["reviewNote"] = () => new JsonObject
        {
            ["description"] = "The notice to show with the text.",
            ["type"] = NullableType("string"),
        },
        ["title"] = () => new JsonObject { ["$ref"] = "#/$defs/text" },
    };

    // Descriptions of sections, where the section's name does not say enough.
    private static readonly Dictionary<string, string> SectionDescriptions = new(StringComparer.Ordinal)
    {
        [TextKey.RecommendationsSection] = "Cause-specific notes on recommendations: keyed by cause id, then by treatment id.",
    };

    /// <summary>The text-pack schema, as the committed file holds it.</summary>
    public static string TextPackSchema()
    {
        var properties = new JsonObject();
        foreach (var property in RulesJson.Options.GetTypeInfo(typeof(TextPackDocument)).Properties)
        {
            if (TextPackProperties.TryGetValue(property.Name, out var schema))
            {
                properties[property.Name] = schema();
            }
            else if (property.PropertyType == typeof(Dictionary<string, Dictionary<string, string?>?>))
            {
                properties[property.Name] = Section(property.Name);
            }
            else
            {
                throw new InvalidOperationException(
                    $"TextPackDocument's property '{property.Name}' is neither a section nor in WordingSchemas' table of text-pack properties: add its schema there.");
            }
        }

        var schemaRoot = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:hippain-rules:schema:text-pack:v1",
            ["title"] = "HipPain.Rules text pack, format version 1",
            ["description"] = "The wording of a knowledge base in one language: names, clinician and patient questions, descriptions, actions, running advice, rule labels, recommendation notes, patient explanations and FAQ answers. Outside the knowledge base's clinical content hash. Read by TextPackJson.Read; checked against a knowledge base by TextPack.Check.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Strings(["formatVersion", "culture", "review"]),
            ["properties"] = properties,
            ["$defs"] = new JsonObject
            {
                ["text"] = new JsonObject { ["type"] = "string", ["pattern"] = "\\S" },
                ["section"] = new JsonObject
                {
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["pattern"] = "^\\S+$" },
                },
                ["fields"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = new JsonObject { ["$ref"] = "#/$defs/text" },
                },
            },
        };
        return Write(schemaRoot);
    }

    /// <summary>
    /// The overlay schema: <paramref name="committed"/> (the file as it is) with the definition of each text change
    /// generated from the catalogue, and the list property that holds it pointing to that definition.
    /// </summary>
    public static string OverlaySchema(string committed)
    {
        var schema = JsonNode.Parse(committed)!.AsObject();
        var properties = schema["properties"]!.AsObject();
        var definitions = schema["$defs"]!.AsObject();
        foreach (var property in RulesJson.Options.GetTypeInfo(typeof(OverlayDocument)).Properties)
        {
            if (property.PropertyType != typeof(List<TextChangeDocument>))
            {
                continue;
            }

            var name = property.Name;
            var section = name.EndsWith(TextChangeSuffix, StringComparison.Ordinal) ? name[..^TextChangeSuffix.Length] + "s" : name;
            var kind = Wording.Of(section)
                ?? throw new InvalidOperationException($"OverlayDocument's text change '{name}' names no item kind of the wording catalogue (no section '{section}').");

            properties[name] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = "#/$defs/" + name },
            };
            var changeable = new JsonObject { ["id"] = BaseReference("id") };
            foreach (var field in kind.Rewordable)
            {
                changeable[field] = BaseReference("text");
            }

            definitions[name] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = Strings(["id"]),
                ["minProperties"] = 2,
                ["properties"] = changeable,
            };
        }

        return Write(schema);
    }

    private static JsonObject Section(string section)
    {
        var node = new JsonObject();
        if (SectionDescriptions.TryGetValue(section, out var description))
        {
            node["description"] = description;
        }

        node["$ref"] = "#/$defs/section";
        var fields = new JsonObject { ["$ref"] = "#/$defs/fields" };
        if (Wording.Of(section) is { } kind)
        {
            fields["propertyNames"] = new JsonObject { ["enum"] = Strings(kind.FieldNames) };
        }
        else if (section == TextKey.FaqSection)
        {
            fields["propertyNames"] = new JsonObject { ["enum"] = Strings(TextPack.FaqFields) };
        }
        else if (!TextPack.IsAllowed(section, "any-treatment-id"))
        {
            throw new InvalidOperationException($"The text-pack section '{section}' has no field list in the wording catalogue, and TextPack does not allow any field in it.");
        }

        node["additionalProperties"] = fields;
        return node;
    }

    private static JsonObject BaseReference(string definition) => new() { ["$ref"] = BaseSchemaId + "#/$defs/" + definition };

    private static JsonArray NullableType(string type) => Strings([type, "null"]);

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static string Write(JsonObject schema) => schema.ToJsonString(Layout) + "\n";
}
