using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;
using static HipPain.Rules.Tests.Serialization.DocumentSchemaWriter;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: <c>knowledge-base.v1.schema.json</c> generated from the knowledge-base document types by
/// <see cref="DocumentSchemaWriter"/>. Each object definition is one document type: its properties are the type's JSON
/// properties, in the order the writer writes them. A property the table below does not describe gets the schema its C#
/// type gives (a string is <c>["string", "null"]</c>, a document type a reference to its definition). The table holds
/// what the C# types cannot say: required
/// properties (a bounded clinical number's range comes from its declaration, <see cref="Cause.Numbers"/>, and an
/// enumerated field's allowed names and whether it is required from its, <see cref="Cause.Choices"/>,
/// <see cref="Finding.Choices"/>, <see cref="Treatment.Choices"/> and <see cref="TreatmentRecommendation.Choices"/>), ids and non-blank texts, enumerations (their names come from the model's enums), ranges, minimum
/// counts, the one-of rules and the descriptions. So a new optional text property of a document (a cause's display
/// field) reaches the schema with no edit here. <see cref="GeneratedSchemaTests"/> compares the result with the
/// committed file (and rewrites it with <c>HIPPAIN_UPDATE_DOCS=1</c>).
/// </summary>
internal static class KnowledgeBaseSchemaGenerator
{
    /// <summary>The committed knowledge-base schema, relative to the repository root.</summary>
    public const string RelativePath = "src/HipPain.Rules/Serialization/Schemas/knowledge-base.v1.schema.json";

    private const string RecommendationEvidence = "The evidence for this treatment in this cause, when it is not the treatment's own (for example a case series here where the treatment's trial was in another condition); absent to use the treatment's.";

    /// <summary>The object definitions, in the schema's order: each is one document type.</summary>
    public static readonly (string Name, Type Document)[] ObjectDefinitions =
    [
        ("evidence", typeof(EvidenceDocument)),
        ("running", typeof(RunningDocument)),
        ("finding", typeof(FindingDocument)),
        ("treatment", typeof(TreatmentDocument)),
        ("criterion", typeof(CriterionDocument)),
        ("ratio", typeof(RatioDocument)),
        ("graded", typeof(GradedDocument)),
        ("rule", typeof(RuleDocument)),
        ("groupMember", typeof(GroupMemberDocument)),
        ("group", typeof(GroupDocument)),
        ("recommendation", typeof(RecommendationDocument)),
        ("cause", typeof(CauseDocument)),
        ("redFlag", typeof(RedFlagDocument)),
    ];

    /// <summary>The definition each knowledge-base document type refers to.</summary>
    public static IReadOnlyDictionary<Type, string> References { get; } = ObjectDefinitions.ToDictionary(d => d.Document, d => d.Name);

    /// <summary>The knowledge-base schema, as the committed file holds it.</summary>
    public static string Generate()
    {
        var writer = new DocumentSchemaWriter("knowledge-base", References);
        var definitions = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[^\\s\\u0000-\\u001F\\u007F-\\u009F]+$", ["description"] = "A stable id: no white space or control characters." },
            ["text"] = new JsonObject { ["type"] = "string", ["pattern"] = "\\S", ["description"] = "Text that is not blank." },
            ["findingKind"] = EnumOf<FindingKind>(),
            ["bodyRegion"] = EnumOf<BodyRegion>(),
            ["treatmentKind"] = EnumOf<TreatmentKind>(),
            ["treatmentLine"] = EnumOf<TreatmentLine>(),
            ["evidenceLevel"] = EnumOf<EvidenceLevel>(),
            ["verificationStatus"] = EnumOf<VerificationStatus>(),
            ["urgency"] = EnumOf<Urgency>(),
            ["runningRestriction"] = EnumOf<RunningRestriction>(),
        };

        // The enumeration of a declared enumerated field (Finding.Choices, Treatment.Choices, TreatmentRecommendation.Choices,
        // Cause.Choices) that the list above does not have yet.
        foreach (var type in DeclaredEnumerations())
        {
            if (!definitions.ContainsKey(EnumDefinition(type)))
            {
                definitions[EnumDefinition(type)] = new JsonObject { ["enum"] = Strings([.. Enum.GetValues(type).Cast<Enum>().Select(JsonEnum.Name)]) };
            }
        }

        foreach (var (name, document) in ObjectDefinitions)
        {
            definitions[name] = writer.Object(name, document, Definition(name));
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:hippain-rules:schema:knowledge-base:v1",
            ["title"] = "HipPain.Rules knowledge base, format version 1",
            ["description"] = "Findings, treatments, causes with their priors, rules, evidence groups and plans, and red-flag gates. Written by KnowledgeBaseJson.Write and read by KnowledgeBaseJson.Read.",
        };
        foreach (var (key, value) in writer.Object("the root", typeof(KnowledgeBaseDocument), Root()).ToList())
        {
            root[key] = value?.DeepClone();
        }

        root["$defs"] = definitions;
        return Write(root);
    }

    /// <summary>What the C# types cannot say about the root (the overlay schema reads the properties both roots share).</summary>
    public static SchemaShape Root() => new(
        Required: ["formatVersion", "id", "version", "causes"],
        Properties: new()
        {
            ["$schema"] = new JsonObject { ["type"] = "string" },
            ["formatVersion"] = new JsonObject { ["const"] = 1 },
            ["id"] = Ref("id"),
            ["version"] = Ref("text"),
            ["derivedFrom"] = new JsonObject
            {
                ["description"] = "The bases this one was made from by applying overlays, the original first.",
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = Strings("id", "version", "hash"),
                    ["properties"] = new JsonObject
                    {
                        ["id"] = new JsonObject { ["type"] = "string" },
                        ["version"] = new JsonObject { ["type"] = "string" },
                        ["hash"] = new JsonObject { ["type"] = "string" },
                    },
                },
            },
            ["textCulture"] = WordingSchemas.Culture("The language of the base's names, questions and descriptions (its default text pack); default en."),
            ["causes"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Ref("cause"),
                ["minItems"] = 1,
            },
        });

    /// <summary>What the C# types cannot say about each object definition (the overlay schema derives its own from these).</summary>
    public static SchemaShape Definition(string name) => name switch
    {
        "evidence" => new(
            Required: ["citation", "level", "status"],
            Properties: new() { ["citation"] = Ref("text"), ["level"] = Ref("evidenceLevel"), ["status"] = Ref("verificationStatus") }),
        "running" => new(
            Required: ["restriction", "text"],
            Properties: new() { ["restriction"] = Ref("runningRestriction"), ["text"] = Ref("text") }),
        "finding" => new(
            Required: ["id", "name", .. RequiredChoices(Finding.Choices)],
            Properties: WithChoices(Finding.Choices, WithNumbers(Finding.Numbers, new() { ["id"] = Ref("id"), ["name"] = Ref("text") }))),
        "treatment" => new(
            Required: ["id", "name", .. RequiredChoices(Treatment.Choices), "evidence"],
            Properties: WithChoices(Treatment.Choices, new() { ["id"] = Ref("id"), ["name"] = Ref("text") })),
        "criterion" => new(
            Required: null,
            Description: "Exactly one of: present, absent, allOf, anyOf, atLeast with of, age, sex.",
            Properties: new()
            {
                ["present"] = Ref("id"),
                ["absent"] = Ref("id"),
                ["allOf"] = NonEmptyArrayOf(Ref("criterion")),
                ["anyOf"] = NonEmptyArrayOf(Ref("criterion")),
                ["atLeast"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                ["of"] = NonEmptyArrayOf(Ref("criterion")),
                // A null bound is one left out (as everywhere in the reader), so at least one bound must be a number.
                ["age"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "An age band in whole years: at least one bound; a bound left out (or null) is open.",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["minimum"] = AgeBound(), ["maximum"] = AgeBound() },
                    ["anyOf"] = new JsonArray(GivenBound("minimum"), GivenBound("maximum")),
                },
                // A criterion names a sex; unspecified is a case's value only (the mapper refuses it here).
                ["sex"] = new JsonObject { ["enum"] = Strings([.. Enum.GetValues<Sex>().Where(s => s != Sex.Unspecified).Select(JsonEnum<Sex>.Name)]) },
            },
            After: new()
            {
                ["oneOf"] = new JsonArray(
                    RequiredOf("present"), RequiredOf("absent"), RequiredOf("allOf"), RequiredOf("anyOf"),
                    RequiredOf("atLeast", "of"), RequiredOf("age"), RequiredOf("sex")),
                ["dependentRequired"] = new JsonObject { ["of"] = Strings("atLeast"), ["atLeast"] = Strings("of") },
            }),
        "ratio" => new(
            Required: ["positive", "negative"],
            Properties: new() { ["positive"] = PositiveNumber(), ["negative"] = PositiveNumber() }),
        "graded" => new(
            Required: ["parts", "ratios"],
            Description: "A graded rule's table: the criteria counted, and the likelihood ratio when exactly 0, 1, ..., n of them are met (n + 1 entries; null where the source gives no figure).",
            Properties: new()
            {
                ["parts"] = NonEmptyArrayOf(Ref("criterion")),
                ["ratios"] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 2,
                    ["items"] = new JsonObject { ["type"] = Strings("number", "null"), ["exclusiveMinimum"] = 0 },
                },
            }),
        "rule" => new(
            Required: ["id", "evidence"],
            Properties: new() { ["id"] = Ref("id") },
            After: new()
            {
                ["description"] = "Either criterion and ratio (a criterion rule) or graded (a graded rule).",
                ["oneOf"] = new JsonArray(
                    RequiredOf("criterion", "ratio"),
                    new JsonObject
                    {
                        ["required"] = Strings("graded"),
                        ["not"] = new JsonObject { ["anyOf"] = new JsonArray(RequiredOf("criterion"), RequiredOf("ratio")) },
                    }),
            }),
        "groupMember" => new(
            Required: ["rule"],
            Properties: new()
            {
                ["rule"] = Ref("id"),
                ["joint"] = new JsonObject
                {
                    ["type"] = "boolean",
                    ["description"] = "True when the rule carries the source's figure for the whole group: it then counts alone when decided.",
                },
            }),
        "group" => new(
            Required: ["id", "name", "members"],
            Description: "An evidence group: rules of one cause that measure the same thing, counted once.",
            Properties: new() { ["id"] = Ref("id"), ["name"] = Ref("text"), ["members"] = NonEmptyArrayOf(Ref("groupMember")) }),
        "recommendation" => new(
            Required: ["treatmentId", .. RequiredChoices(TreatmentRecommendation.Choices)],
            Properties: WithChoices(TreatmentRecommendation.Choices, new()
            {
                ["treatmentId"] = Ref("id"),
                ["evidence"] = new JsonObject { ["description"] = RecommendationEvidence, ["$ref"] = "#/$defs/evidence" },
            })),
        "cause" => new(
            Required: ["id", "name", "prior", "priorEvidence", "recommendations"],
            Properties: WithChoices(
                Cause.Choices,
                WithReferences(
                    Cause.Codes,
                    WithNumbers(
                        Cause.Numbers,
                        new()
                        {
                            ["id"] = Ref("id"),
                            ["name"] = Ref("text"),
                            ["prior"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0, ["exclusiveMaximum"] = 1 },
                            ["recommendations"] = NonEmptyArrayOf(Ref("recommendation")),
                        })))),
        "redFlag" => new(
            Required: ["id", "name", "criterion", "urgency", "action", "evidence"],
            Properties: new()
            {
                ["id"] = Ref("id"),
                ["name"] = Ref("text"),
                ["urgency"] = Ref("urgency"),
                ["action"] = Ref("text"),
                ["suspects"] = new JsonObject { ["type"] = "array", ["items"] = Ref("id") },
                ["askWhen"] = new JsonObject
                {
                    ["$ref"] = "#/$defs/criterion",
                    ["description"] = "When a patient interview asks the gate's questions: once this criterion is met. Absent: whenever the gate is open.",
                },
                ["screen"] = new JsonObject
                {
                    ["description"] = "Findings of the gate a patient interview asks in its universal red-flag screen.",
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string" },
                },
            }),
        _ => throw new InvalidOperationException($"The knowledge-base schema has no description of the definition '{name}'."),
    };

    /// <summary>
    /// <paramref name="properties"/> with each bounded clinical number of the kind (<see cref="ClinicalNumber{T}"/>): an
    /// optional integer (a whole number) or number (a fraction) in its declared range, so that a new number needs no line
    /// in this table.
    /// </summary>
    internal static Dictionary<string, JsonNode> WithNumbers<T>(IEnumerable<ClinicalNumber<T>> numbers, Dictionary<string, JsonNode> properties)
    {
        foreach (var number in numbers)
        {
            properties[number.Name] = new JsonObject
            {
                ["type"] = Strings(number.IsWhole ? "integer" : "number", "null"),
                ["minimum"] = number.Minimum,
                ["maximum"] = number.Maximum,
            };
        }

        return properties;
    }

    /// <summary>
    /// <paramref name="properties"/> with each reference field of the kind (a <see cref="ClinicalCode{T}"/> with a
    /// <see cref="ClinicalCode{T}.Target"/>): an id or null, so that a new reference needs no line in this table. Plain
    /// codes keep the string schema their C# type gives.
    /// </summary>
    private static Dictionary<string, JsonNode> WithReferences<T>(IEnumerable<ClinicalCode<T>> codes, Dictionary<string, JsonNode> properties)
    {
        foreach (var code in codes.Where(c => c.Target is not null))
        {
            properties[code.Name] = new JsonObject
            {
                ["description"] = $"The id of a {code.Target.ToString()!.ToLowerInvariant()} of the base.",
                ["anyOf"] = new JsonArray(Ref("id"), new JsonObject { ["type"] = "null" }),
            };
        }

        return properties;
    }

    /// <summary>
    /// <paramref name="properties"/> with each enumerated field of the kind (<see cref="ClinicalChoice{T}"/>): one of its
    /// allowed names. A field that allows every value of its enumeration refers to the enumeration's definition (named
    /// after the type: <c>urgency</c>, added to <c>$defs</c> when new); one that allows fewer lists them in place. So a
    /// new enumerated field needs no line in this table.
    /// </summary>
    private static Dictionary<string, JsonNode> WithChoices<T>(IEnumerable<ClinicalChoice<T>> choices, Dictionary<string, JsonNode> properties)
    {
        foreach (var choice in choices)
        {
            properties[choice.Name] = choice.AllowsEveryValue
                ? Ref(EnumDefinition(choice.Type))
                : new JsonObject { ["enum"] = Strings([.. choice.Values.Select(JsonEnum.Name)]) };
        }

        return properties;
    }

    /// <summary>The enumerated fields a JSON document must give (<see cref="ClinicalChoice{T}.Required"/>), in declared order.</summary>
    private static IEnumerable<string> RequiredChoices<T>(IEnumerable<ClinicalChoice<T>> choices) =>
        choices.Where(c => c.Required).Select(c => c.Name);

    /// <summary>The enumerations of every kind's declared fields that allow all their values, each once.</summary>
    private static IEnumerable<Type> DeclaredEnumerations() =>
        Finding.Choices.Where(c => c.AllowsEveryValue).Select(c => c.Type)
            .Concat(Treatment.Choices.Where(c => c.AllowsEveryValue).Select(c => c.Type))
            .Concat(TreatmentRecommendation.Choices.Where(c => c.AllowsEveryValue).Select(c => c.Type))
            .Concat(Cause.Choices.Where(c => c.AllowsEveryValue).Select(c => c.Type))
            .Distinct();

    /// <summary>The name of an enumeration's definition in <c>$defs</c>: the type's name in camelCase.</summary>
    private static string EnumDefinition(Type type) => JsonEnum.CamelCase(type.Name);

    private static JsonObject PositiveNumber() => new() { ["type"] = "number", ["exclusiveMinimum"] = 0 };

    private static JsonObject AgeBound() => new()
    {
        ["type"] = Strings("integer", "null"),
        ["minimum"] = 0,
        ["maximum"] = PatientCase.MaximumAge,
    };

    /// <summary>An age band whose <paramref name="bound"/> is given as a number (not left out, not null).</summary>
    private static JsonObject GivenBound(string bound) => new()
    {
        ["required"] = Strings(bound),
        ["properties"] = new JsonObject { [bound] = new JsonObject { ["type"] = "integer" } },
    };

    private static JsonObject EnumOf<T>()
        where T : struct, Enum => new() { ["enum"] = Strings([.. Enum.GetValues<T>().Select(JsonEnum<T>.Name)]) };
}
