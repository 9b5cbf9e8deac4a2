using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>The root of an interview-state document (format version 1).</summary>
internal sealed class InterviewStateDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? FormatVersion { get; set; }

    public StampDocument? KnowledgeBase { get; set; }

    public string? Audience { get; set; }

    public int? StartingObservations { get; set; }

    /// <summary>The case, in the case format; read by <see cref="CaseJson"/> so its problems keep their codes.</summary>
    public JsonElement? Case { get; set; }
}

/// <summary>A knowledge base's stamps: id, version and content hash.</summary>
internal sealed class StampDocument
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Hash { get; set; }
}
