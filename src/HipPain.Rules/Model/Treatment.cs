using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>What a treatment, workup step or prevention measure is.</summary>
public enum TreatmentKind
{
    /// <summary>Something the patient does: relative rest, ice, a walking aid, activity modification, education.</summary>
    SelfCare = 0,

    /// <summary>A medicine: NSAIDs, analgesics, antibiotics.</summary>
    Medication = 1,

    /// <summary>Physiotherapy and therapeutic exercise.</summary>
    Physiotherapy = 2,

    /// <summary>An injection: corticosteroid, prolotherapy.</summary>
    Injection = 3,

    /// <summary>An operation.</summary>
    Surgery = 4,

    /// <summary>Referral to another service (orthopaedics, emergency department, rheumatology).</summary>
    Referral = 5,

    /// <summary>A workup step at the examination: a test to perform or a question to ask.</summary>
    Examination = 6,

    /// <summary>A workup step by imaging: radiographs, MRI, ultrasound.</summary>
    Imaging = 7,

    /// <summary>A workup step by laboratory test or aspiration.</summary>
    Laboratory = 8,

    /// <summary>A measure that prevents recurrence: warm-up, footwear, load progression, bone health.</summary>
    Prevention = 9,
}

/// <summary>Where a treatment stands for a given cause.</summary>
public enum TreatmentLine
{
    /// <summary>Offer first.</summary>
    FirstLine = 0,

    /// <summary>Offer when first-line care has not worked, or as an adjunct.</summary>
    SecondLine = 1,

    /// <summary>Do not offer for this cause; the plan lists it under "avoid".</summary>
    Avoid = 2,
}

/// <summary>A treatment, workup step or prevention measure, with the evidence for it.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Treatment
{
    /// <summary>A treatment's wording: its name and description.</summary>
    internal static readonly WordingKind<Treatment> Wording = new(
        TextKey.TreatmentsSection,
        "treatment",
        kb => kb.Treatments,
        t => t.Id,
        new("name", t => t.Name, IsRewordable: true),
        new("description", t => t.Description, IsRewordable: true));

    /// <summary>
    /// A treatment's enumerated fields, as a finding's are (<see cref="Finding.Choices"/>): format version 1 has one,
    /// <c>kind</c> (required), written after the name and hashed in the treatment's own line.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalChoice<Treatment>> Choices =
    [
        new ClinicalChoice<Treatment, TreatmentKind>("kind", t => t.Kind, TreatmentKind.SelfCare, inItemHashLine: true, required: true),
    ];

    internal Treatment(string id, Func<string, string?> wording, in NamedChoices<Treatment> choices, Evidence evidence)
    {
        Id = id;
        Name = wording("name")!;
        Kind = ClinicalChoice<Treatment, TreatmentKind>.From(choices, "kind")!.Value;
        Description = wording("description");
        Evidence = evidence;
    }

    /// <summary>The stable id, for example <c>tx.education-exercise</c>.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>What kind of measure it is.</summary>
    public TreatmentKind Kind { get; }

    /// <summary>How to carry it out, in a sentence or two; null when the name says enough.</summary>
    public string? Description { get; }

    /// <summary>The evidence for it, with its level: a measure with no support says so (<see cref="EvidenceLevel.Insufficient"/>).</summary>
    public Evidence Evidence { get; }

    /// <summary>True for examination, imaging, laboratory and referral steps.</summary>
    public bool IsWorkup => Kind is TreatmentKind.Examination or TreatmentKind.Imaging or TreatmentKind.Laboratory or TreatmentKind.Referral;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}

/// <summary>A treatment as it applies to one cause.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class TreatmentRecommendation
{
    /// <summary>
    /// A recommendation's enumerated fields, as a treatment's are (<see cref="Treatment.Choices"/>): format version 1
    /// has one, <c>line</c> (default <see cref="TreatmentLine.FirstLine"/>, left out of a written document when it is
    /// the default), written after the treatment's id and hashed in the recommendation's own line.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalChoice<TreatmentRecommendation>> Choices =
    [
        new ClinicalChoice<TreatmentRecommendation, TreatmentLine>("line", r => r.Line, TreatmentLine.FirstLine, inItemHashLine: true, omitsDefault: true),
    ];

    internal TreatmentRecommendation(string treatmentId, in NamedChoices<TreatmentRecommendation> choices, string? note, Evidence? evidence)
    {
        TreatmentId = treatmentId;
        Line = ClinicalChoice<TreatmentRecommendation, TreatmentLine>.From(choices, "line")!.Value;
        Note = note;
        Evidence = evidence;
    }

    /// <summary>The treatment's id.</summary>
    public string TreatmentId { get; }

    /// <summary>First line, second line or avoid.</summary>
    public TreatmentLine Line { get; }

    /// <summary>A cause-specific remark, for example the evidence for this cause; null when none.</summary>
    public string? Note { get; }

    /// <summary>
    /// The evidence for this treatment for this cause, with its level, when it differs from the treatment's own (a
    /// trial in one condition says little about another); null when <see cref="Treatment.Evidence"/> applies.
    /// </summary>
    public Evidence? Evidence { get; }

    /// <summary>The evidence that applies for this cause: <see cref="Evidence"/> when set, else the treatment's.</summary>
    /// <param name="treatment">The recommended treatment (the one <see cref="TreatmentId"/> names).</param>
    /// <returns>The evidence and its level for this cause.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatment"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="treatment"/> is not the recommended treatment.</exception>
    public Evidence EvidenceWith(Treatment treatment)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        if (!string.Equals(treatment.Id, TreatmentId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The recommendation is of treatment '{TreatmentId}', not '{treatment.Id}'.", nameof(treatment));
        }

        return Evidence ?? treatment.Evidence;
    }
}
