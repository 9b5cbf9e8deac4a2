using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Serialization;

/// <summary>
/// The source-generated serializer for every JSON format of the library. Internal on purpose: a public
/// context would add generated members to the public API. No reflection is used, so reading and writing
/// are trim- and AOT-safe.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    WriteIndented = true)]
[JsonSerializable(typeof(KnowledgeBaseDocument))]
[JsonSerializable(typeof(CaseDocument))]
[JsonSerializable(typeof(OverlayDocument))]
[JsonSerializable(typeof(TextPackDocument))]
[JsonSerializable(typeof(InterviewStateDocument))]
internal sealed partial class RulesJsonContext : JsonSerializerContext
{
}

/// <summary>
/// The contracts every reader and writer uses: the source-generated ones of <see cref="RulesJsonContext"/>, with the
/// wording properties of the worded documents added from the wording catalogue (<see cref="WordingProperties"/>) and
/// the clinical codes and numbers from their declarations (<see cref="ClinicalCodeProperties"/>).
/// </summary>
internal static class RulesJson
{
    /// <summary>The options of <see cref="RulesJsonContext"/> with the wording properties added; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<KnowledgeBaseDocument> KnowledgeBaseDocument { get; } = TypeInfo<KnowledgeBaseDocument>();

    public static JsonTypeInfo<CaseDocument> CaseDocument { get; } = TypeInfo<CaseDocument>();

    public static JsonTypeInfo<OverlayDocument> OverlayDocument { get; } = TypeInfo<OverlayDocument>();

    public static JsonTypeInfo<TextPackDocument> TextPackDocument { get; } = TypeInfo<TextPackDocument>();

    public static JsonTypeInfo<InterviewStateDocument> InterviewStateDocument { get; } = TypeInfo<InterviewStateDocument>();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(RulesJsonContext.Default.Options)
        {
            TypeInfoResolver = RulesJsonContext.Default.WithAddedModifier(WordingProperties.Add).WithAddedModifier(ClinicalCodeProperties.Add),
        };
        options.MakeReadOnly();
        return options;
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
