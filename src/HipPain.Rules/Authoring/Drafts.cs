using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

// Mutable drafts behind the builders. They are never exposed: Build() validates them and copies them
// into the immutable model. SourcePath, when set, is where the item came from (a JSON path such as
// "$.causes[3]"); the validator reports problems there instead of at the item's index in the builder (the path it
// would have in the base's JSON form).
//
// Each draft keeps its plain wording (the fields the wording catalogue, Model/Wording.cs, marks rewordable) in a
// NamedTexts keyed by the field's JSON name; its typed properties read and write there. Overlay text changes and
// the JSON size bound walk it, so they need no change when a kind gains a wording field.

/// <summary>A draft with wording: where it came from, and its plain wording, which the derived draft gives.</summary>
internal abstract class WordedDraft(params (string Field, string? Text)[] wording)
{
    public string? SourcePath { get; set; }

    public NamedTexts Wording { get; } = new(wording);
}

/// <summary>A draft with a name: every kind but rules.</summary>
internal abstract class NamedDraft(string name, params (string Field, string? Text)[] wording)
    : WordedDraft([("name", name), .. wording])
{
    public string Name { get => Wording["name"]!; set => Wording["name"] = value; }
}

internal sealed class FindingDraft(string id, string name, string? question, string? patientQuestion)
    : NamedDraft(name, ("question", question), ("patientQuestion", patientQuestion))
{
    private NamedChoices<Finding> choices = new(Finding.Choices);

    public string Id { get; } = id;

    /// <summary>The enumerated fields <see cref="Finding.Choices"/> declares (<c>kind</c>, <c>region</c>), each at its default until set.</summary>
    public ref NamedChoices<Finding> Choices => ref choices;

    /// <summary>The <c>kind</c> of <see cref="Choices"/>, typed, for the checks that compare it.</summary>
    public FindingKind Kind { get => (FindingKind)choices["kind"]!; set => choices["kind"] = BoxedEnum<FindingKind>.Of(value); }

    /// <summary>The <c>region</c> of <see cref="Choices"/>, typed.</summary>
    public BodyRegion Region { get => (BodyRegion)choices["region"]!; set => choices["region"] = BoxedEnum<BodyRegion>.Of(value); }

    /// <summary>The <c>sex</c> of <see cref="Choices"/>, typed: <see cref="Sex.Unspecified"/> while it holds none.</summary>
    public Sex Sex { get => choices["sex"] is Sex sex ? sex : Sex.Unspecified; set => choices["sex"] = value == Sex.Unspecified ? null : BoxedEnum<Sex>.Of(value); }

    public string? Question { get => Wording["question"]; set => Wording["question"] = value; }

    public string? PatientQuestion { get => Wording["patientQuestion"]; set => Wording["patientQuestion"] = value; }

    /// <summary>The numbers <see cref="Finding.Numbers"/> declares, by name.</summary>
    public NamedNumbers Numbers { get; } = new();
}

internal sealed class TreatmentDraft(string id, string name, Evidence evidence, string? description)
    : NamedDraft(name, ("description", description))
{
    private NamedChoices<Treatment> choices = new(Treatment.Choices);

    public string Id { get; } = id;

    /// <summary>The enumerated fields <see cref="Treatment.Choices"/> declares (<c>kind</c>), each at its default until set.</summary>
    public ref NamedChoices<Treatment> Choices => ref choices;

    /// <summary>The <c>kind</c> of <see cref="Choices"/>, typed.</summary>
    public TreatmentKind Kind { get => (TreatmentKind)choices["kind"]!; set => choices["kind"] = BoxedEnum<TreatmentKind>.Of(value); }

    public Evidence Evidence { get; set; } = evidence;

    public string? Description { get => Wording["description"]; set => Wording["description"] = value; }
}

/// <summary>A rule: a criterion rule (criterion, LR+ and LR-) or a graded rule (parts and one ratio per count met).</summary>
internal sealed class RuleDraft : WordedDraft
{
    public RuleDraft(string id, Criterion criterion, double positive, double negative, Evidence evidence, string? description)
    {
        Id = id;
        Criterion = criterion;
        Positive = positive;
        Negative = negative;
        Evidence = evidence;
        Description = description;
    }

    public RuleDraft(string id, IEnumerable<Criterion> parts, IEnumerable<double?> ratiosByCount, Evidence evidence, string? description)
    {
        Id = id;
        Parts = [.. parts];
        RatiosByCount = [.. ratiosByCount];
        Evidence = evidence;
        Description = description;
    }

    public string Id { get; }

    /// <summary>The criterion of a criterion rule; null for a graded rule.</summary>
    public Criterion? Criterion { get; set; }

    public double Positive { get; set; }

    public double Negative { get; set; }

    /// <summary>The parts of a graded rule; null for a criterion rule.</summary>
    public List<Criterion>? Parts { get; }

    /// <summary>The ratio for each count of parts met (null entry: no figure); null for a criterion rule.</summary>
    public List<double?>? RatiosByCount { get; }

    public bool IsGraded => Parts is not null;

    public Evidence Evidence { get; set; }

    public string? Description { get => Wording["description"]; set => Wording["description"] = value; }

    /// <summary>Every finding the rule reads, in order of appearance.</summary>
    public IEnumerable<string> FindingIds() => Criterion?.FindingIds() ?? Parts!.SelectMany(p => p.FindingIds());
}

/// <summary>An evidence group of one cause: its members by rule id, each possibly joint.</summary>
internal sealed class GroupDraft(string id, string name) : NamedDraft(name)
{
    public string Id { get; } = id;

    public List<GroupMemberDraft> Members { get; } = [];
}

internal sealed class GroupMemberDraft(string ruleId, bool isJoint)
{
    public string? SourcePath { get; set; }

    public string RuleId { get; } = ruleId;

    public bool IsJoint { get; } = isJoint;
}

internal sealed class RecommendationDraft(string treatmentId, string? note, Evidence? evidence = null)
{
    private NamedChoices<TreatmentRecommendation> choices = new(TreatmentRecommendation.Choices);

    public string? SourcePath { get; set; }

    public string TreatmentId { get; } = treatmentId;

    /// <summary>The enumerated fields <see cref="TreatmentRecommendation.Choices"/> declares (<c>line</c>), each at its default until set.</summary>
    public ref NamedChoices<TreatmentRecommendation> Choices => ref choices;

    /// <summary>The <c>line</c> of <see cref="Choices"/>, typed, for the checks that compare it.</summary>
    public TreatmentLine Line { get => (TreatmentLine)choices["line"]!; set => choices["line"] = BoxedEnum<TreatmentLine>.Of(value); }

    public string? Note { get; set; } = note;

    public Evidence? Evidence { get; set; } = evidence;
}

internal sealed class CauseDraft(string id, string name) : NamedDraft(name)
{
    private NamedChoices<Cause> choices = new(Cause.Choices);

    public string Id { get; } = id;

    public string? Description { get => Wording["description"]; set => Wording["description"] = value; }

    /// <summary>The codes <see cref="Cause.Codes"/> declares, by name.</summary>
    public NamedTexts Codes { get; } = new([]);

    /// <summary>The numbers <see cref="Cause.Numbers"/> declares, by name.</summary>
    public NamedNumbers Numbers { get; } = new();

    public double? Prior { get; set; }

    public Evidence? PriorEvidence { get; set; }

    /// <summary>The enumerated fields <see cref="Cause.Choices"/> declares, by name, each at its default until set.</summary>
    public ref NamedChoices<Cause> Choices => ref choices;

    /// <summary>The <c>suspectedUrgency</c> of <see cref="Choices"/>, typed, for the checks that compare it.</summary>
    public Urgency SuspectedUrgency { get => (Urgency)choices["suspectedUrgency"]!; set => choices["suspectedUrgency"] = BoxedEnum<Urgency>.Of(value); }

    public RunningAdvice? RunningAdvice { get; set; }

    public List<RuleDraft> Rules { get; } = [];

    public List<GroupDraft> Groups { get; } = [];

    public List<RecommendationDraft> Recommendations { get; } = [];
}

internal sealed class RedFlagDraft(string id, string name) : NamedDraft(name)
{
    public string Id { get; } = id;

    public Criterion? Criterion { get; set; }

    public Urgency? Urgency { get; set; }

    public string? Action { get => Wording["action"]; set => Wording["action"] = value; }

    public RunningAdvice? RunningAdvice { get; set; }

    public Evidence? Evidence { get; set; }

    public List<string> SuspectedCauseIds { get; } = [];

    public Criterion? AskWhen { get; set; }

    public List<string> ScreeningFindingIds { get; } = [];
}
