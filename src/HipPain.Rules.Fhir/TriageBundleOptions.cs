using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>How <see cref="TriageResultBundle"/> writes a result.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record TriageBundleOptions
{
    /// <summary>The default settings.</summary>
    public static TriageBundleOptions Default { get; } = new();

    /// <summary>The canonical base of the code systems and extensions; default <see cref="FhirOptions.Default"/>.</summary>
    public FhirOptions Fhir { get; init; } = FhirOptions.Default;

    /// <summary>The text pack to word names and actions in (gaps filled from the base's own wording); null: the base's own wording.</summary>
    public TextPack? Text { get; init; }

    /// <summary>
    /// When the assessment was made, written to <c>RiskAssessment.occurrenceDateTime</c>, <c>DetectedIssue.identifiedDateTime</c>,
    /// <c>CarePlan.created</c> and <c>Bundle.timestamp</c>; null leaves them out (the package never reads the clock).
    /// </summary>
    public DateTimeOffset? OccurredAt { get; init; }
}
