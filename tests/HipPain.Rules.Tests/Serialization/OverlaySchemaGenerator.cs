using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;
using static HipPain.Rules.Tests.Serialization.DocumentSchemaWriter;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: <c>overlay.v1.schema.json</c> generated whole, from the overlay document types by the writer the
/// knowledge-base schema uses (<see cref="DocumentSchemaWriter"/>). What an overlay shares with a base is not copied:
/// <list type="bullet">
/// <item>an item an overlay adds in the base's own form (a finding, treatment, cause or red flag), and every value the
/// two share (id, text, evidence, criterion, ratio, group member, enumerations), is a reference to the knowledge-base
/// schema's definition by its <c>$id</c>;</item>
/// <item>the overlay's own objects (an added or overridden rule or group, a prior change, an added recommendation) are
/// the knowledge-base table's shapes of a rule, group, recommendation and graded table, with the overlay's
/// differences stated below (the <c>cause</c> they name, what an override may leave out, its description);</item>
/// <item>the text changes (<c>causeText</c>, <c>findingText</c>, ...) allow the fields the wording catalogue
/// (<c>Model/Wording.cs</c>) marks rewordable for their kind.</item>
/// </list>
/// <see cref="GeneratedSchemaTests"/> compares the result with the committed file (and rewrites it with
/// <c>HIPPAIN_UPDATE_DOCS=1</c>).
/// </summary>
internal static class OverlaySchemaGenerator
{
    /// <summary>The committed overlay schema, relative to the repository root.</summary>
    public const string RelativePath = "src/HipPain.Rules/Serialization/Schemas/overlay.v1.schema.json";

    /// <summary>The knowledge-base schema's <c>$id</c>, by which the overlay schema refers to its definitions.</summary>
    public const string BaseSchemaId = "urn:hippain-rules:schema:knowledge-base:v1";

    private const string TextChangeSuffix = "Text";

    // The overlay's own object definitions, in the schema's order (the text changes follow them).
    private static readonly (string Name, Type Document)[] ObjectDefinitions =
    [
        ("addedRule", typeof(OverlayRuleDocument)),
        ("overriddenRule", typeof(OverlayRuleDocument)),
        ("overriddenGraded", typeof(GradedDocument)),
        ("addedGroup", typeof(OverlayGroupDocument)),
        ("overriddenGroup", typeof(OverlayGroupDocument)),
        ("priorChange", typeof(PriorChangeDocument)),
        ("findingNumbers", typeof(FindingNumbersDocument)),
        ("addedRecommendation", typeof(OverlayRecommendationDocument)),
    ];

    /// <summary>
    /// The definition each document type refers to: a knowledge-base document its base definition; an overlay document
    /// that has one definition here, that one. A type with two (a rule added or overridden) is named by the table.
    /// </summary>
    private static readonly IReadOnlyDictionary<Type, string> References = KnowledgeBaseSchemaGenerator.References
        .Concat(ObjectDefinitions
            .Where(d => !KnowledgeBaseSchemaGenerator.References.ContainsKey(d.Document))
            .GroupBy(d => d.Document)
            .Where(g => g.Count() == 1)
            .Select(g => KeyValuePair.Create(g.Key, g.Single().Name)))
        .ToDictionary();

    /// <summary>The overlay schema, as the committed file holds it.</summary>
    public static string Generate()
    {
        var writer = new DocumentSchemaWriter("overlay", References);
        var definitions = new JsonObject();
        foreach (var (name, document) in ObjectDefinitions)
        {
            definitions[name] = writer.Object(name, document, Definition(name));
        }

        var rootShape = Root(writer);
        foreach (var (name, kind) in TextChanges())
        {
            rootShape.Properties[name] = ArrayOf(Ref(name));
            definitions[name] = TextChange(kind);
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:hippain-rules:schema:overlay:v1",
            ["title"] = "HipPain.Rules clinic overlay, format version 1",
            ["description"] = $"A clinic's changes to a knowledge base. Read by OverlayJson.Read and applied by KnowledgeBaseOverlay.ApplyTo. Every item an overlay adds (finding, treatment, cause, rule parts, red flag) and every shared value (id, text, evidence, criterion, ratio) is the knowledge-base schema's own definition, referred to by its $id ({BaseSchemaId}), so a validator needs both schemas.",
        };
        foreach (var (key, value) in writer.Object("the root", typeof(OverlayDocument), rootShape).ToList())
        {
            root[key] = value?.DeepClone();
        }

        root["$defs"] = definitions;
        PointToTheBaseSchema(root, definitions);
        return Write(root);
    }

    /// <summary>The root: what it shares with a knowledge base's root is the knowledge-base table's.</summary>
    private static SchemaShape Root(DocumentSchemaWriter writer)
    {
        var shared = KnowledgeBaseSchemaGenerator.Root().Properties;
        var properties = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["appliesTo"] = writer.Object("appliesTo", typeof(AppliesToDocument), new(
                Required: null,
                Properties: new() { ["id"] = Ref("id"), ["version"] = Ref("text") })),
            ["addRules"] = ArrayOf(Ref("addedRule")),
            ["overrideRules"] = ArrayOf(Ref("overriddenRule")),
            ["disableRules"] = ArrayOf(Ref("id")),
            ["addGroups"] = ArrayOf(Ref("addedGroup")),
            ["overrideGroups"] = ArrayOf(Ref("overriddenGroup")),
            ["disableGroups"] = ArrayOf(Ref("id")),
        };
        foreach (var name in PropertyNames(typeof(OverlayDocument)).Where(shared.ContainsKey))
        {
            properties[name] = shared[name];
        }

        return new(Required: ["formatVersion", "id", "version"], Properties: properties);
    }

    /// <summary>What the C# types cannot say about each of the overlay's own objects: the base's shape and the differences.</summary>
    private static SchemaShape Definition(string name) => name switch
    {
        "addedRule" => WithCause(typeof(OverlayRuleDocument), Base("rule"), required: true),
        "overriddenRule" => OverriddenRule(),
        "overriddenGraded" => Base("graded") with
        {
            Required = ["ratios"],
            Description = "A graded rule's new table; parts left out are kept from the base rule.",
        },
        "addedGroup" => WithCause(typeof(OverlayGroupDocument), Base("group"), required: true),
        "overriddenGroup" => WithCause(typeof(OverlayGroupDocument), Base("group"), required: false) with
        {
            Required = ["id", "members"],
            Description = "Replaces a base group's members (and optionally its name).",
        },
        "priorChange" => new(
            Required: ["cause", "prior", "priorEvidence"],
            Properties: new() { ["cause"] = Ref("id"), ["prior"] = Base("cause").Properties["prior"] }),
        "findingNumbers" => new(
            Required: ["id"],
            Properties: KnowledgeBaseSchemaGenerator.WithNumbers(Finding.Numbers, new() { ["id"] = Ref("id") }),
            Description: "New clinical numbers for a finding of the base (a finding the overlay adds gives its own in addFindings); at least one number.",
            After: new() { ["minProperties"] = 2 }),
        "addedRecommendation" => WithCause(typeof(OverlayRecommendationDocument), Base("recommendation"), required: true),
        _ => throw new InvalidOperationException($"The overlay schema has no description of the definition '{name}'."),
    };

    /// <summary>
    /// A base rule's shape, with a graded table that may leave out its parts, and the one-of rule of an override: a ratio
    /// (criterion optional) or a graded table, never both.
    /// </summary>
    private static SchemaShape OverriddenRule()
    {
        var rule = WithCause(typeof(OverlayRuleDocument), Base("rule"), required: false);
        return rule with
        {
            Properties = new(rule.Properties) { ["graded"] = Ref("overriddenGraded") },
            After = new()
            {
                ["description"] = "Replaces a base rule: ratio (and optionally criterion) makes it a criterion rule; graded (ratios, and optionally parts) makes it a graded rule. Left-out criterion or parts are kept from the base rule.",
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["required"] = Strings("ratio"), ["not"] = RequiredOf("graded") },
                    new JsonObject
                    {
                        ["required"] = Strings("graded"),
                        ["not"] = new JsonObject { ["anyOf"] = new JsonArray(RequiredOf("criterion"), RequiredOf("ratio")) },
                    }),
            },
        };
    }

    private static SchemaShape Base(string name) => KnowledgeBaseSchemaGenerator.Definition(name);

    /// <summary>
    /// A base item's shape with the <c>cause</c> an overlay item names (an id), required or not; the required
    /// properties in the order the document writes them.
    /// </summary>
    private static SchemaShape WithCause(Type document, SchemaShape shape, bool required)
    {
        var names = PropertyNames(document);
        var requiredNames = (shape.Required ?? []).Concat(required ? ["cause"] : []).OrderBy(r => IndexOf(names, r));
        return shape with
        {
            Required = [.. requiredNames],
            Properties = new(shape.Properties) { ["cause"] = Ref("id") },
        };
    }

    private static int IndexOf(IReadOnlyList<string> names, string name) =>
        names.Select((n, i) => (n, i)).Where(p => p.n == name).Select(p => p.i).DefaultIfEmpty(int.MaxValue).First();

    /// <summary>Each text-change list of <see cref="OverlayDocument"/> (<c>causeText</c>, ...) and the item kind it rewords.</summary>
    private static IEnumerable<(string Name, WordingKind Kind)> TextChanges()
    {
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
            yield return (name, kind);
        }
    }

    /// <summary>A text change: the item's id and at least one of the fields its kind marks rewordable.</summary>
    private static JsonObject TextChange(WordingKind kind)
    {
        var changeable = new JsonObject { ["id"] = Ref("id") };
        foreach (var field in kind.Rewordable)
        {
            changeable[field] = Ref("text");
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Strings("id"),
            ["minProperties"] = 2,
            ["properties"] = changeable,
        };
    }

    /// <summary>
    /// Turns each reference to a definition the overlay schema does not have into one to the knowledge-base schema's
    /// definition of that name (by its <c>$id</c>); a name neither has is an error, and so is one both have.
    /// </summary>
    private static void PointToTheBaseSchema(JsonNode root, JsonObject overlayDefinitions)
    {
        var baseDefinitions = JsonNode.Parse(KnowledgeBaseSchemaGenerator.Generate())!["$defs"]!.AsObject();
        var copied = overlayDefinitions.Select(d => d.Key).Where(baseDefinitions.ContainsKey).ToList();
        if (copied.Count > 0)
        {
            throw new InvalidOperationException($"The overlay schema would define {string.Join(", ", copied)}, which the knowledge-base schema defines.");
        }

        Visit(root);

        void Visit(JsonNode? node)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Visit(item);
                }
            }
            else if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && (string?)value is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
                    {
                        var name = reference["#/$defs/".Length..];
                        if (!overlayDefinitions.ContainsKey(name))
                        {
                            obj[key] = baseDefinitions.ContainsKey(name)
                                ? BaseSchemaId + reference
                                : throw new InvalidOperationException($"The overlay schema refers to '{name}', which neither it nor the knowledge-base schema defines.");
                        }
                    }
                    else
                    {
                        Visit(value);
                    }
                }
            }
        }
    }
}
