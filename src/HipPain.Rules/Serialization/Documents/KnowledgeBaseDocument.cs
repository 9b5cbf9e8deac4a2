using System.Text.Json.Serialization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization.Documents;

// The JSON shapes, as plain mutable classes for the source generator. They never leave the assembly:
// readers map them to the immutable model and report every problem with its JSON path.

/// <summary>
/// What the roots of a knowledge-base and an overlay document share, written first and in this order:
/// <see cref="RootDocument"/>'s <c>$schema</c> and <c>formatVersion</c>, then <c>id</c>, <c>version</c>, <c>title</c>.
/// </summary>
internal abstract class PackDocument : RootDocument
{
    [JsonPropertyOrder(-3)]
    public string? Id { get; set; }

    [JsonPropertyOrder(-2)]
    public string? Version { get; set; }

    [JsonPropertyOrder(-1)]
    public string? Title { get; set; }
}

/// <summary>
/// A document of an item with wording: its wording is one store by JSON field name, so that the mapper and the writer
/// copy wording field by field (the fields of Model/Wording.cs) without naming each one. No document declares a wording
/// property: <see cref="WordingProperties"/> adds one JSON property per rewordable field of the item's kind to the
/// source-generated contract, reading and writing this store.
/// </summary>
internal abstract class WordedDocument
{
    private readonly NamedTexts texts = new([]);

    /// <summary>The text of a wording field, or null when the document has none.</summary>
    public string? Get(string field) => texts[field];

    /// <summary>Sets the text of a wording field.</summary>
    public void Set(string field, string? text) => texts[field] = text;

    /// <summary>Sets wording fields of <paramref name="document"/> (a null text gives none) and returns it.</summary>
    public static T With<T>(T document, params (string Field, string? Text)[] texts)
        where T : WordedDocument
    {
        foreach (var (field, text) in texts)
        {
            document.Set(field, text);
        }

        return document;
    }

    /// <summary>Every wording field the document gives, with its text.</summary>
    public IEnumerable<KeyValuePair<string, string>> Texts() => texts.Texts;
}

/// <summary>The root of a knowledge-base document (format version 1).</summary>
internal sealed class KnowledgeBaseDocument : PackDocument
{
    public string? TextCulture { get; set; }

    public List<StampDocument?>? DerivedFrom { get; set; }

    public List<FindingDocument>? Findings { get; set; }

    public List<TreatmentDocument>? Treatments { get; set; }

    public List<CauseDocument>? Causes { get; set; }

    public List<RedFlagDocument>? RedFlags { get; set; }
}

internal sealed class EvidenceDocument
{
    public string? Citation { get; set; }

    public string? Level { get; set; }

    public string? Status { get; set; }

    public string? Note { get; set; }
}

internal sealed class FindingDocument : WordedDocument, ICodedDocument
{
    private readonly NamedTexts codes = new([]);

    private readonly NamedNumbers numbers = new();

    private ChoiceSlots<string?> choiceNames;

    public string? Id { get; set; }

    /// <summary>A finding declares no clinical codes; the interface's store stays empty.</summary>
    NamedTexts ICodedDocument.Codes => codes;

    /// <summary>The numbers <see cref="Finding.Numbers"/> declares (<c>presentRate</c>); <see cref="ClinicalCodeProperties"/> adds their JSON properties.</summary>
    NamedNumbers ICodedDocument.Numbers => numbers;

    /// <summary>
    /// The enumerated fields <see cref="Finding.Choices"/> declares (<c>kind</c>, <c>region</c>), by their JSON names;
    /// <see cref="ClinicalCodeProperties"/> adds their JSON properties.
    /// </summary>
    ref ChoiceSlots<string?> IChoiceDocument.ChoiceNames => ref choiceNames;
}

internal sealed class TreatmentDocument : WordedDocument, IChoiceDocument
{
    private ChoiceSlots<string?> choiceNames;

    public string? Id { get; set; }

    /// <summary>
    /// The enumerated fields <see cref="Treatment.Choices"/> declares (<c>kind</c>), by their JSON names;
    /// <see cref="ClinicalCodeProperties"/> adds their JSON properties.
    /// </summary>
    ref ChoiceSlots<string?> IChoiceDocument.ChoiceNames => ref choiceNames;

    public EvidenceDocument? Evidence { get; set; }
}

internal sealed class RunningDocument
{
    public string? Restriction { get; set; }

    public string? Text { get; set; }
}

/// <summary>A recommendation of a cause. It has no <c>cause</c> property: the cause is the one it is written in.</summary>
internal class RecommendationDocument : IChoiceDocument
{
    private ChoiceSlots<string?> choiceNames;

    public string? TreatmentId { get; set; }

    /// <summary>
    /// The enumerated fields <see cref="TreatmentRecommendation.Choices"/> declares (<c>line</c>), by their JSON names;
    /// <see cref="ClinicalCodeProperties"/> adds their JSON properties.
    /// </summary>
    ref ChoiceSlots<string?> IChoiceDocument.ChoiceNames => ref choiceNames;

    public string? Note { get; set; }

    public EvidenceDocument? Evidence { get; set; }
}

/// <summary>A recommendation in an overlay's <c>addRecommendations</c>, which names the cause it belongs to.</summary>
internal sealed class OverlayRecommendationDocument : RecommendationDocument
{
    [JsonPropertyOrder(-1)]
    public string? Cause { get; set; }
}

internal sealed class RatioDocument
{
    public double? Positive { get; set; }

    public double? Negative { get; set; }
}

internal sealed class AgeDocument
{
    public int? Minimum { get; set; }

    public int? Maximum { get; set; }
}

/// <summary>A criterion: exactly one of the forms is set.</summary>
internal sealed class CriterionDocument
{
    public string? Present { get; set; }

    public string? Absent { get; set; }

    public List<CriterionDocument>? AllOf { get; set; }

    public List<CriterionDocument>? AnyOf { get; set; }

    public int? AtLeast { get; set; }

    public List<CriterionDocument>? Of { get; set; }

    public AgeDocument? Age { get; set; }

    public string? Sex { get; set; }
}

/// <summary>
/// A rule of a cause: either <c>criterion</c> and <c>ratio</c> (a criterion rule) or <c>graded</c> (a graded rule). It
/// has no <c>cause</c> property: the cause is the one it is written in.
/// </summary>
internal class RuleDocument : WordedDocument
{
    [JsonPropertyOrder(-2)]
    public string? Id { get; set; }

    public CriterionDocument? Criterion { get; set; }

    public RatioDocument? Ratio { get; set; }

    public GradedDocument? Graded { get; set; }

    public EvidenceDocument? Evidence { get; set; }
}

/// <summary>A rule in an overlay's <c>addRules</c> or <c>overrideRules</c>, which names the cause it belongs to.</summary>
internal sealed class OverlayRuleDocument : RuleDocument
{
    [JsonPropertyOrder(-1)]
    public string? Cause { get; set; }
}

/// <summary>A graded rule's parts and its ratio for each number of parts met (a null entry: no figure).</summary>
internal sealed class GradedDocument
{
    public List<CriterionDocument>? Parts { get; set; }

    public List<double?>? Ratios { get; set; }
}

/// <summary>An evidence group of a cause: rules of that cause, by id, that count once. It has no <c>cause</c> property: the cause is the one it is written in.</summary>
internal class GroupDocument : WordedDocument
{
    [JsonPropertyOrder(-2)]
    public string? Id { get; set; }

    public List<GroupMemberDocument>? Members { get; set; }
}

/// <summary>A group in an overlay's <c>addGroups</c> or <c>overrideGroups</c>, which may name the cause it belongs to.</summary>
internal sealed class OverlayGroupDocument : GroupDocument
{
    [JsonPropertyOrder(-1)]
    public string? Cause { get; set; }
}

internal sealed class GroupMemberDocument
{
    public string? Rule { get; set; }

    /// <summary>True for a joint member; false or left out for an ordinary one.</summary>
    public bool? Joint { get; set; }
}

internal sealed class CauseDocument : WordedDocument, ICodedDocument
{
    public string? Id { get; set; }

    private readonly NamedTexts codes = new([]);

    /// <summary>The codes <see cref="Cause.Codes"/> declares; <see cref="ClinicalCodeProperties"/> adds their JSON properties.</summary>
    NamedTexts ICodedDocument.Codes => codes;

    private readonly NamedNumbers numbers = new();

    /// <summary>The numbers <see cref="Cause.Numbers"/> declares; <see cref="ClinicalCodeProperties"/> adds their JSON properties.</summary>
    NamedNumbers ICodedDocument.Numbers => numbers;

    private ChoiceSlots<string?> choiceNames;

    /// <summary>
    /// The enumerated fields <see cref="Cause.Choices"/> declares (such as <c>suspectedUrgency</c>), by their JSON names;
    /// <see cref="ClinicalCodeProperties"/> adds their JSON properties.
    /// </summary>
    ref ChoiceSlots<string?> IChoiceDocument.ChoiceNames => ref choiceNames;

    public double? Prior { get; set; }

    public EvidenceDocument? PriorEvidence { get; set; }

    public RunningDocument? Running { get; set; }

    public List<RuleDocument>? Rules { get; set; }

    public List<GroupDocument>? Groups { get; set; }

    public List<RecommendationDocument>? Recommendations { get; set; }
}

internal sealed class RedFlagDocument : WordedDocument
{
    public string? Id { get; set; }

    public CriterionDocument? Criterion { get; set; }

    public string? Urgency { get; set; }

    public RunningDocument? Running { get; set; }

    public List<string>? Suspects { get; set; }

    public EvidenceDocument? Evidence { get; set; }

    public CriterionDocument? AskWhen { get; set; }

    public List<string>? Screen { get; set; }
}
