using System.Text.Json.Serialization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>The root of a clinic overlay document (format version 1).</summary>
internal sealed class OverlayDocument : PackDocument
{
    public AppliesToDocument? AppliesTo { get; set; }

    public List<PriorChangeDocument>? Priors { get; set; }

    public List<FindingNumbersDocument>? FindingNumbers { get; set; }

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
/// New clinical numbers for one finding of the base (<c>findingNumbers</c>): its id and each number
/// <see cref="Finding.Numbers"/> declares that the overlay changes (<c>presentRate</c>). A finding declares no codes or
/// enumerated fields here (its kind and region are not the overlay's to change); <see cref="ClinicalCodeProperties"/>
/// adds the numbers' JSON properties after <c>id</c>, so a number the model declares later needs no line here.
/// </summary>
internal sealed class FindingNumbersDocument : ICodedDocument
{
    private readonly NamedTexts codes = new([]);

    private readonly NamedNumbers numbers = new();

    private ChoiceSlots<string?> choiceNames;

    public string? Id { get; set; }

    /// <summary>The numbers given, by name; a number left out keeps the base finding's value.</summary>
    NamedNumbers ICodedDocument.Numbers => numbers;

    /// <summary>No codes: the store stays empty.</summary>
    NamedTexts ICodedDocument.Codes => codes;

    /// <summary>No enumerated fields: the slots stay empty.</summary>
    ref ChoiceSlots<string?> IChoiceDocument.ChoiceNames => ref choiceNames;
}

/// <summary>
/// New display text for one item: each field a kind's wording marks rewordable (Model/Wording.cs), for example
/// <c>name</c> for every kind and <c>patientQuestion</c> for findings. The applier refuses a field the item's kind does
/// not have. The fields are JSON properties that <see cref="WordingProperties"/> adds from the catalogue.
/// </summary>
internal sealed class TextChangeDocument : WordedDocument
{
    /// <summary>The text fields, by JSON name, in the order they are written in.</summary>
    public static IReadOnlyList<string> Fields => WordingProperties.TextChangeFields;

    public string? Id { get; set; }
}
