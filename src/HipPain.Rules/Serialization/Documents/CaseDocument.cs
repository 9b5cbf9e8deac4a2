namespace HipPain.Rules.Serialization.Documents;

/// <summary>The root of a case document (format version 1).</summary>
internal sealed class CaseDocument : RootDocument
{
    public string? Label { get; set; }

    public int? Age { get; set; }

    public string? Sex { get; set; }

    public List<ObservationDocument>? Observations { get; set; }
}

internal sealed class ObservationDocument
{
    public string? FindingId { get; set; }

    public string? State { get; set; }
}
