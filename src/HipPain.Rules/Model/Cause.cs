using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>
/// A possible cause of a runner's hip pain, with its prior probability for the population the knowledge
/// base describes, its codes, how urgent it is when suspected, and its plan: workup, treatments,
/// prevention and running advice.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Cause
{
    /// <summary>
    /// A cause's wording: its name, description and running advice, and the patient explanation that only text packs
    /// hold (what it is, what to do now, when to seek care, and their sources).
    /// </summary>
    internal static readonly WordingKind<Cause> Wording = new(
        TextKey.CausesSection,
        "cause",
        kb => kb.Causes,
        c => c.Id,
        new("name", c => c.Name, IsRewordable: true),
        new("description", c => c.Description, IsRewordable: true),
        new("running", c => c.RunningAdvice.Text),
        new("whatItIs", null),
        new("whatToDoNow", null),
        new("whenToSeekCare", null),
        new("patientSources", null));

    /// <summary>
    /// A cause's clinical codes: its classification codes, and any reference to another item of the base (none in format
    /// version 1 so far), for example <c>new("differentialOf", c => c.DifferentialOf, Target: ItemKind.Cause)</c> and
    /// <c>DifferentialOf = codes("differentialOf");</c>.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalCode<Cause>> Codes =
    [
        new("icd10", c => c.Icd10, InItemHashLine: true),
        new("snomedCt", c => c.SnomedCt, InItemHashLine: true),
    ];

    /// <summary>
    /// A cause's bounded clinical numbers, whole or fractional, each with its allowed range (none in format version 1 so
    /// far). A new one is an entry here, its property and one constructor line, for example
    /// <c>ClinicalNumber&lt;Cause&gt;.Whole("typicalAgeFrom", c => c.TypicalAgeFrom, 0, PatientCase.MaximumAge, "years")</c> and
    /// <c>TypicalAgeFrom = (int?)numbers("typicalAgeFrom");</c>, or
    /// <c>ClinicalNumber&lt;Cause&gt;.Fraction("selfLimitingShare", c => c.SelfLimitingShare, 0, 1)</c> and
    /// <c>SelfLimitingShare = numbers("selfLimitingShare");</c>.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalNumber<Cause>> Numbers = [];

    /// <summary>
    /// A cause's enumerated fields, each with its enumeration, its allowed values and its default. A new one is an entry
    /// here, its property and one constructor line, for example
    /// <c>new ClinicalChoice&lt;Cause, Onset&gt;("typicalOnset", c => c.TypicalOnset)</c> and
    /// <c>TypicalOnset = ClinicalChoice&lt;Cause, Onset&gt;.From(choices, "typicalOnset");</c>.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalChoice<Cause>> Choices =
    [
        new ClinicalChoice<Cause, Urgency>("suspectedUrgency", c => c.SuspectedUrgency, Urgency.Routine, after: "priorEvidence", inItemHashLine: true),
    ];

    internal Cause(
        string id,
        Func<string, string?> wording,
        Func<string, string?> codes,
        Func<string, double?> numbers,
        in NamedChoices<Cause> choices,
        double prior,
        Evidence priorEvidence,
        ImmutableArray<TreatmentRecommendation> recommendations,
        RunningAdvice runningAdvice)
    {
        Id = id;
        Name = wording("name")!;
        Description = wording("description");
        Icd10 = codes("icd10");
        SnomedCt = codes("snomedCt");
        Prior = prior;
        PriorEvidence = priorEvidence;
        SuspectedUrgency = ClinicalChoice<Cause, Urgency>.From(choices, "suspectedUrgency")!.Value;
        Recommendations = recommendations;
        RunningAdvice = runningAdvice;
    }

    /// <summary>The stable id, for example <c>gtps</c>.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>A short clinical description; null when not given.</summary>
    public string? Description { get; }

    /// <summary>The WHO ICD-10 code where the facts table verifies it; otherwise null.</summary>
    public string? Icd10 { get; }

    /// <summary>The SNOMED CT concept id where the facts table verifies it; otherwise null.</summary>
    public string? SnomedCt { get; }

    /// <summary>The pre-test probability, in (0, 1), for a runner presenting with hip pain.</summary>
    public double Prior { get; }

    /// <summary>Where the prior comes from, and the reasoning when it is an estimate.</summary>
    public Evidence PriorEvidence { get; }

    /// <summary>How urgent the cause is when suspected; causes at Urgent or above must have a red-flag gate.</summary>
    public Urgency SuspectedUrgency { get; }

    /// <summary>Workup steps, treatments, prevention measures and things to avoid, in the author's order.</summary>
    public ImmutableArray<TreatmentRecommendation> Recommendations { get; }

    /// <summary>Running advice while this cause is the leading one.</summary>
    public RunningAdvice RunningAdvice { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
