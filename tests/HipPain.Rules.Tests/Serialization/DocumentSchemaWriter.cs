using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// What the C# types cannot say about one object definition of a generated schema: required properties, the schema of
/// each property the type alone does not give (ids, non-blank texts, enumerations, ranges, minimum counts), the
/// description, and what follows the properties (one-of rules). See <see cref="DocumentSchemaWriter"/>.
/// </summary>
internal sealed record SchemaShape(
    string[]? Required,
    Dictionary<string, JsonNode> Properties,
    string? Description = null,
    JsonObject? After = null);

/// <summary>
/// Issue 15 item 1: writes a schema's object definitions from the JSON document types, so that the knowledge-base schema
/// (<see cref="KnowledgeBaseSchemaGenerator"/>) and the overlay schema (<see cref="OverlaySchemaGenerator"/>) come from
/// one generator. An object's properties are its type's JSON properties (the source-generated contract with the wording
/// properties added), in the order the writer writes them. A property the <see cref="SchemaShape"/> does not describe
/// gets the schema its C# type gives: a string is <c>["string", "null"]</c>, a document type is a reference to its
/// definition, a list of them an array of such references; any other type must be in the shape.
/// </summary>
/// <param name="schema">The schema's name, for messages.</param>
/// <param name="references">The definition each document type refers to when a property's type is that document.</param>
internal sealed class DocumentSchemaWriter(string schema, IReadOnlyDictionary<Type, string> references)
{
    /// <summary>The committed files' layout: two-space indentation, and apostrophes and other text written as they are.</summary>
    public static JsonSerializerOptions Layout { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// An object definition: <c>type</c>, <c>additionalProperties: false</c>, the description, <c>required</c>, then
    /// every JSON property of <paramref name="document"/> (the shape's schema, or its C# type's), then what follows.
    /// </summary>
    public JsonObject Object(string name, Type document, SchemaShape shape)
    {
        var properties = new JsonObject();
        foreach (var property in Contract(document))
        {
            properties[property.Name] = shape.Properties.TryGetValue(property.Name, out var node)
                ? node.DeepClone()
                : FromType(name, property);
        }

        var unknown = shape.Properties.Keys.Where(k => !properties.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The {schema} schema describes {string.Join(", ", unknown)} of {name}, which {document.Name} does not have.");
        }

        var missing = (shape.Required ?? []).Where(r => !properties.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The {schema} schema requires {string.Join(", ", missing)} of {name}, which {document.Name} does not have.");
        }

        var definition = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        if (shape.Description is { } text)
        {
            definition["description"] = text;
        }

        if (shape.Required is { } required)
        {
            definition["required"] = Strings(required);
        }

        definition["properties"] = properties;
        if (shape.After is { } after)
        {
            foreach (var (key, value) in after)
            {
                definition[key] = value?.DeepClone();
            }
        }

        return definition;
    }

    /// <summary>The JSON property names of <paramref name="document"/>, in the order the writer writes them.</summary>
    public static IReadOnlyList<string> PropertyNames(Type document) => [.. Contract(document).Select(p => p.Name)];

    /// <summary>A reference to a definition of the same schema.</summary>
    public static JsonObject Ref(string definition) => new() { ["$ref"] = "#/$defs/" + definition };

    /// <summary>An array of <paramref name="items"/>.</summary>
    public static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    /// <summary>An array of at least one of <paramref name="items"/>.</summary>
    public static JsonObject NonEmptyArrayOf(JsonObject items) => new() { ["type"] = "array", ["minItems"] = 1, ["items"] = items };

    /// <summary><c>{"required": [names]}</c>, a branch of a one-of rule.</summary>
    public static JsonObject RequiredOf(params string[] names) => new() { ["required"] = Strings(names) };

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(params IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    /// <summary>The schema as the committed files hold it: indented, with a final line break.</summary>
    public static string Write(JsonObject root) => root.ToJsonString(Layout) + "\n";

    private static IList<JsonPropertyInfo> Contract(Type document) => RulesJson.Options.GetTypeInfo(document).Properties;

    /// <summary>The schema a property's C# type gives, for a property the shape does not describe.</summary>
    private JsonObject FromType(string owner, JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = Strings("string", "null") };
        }

        if (references.TryGetValue(type, out var definition))
        {
            return Ref(definition);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && references.TryGetValue(type.GetGenericArguments()[0], out var item))
        {
            return ArrayOf(Ref(item));
        }

        throw new InvalidOperationException(
            $"The property '{property.Name}' of {owner} ({type.Name}) has no schema: describe it in the {schema} schema generator's table.");
    }
}
