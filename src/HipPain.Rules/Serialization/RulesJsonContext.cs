using System.Text.Json.Serialization;
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
