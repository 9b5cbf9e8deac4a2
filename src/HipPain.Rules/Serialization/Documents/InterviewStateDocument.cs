using System.Text.Json;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>The root of an interview-state document (format version 1).</summary>
internal sealed class InterviewStateDocument : RootDocument
{
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
