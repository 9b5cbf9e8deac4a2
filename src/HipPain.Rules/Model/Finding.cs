using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>
/// Something a clinician can observe or ask about: a pain location, a symptom, a history item, a risk
/// factor or an examination test. A case gives each finding one <see cref="FindingState"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Finding
{
    /// <summary>A finding's wording: its name, and the clinician's and the patient's question.</summary>
    internal static readonly WordingKind<Finding> Wording = new(
        TextKey.FindingsSection,
        "finding",
        kb => kb.Findings,
        f => f.Id,
        new("name", f => f.Name, IsRewordable: true),
        new("question", f => f.Question, IsRewordable: true),
        new("patientQuestion", f => f.PatientQuestion, IsRewordable: true));

    /// <summary>
    /// A finding's enumerated fields, each with its enumeration, its allowed values and its default (as a cause's are,
    /// <see cref="Cause.Choices"/>). Format version 1 writes <c>kind</c> (required) and <c>region</c> (left out for
    /// <see cref="BodyRegion.None"/>) after the name, and hashes both in the finding's own line; <c>sex</c> (optional:
    /// <c>female</c> or <c>male</c>, left out when unspecified) follows them and adds a hash line of its own only when
    /// set. A new one is an entry here, its property and one constructor line, as <c>sex</c> shows.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalChoice<Finding>> Choices =
    [
        new ClinicalChoice<Finding, FindingKind>("kind", f => f.Kind, FindingKind.Symptom, after: "name", inItemHashLine: true, required: true),
        new ClinicalChoice<Finding, BodyRegion>("region", f => f.Region, BodyRegion.None, inItemHashLine: true, omitsDefault: true),
        new ClinicalChoice<Finding, Sex>("sex", f => f.Sex == Sex.Unspecified ? null : f.Sex, allowed: [Sex.Female, Sex.Male]),
    ];

    /// <summary>
    /// A finding's bounded clinical numbers (as a cause's are, <see cref="Cause.Numbers"/>): <c>presentRate</c>, how often
    /// the finding is present among the patients the base is for, a share from 0.01 to 0.99 (the interviewer's answer
    /// model's own bounds). Optional; a finding that sets it adds a line of its own to the content hash, so every other
    /// finding hashes as before.
    /// </summary>
    internal static readonly ImmutableArray<ClinicalNumber<Finding>> Numbers =
    [
        ClinicalNumber<Finding>.Fraction(PresentRateName, f => f.PresentRate, 0.01, 0.99),
    ];

    /// <summary>The JSON name of <see cref="PresentRate"/>, which the builder sets by name in the draft.</summary>
    internal const string PresentRateName = "presentRate";

    internal Finding(string id, Func<string, string?> wording, Func<string, double?> numbers, in NamedChoices<Finding> choices)
    {
        Id = id;
        Name = wording("name")!;
        Kind = ClinicalChoice<Finding, FindingKind>.From(choices, "kind")!.Value;
        Region = ClinicalChoice<Finding, BodyRegion>.From(choices, "region")!.Value;
        Sex = ClinicalChoice<Finding, Sex>.From(choices, "sex") ?? Sex.Unspecified;
        Question = wording("question");
        PatientQuestion = wording("patientQuestion");
        PresentRate = numbers(PresentRateName);
    }

    /// <summary>The stable code, for example <c>loc.lateral-hip</c>. Cases name findings by this code.</summary>
    public string Id { get; }

    /// <summary>The display name a clinician reads.</summary>
    public string Name { get; }

    /// <summary>The family the finding belongs to.</summary>
    public FindingKind Kind { get; }

    /// <summary>The body region for a pain location; <see cref="BodyRegion.None"/> for other kinds.</summary>
    public BodyRegion Region { get; }

    /// <summary>
    /// The one sex in which the finding can be present (a pregnancy only in a woman); <see cref="Sex.Unspecified"/>, the
    /// default, when it can be present in anyone. A case of the other sex may give it as absent or unknown, never as
    /// present (error <c>HPC008</c>), and an interview does not ask it of a patient whose sex is the other one. Written
    /// in JSON documents as <c>"sex": "female"</c> or <c>"male"</c>, and left out when unspecified; a finding that sets
    /// it adds a line of its own to the content hash, so every other finding hashes as before.
    /// </summary>
    public Sex Sex { get; }

    /// <summary>
    /// How often the finding is present among the patients the base is for (a share from 0.01 to 0.99), where a source
    /// gives it; null, the default, when not known. Triage never reads it: only the interviewer's answer model
    /// (<see cref="Interview.AnswerModel"/>) does, which takes it, where it is set, instead of its background rate for
    /// patients without a cause that weighs the finding, so that a rare exposure (a hip replacement) is not expected in
    /// one patient in five. Written in JSON documents as <c>"presentRate": 0.01</c> and left out when not set; a finding
    /// that sets it adds a line of its own to the content hash. Set in C# with
    /// <see cref="Authoring.KnowledgeBaseBuilder.SetPresentRate"/>.
    /// </summary>
    public double? PresentRate { get; }

    /// <summary>How a clinician asks about or tests for the finding (clinician wording); null when not given.</summary>
    public string? Question { get; }

    /// <summary>The same question in plain language for the patient; null when the finding is not asked of the patient (an examination test) or not given.</summary>
    public string? PatientQuestion { get; }

    /// <summary>
    /// True when a patient can answer the finding: its kind is a location, pain quality, timing, symptom, history or
    /// risk factor, or it has patient wording (an examination finding a patient can report, such as being unable to
    /// bear weight). A patient interview asks only these; a clinician interview asks every finding.
    /// </summary>
    public bool IsAskedOfPatient => Kind < FindingKind.Examination || PatientQuestion is not null;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
