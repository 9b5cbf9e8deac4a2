using System.Text.Json.Serialization;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>The root of a clinic overlay document (format version 1).</summary>
internal sealed class OverlayDocument : PackDocument
{
    public AppliesToDocument? AppliesTo { get; set; }

    public List<PriorChangeDocument>? Priors { get; set; }

    public List<FindingDocument>? AddFindings { get; set; }

    public List<TreatmentDocument>? AddTreatments { get; set; }

    public List<CauseDocument>? AddCauses { get; set; }

    public List<OverlayRuleDocument>? AddRules { get; set; }

    public List<OverlayRuleDocument>? OverrideRules { get; set; }

    public List<string>? DisableRules { get; set; }

    public List<OverlayGroupDocument>? AddGroups { get; set; }

    public List<OverlayGroupDocument>? OverrideGroups { get; set; }

    public List<string>? DisableGroups { get; set; }

    public List<OverlayRecommendationDocument>? AddRecommendations { get; set; }

    public List<RedFlagDocument>? AddRedFlags { get; set; }

    public List<TextChangeDocument>? CauseText { get; set; }

    public List<TextChangeDocument>? FindingText { get; set; }

    public List<TextChangeDocument>? TreatmentText { get; set; }

    public List<TextChangeDocument>? RedFlagText { get; set; }
}

internal sealed class AppliesToDocument
{
    public string? Id { get; set; }

    public string? Version { get; set; }
}

internal sealed class PriorChangeDocument
{
    public string? Cause { get; set; }

    public double? Prior { get; set; }

    public EvidenceDocument? PriorEvidence { get; set; }
}

/// <summary>
/// New display text for one item. <c>Name</c> applies to every kind; <c>Description</c> to causes and
/// treatments; <c>Question</c> and <c>PatientQuestion</c> to findings; <c>Action</c> to red flags.
/// </summary>
internal sealed class TextChangeDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Question { get; set; }

    public string? PatientQuestion { get; set; }

    public string? Action { get; set; }
}
