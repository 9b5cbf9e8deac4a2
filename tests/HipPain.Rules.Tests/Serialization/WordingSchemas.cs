using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: the text-pack schema, generated from <see cref="TextPackDocument"/> and the wording catalogue
/// (<c>Model/Wording.cs</c>) instead of written by hand: its properties are <see cref="TextPackDocument"/>'s, in its
/// order; each section allows the fields the catalogue (or <see cref="TextPack.FaqFields"/>) gives; the other
/// properties' constraints and descriptions are the table below. (The overlay's text changes, which the catalogue
/// gives too, are <see cref="OverlaySchemaGenerator"/>'s.) <see cref="GeneratedSchemaTests"/> compares it with the
/// committed file (and rewrites it with <c>HIPPAIN_UPDATE_DOCS=1</c>).
/// </summary>
internal static class WordingSchemas
{
    /// <summary>The committed text-pack schema, relative to the repository root.</summary>
    public const string TextPackPath = "src/HipPain.Rules/Serialization/Schemas/text-pack.v1.schema.json";

    private const string CulturePattern = "^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$";

    // An item id (a section's key, and a treatment id in the recommendations section) in the form a knowledge base's id
    // must have (HPK012): no white space and no control character. Text for any other id can never be shown.
    private const string IdPattern = "^[^\\s\\u0000-\\u001F\\u007F-\\u009F]+$";

    /// <summary>
    /// A culture name as the readers accept it (<c>Validation/TextCultures.IsValid</c>: 2 to 35 characters, letters and
    /// digits in parts joined by single hyphens, a letter first): the text pack's <c>culture</c> and the knowledge base's
    /// <c>textCulture</c> both use it, so the two schemas cannot disagree on it.
    /// </summary>
    public static JsonObject Culture(string description) => new()
    {
        ["description"] = description,
        ["type"] = "string",
        ["minLength"] = 2,
        ["maxLength"] = 35,
        ["pattern"] = CulturePattern,
    };

    // The committed files' layout: two-space indentation, and apostrophes and other text written as they are.
    private static readonly JsonSerializerOptions Layout = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The text pack's properties that are not sections of item wording: their schemas (constraints and descriptions).
    private static readonly Dictionary<string, Func<JsonNode>> TextPackProperties = new(StringComparer.Ordinal)
    {
        ["$schema"] = () => new JsonObject { ["type"] = "string" },
        ["formatVersion"] = () => new JsonObject { ["const"] = 1 },
        ["culture"] = () => Culture("A culture name such as en, es or es-MX."),
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
                ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = IdPattern, ["description"] = "An item id: no white space or control characters." },
                ["section"] = new JsonObject
                {
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["$ref"] = "#/$defs/id" },
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
        else if (TextPack.IsAllowed(section, "any-treatment-id"))
        {
            fields["propertyNames"] = new JsonObject { ["$ref"] = "#/$defs/id" };
        }
        else
        {
            throw new InvalidOperationException($"The text-pack section '{section}' has no field list in the wording catalogue, and TextPack does not allow any field in it.");
        }

        node["additionalProperties"] = fields;
        return node;
    }

    private static JsonArray NullableType(string type) => Strings([type, "null"]);

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static string Write(JsonObject schema) => schema.ToJsonString(Layout) + "\n";
}
