using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Fhir.CdsHooks;

/// <summary>Settings of the CDS Hooks service (<see cref="CdsHooksService"/>, <c>MapHipPainCdsHooks</c>).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsHooksOptions
{
    /// <summary>The documentation linked from every card and from the card source, unless set otherwise.</summary>
    public const string DefaultDocumentationUrl = "https://github.com/hippain/HipPain.Rules/blob/main/docs/fhir.md";

    /// <summary>The engine that triages; its knowledge base names the Questionnaire the prefetch asks for.</summary>
    public required TriageEngine Engine { get; init; }

    /// <summary>The clinic's Observation mapping; the prefetch asks for Observations with its codes. Default: none.</summary>
    public ObservationMapping Mapping { get; init; } = ObservationMapping.Empty;

    /// <summary>The canonical base the Questionnaire was published with. Default <see cref="FhirOptions.Default"/>.</summary>
    public FhirOptions Fhir { get; init; } = FhirOptions.Default;

    /// <summary>The text pack to word cards in; null: the base's own wording.</summary>
    public TextPack? Text { get; init; }

    /// <summary>The service id, the last segment of its URL. Default <c>hippain-triage</c>.</summary>
    public string ServiceId { get; init; } = "hippain-triage";

    /// <summary>The documentation page the cards link to. Default <see cref="DefaultDocumentationUrl"/>.</summary>
    public string DocumentationUrl { get; init; } = DefaultDocumentationUrl;

    /// <summary>How many leading causes a card names. Default 3.</summary>
    public int LeadingCauseCount { get; init; } = 3;

    /// <summary>
    /// The clock giving the date a patient's age is computed at (the library itself never reads the clock; the service
    /// does, once per request). Default <see cref="TimeProvider.System"/>; tests pass a fixed one.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
