using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>
/// A clinical vignette: a written presentation with its source, the reference diagnosis (a cause id), the
/// diagnoses also accepted, and the urgency a clinician would set.
/// </summary>
internal sealed record Vignette
{
    /// <summary>Stable id, for example <c>v01-gtps-classic</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One line describing the presentation.</summary>
    public required string Title { get; init; }

    /// <summary>Where the presentation comes from: a published case description or the facts-table section and its citation.</summary>
    public required string Source { get; init; }

    /// <summary>Age in years, or null.</summary>
    public int? Age { get; init; }

    /// <summary>The patient's sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>Finding codes that are present.</summary>
    public IReadOnlyList<string> Present { get; init; } = [];

    /// <summary>Finding codes that were asked about or tested and are absent.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>The reference diagnosis: a cause id of the knowledge base.</summary>
    public required string Reference { get; init; }

    /// <summary>Other cause ids a clinician would accept as correct for this presentation.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>The urgency a clinician would set.</summary>
    public Urgency ExpectedUrgency { get; init; }

    /// <summary>Builds the engine's case.</summary>
    public PatientCase ToCase() => new(
        Age,
        Sex,
        Present.Select(Observation.Present).Concat(Absent.Select(Observation.Absent)),
        Id);
}
