using System.Text.Json.Serialization;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>
/// What the roots of the case, interview-state and text-pack documents share, written first and in this order:
/// <c>$schema</c> (ignored on reading) and <c>formatVersion</c> (checked by <see cref="JsonDocumentReader"/>).
/// </summary>
internal abstract class RootDocument
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string? Schema { get; set; }

    [JsonPropertyOrder(-1)]
    public int? FormatVersion { get; set; }
}
