namespace HipPain.Rules.Model;

/// <summary>
/// Where a weight, a prior or a treatment comes from: the citation, the design of the study and how the
/// figure was checked. Every likelihood ratio and every prior in a knowledge base carries one.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Evidence : IEquatable<Evidence>
{
    /// <summary>Creates evidence. A blank citation is reported by <c>KnowledgeBaseBuilder.Build</c> (code HPK009).</summary>
    /// <param name="citation">Author, year, journal and locator, for example <c>"Reiman MP et al. Br J Sports Med 2013;47:893 Table 8"</c>.</param>
    /// <param name="level">The design of the study.</param>
    /// <param name="status">How the figure was checked.</param>
    /// <param name="note">Optional remarks: a cap applied, a population caveat.</param>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is null.</exception>
    public Evidence(string citation, EvidenceLevel level, VerificationStatus status, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(citation);
        Citation = citation;
        Level = level;
        Status = status;
        Note = note;
    }

    /// <summary>The citation.</summary>
    public string Citation { get; }

    /// <summary>The design of the study.</summary>
    public EvidenceLevel Level { get; }

    /// <summary>How the figure was checked.</summary>
    public VerificationStatus Status { get; }

    /// <summary>Remarks such as a cap applied to an optimistic figure; null when there are none.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public bool Equals(Evidence? other) =>
        other is not null
        && string.Equals(Citation, other.Citation, StringComparison.Ordinal)
        && Level == other.Level
        && Status == other.Status
        && string.Equals(Note, other.Note, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Evidence);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Citation, Level, Status, Note);

    /// <summary>The citation followed by the level and status, for display.</summary>
    public override string ToString() => $"{Citation} [{Level}; {Status}]";
}
