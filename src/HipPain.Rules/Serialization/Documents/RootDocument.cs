using System.Text.Json.Serialization;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>
/// What the roots of every document share (the case, interview-state and text-pack documents, and through
/// <see cref="PackDocument"/> the knowledge-base and overlay documents), written first and in this order:
/// <c>$schema</c> (ignored on reading) and <c>formatVersion</c> (checked by <see cref="JsonDocumentReader"/>).
/// Their orders are well below the others', so that a derived head (<see cref="PackDocument"/>'s, at -3 to -1)
/// follows them.
/// </summary>
internal abstract class RootDocument
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-20)]
    public string? Schema { get; set; }

    [JsonPropertyOrder(-10)]
    public int? FormatVersion { get; set; }
}
