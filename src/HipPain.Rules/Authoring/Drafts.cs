using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

// Mutable drafts behind the builders. They are never exposed: Build() validates them and copies them
// into the immutable model. SourcePath, when set, is where the item came from (a JSON path such as
// "$.causes[3]"); the validator reports problems there instead of at the id-keyed path.
internal sealed class FindingDraft(string id, string name, FindingKind kind, BodyRegion region, string? question, string? patientQuestion)
{
    public string? SourcePath { get; set; }

    public string Id { get; } = id;

    public string Name { get; set; } = name;

    public FindingKind Kind { get; set; } = kind;

    public BodyRegion Region { get; set; } = region;

    public string? Question { get; set; } = question;

    public string? PatientQuestion { get; set; } = patientQuestion;
}

internal sealed class TreatmentDraft(string id, string name, TreatmentKind kind, Evidence evidence, string? description)
{
    public string? SourcePath { get; set; }

    public string Id { get; } = id;

    public string Name { get; set; } = name;

    public TreatmentKind Kind { get; set; } = kind;

    public Evidence Evidence { get; set; } = evidence;

    public string? Description { get; set; } = description;
}

internal sealed class RuleDraft(string id, Criterion criterion, double positive, double negative, Evidence evidence, string? description)
{
    public string? SourcePath { get; set; }

    public string Id { get; } = id;

    public Criterion Criterion { get; set; } = criterion;

    public double Positive { get; set; } = positive;

    public double Negative { get; set; } = negative;

    public Evidence Evidence { get; set; } = evidence;

    public string? Description { get; set; } = description;
}

internal sealed class RecommendationDraft(string treatmentId, TreatmentLine line, string? note)
{
    public string? SourcePath { get; set; }

    public string TreatmentId { get; } = treatmentId;

    public TreatmentLine Line { get; set; } = line;

    public string? Note { get; set; } = note;
}

internal sealed class CauseDraft(string id, string name)
{
    public string? SourcePath { get; set; }

    public string Id { get; } = id;

    public string Name { get; set; } = name;

    public string? Description { get; set; }

    public string? Icd10 { get; set; }

    public string? SnomedCt { get; set; }

    public double? Prior { get; set; }

    public Evidence? PriorEvidence { get; set; }

    public Urgency SuspectedUrgency { get; set; } = Urgency.Routine;

    public RunningAdvice? RunningAdvice { get; set; }

    public List<RuleDraft> Rules { get; } = [];

    public List<RecommendationDraft> Recommendations { get; } = [];
}

internal sealed class RedFlagDraft(string id, string name)
{
    public string? SourcePath { get; set; }

    public string Id { get; } = id;

    public string Name { get; set; } = name;

    public Criterion? Criterion { get; set; }

    public Urgency? Urgency { get; set; }

    public string? Action { get; set; }

    public RunningAdvice? RunningAdvice { get; set; }

    public Evidence? Evidence { get; set; }

    public List<string> SuspectedCauseIds { get; } = [];

    public Criterion? AskWhen { get; set; }

    public List<string> ScreeningFindingIds { get; } = [];
}
