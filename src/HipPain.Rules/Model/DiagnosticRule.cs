namespace HipPain.Rules.Model;

/// <summary>
/// A rule that weighs the evidence for one cause. Two kinds: a <see cref="CriterionRule"/> applies LR+ when its
/// criterion is met and LR- when it is definitely not met; a <see cref="GradedRule"/> applies one likelihood ratio
/// per number of its parts met. Either may belong to one <see cref="EvidenceGroup"/> of its cause.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public abstract class DiagnosticRule
{
    /// <summary>A rule's wording: its description (the label of a composite rule).</summary>
    internal static readonly WordingKind<DiagnosticRule> Wording = new(
        TextKey.RulesSection,
        "rule",
        kb => kb.Rules,
        r => r.Id,
        new WordingField<DiagnosticRule>("description", r => r.Description, IsRewordable: true));

    private protected DiagnosticRule(string id, string causeId, Evidence evidence, string? description)
    {
        Id = id;
        CauseId = causeId;
        Evidence = evidence;
        Description = description;
    }

    /// <summary>The stable id; for a single-finding rule, <c>causeId/findingId</c>.</summary>
    public string Id { get; }

    /// <summary>The cause whose odds the rule changes.</summary>
    public string CauseId { get; }

    /// <summary>The source of the rule's likelihood ratios.</summary>
    public Evidence Evidence { get; }

    /// <summary>A display label, for example the name of a clinical prediction rule; null to use the criterion text.</summary>
    public string? Description { get; }

    /// <summary>True when the rule is a <see cref="CriterionRule"/> on one finding's state.</summary>
    public bool IsSingleFinding => this is CriterionRule { Criterion: FindingCriterion };

    /// <summary>The codes of every finding the rule reads, in order of appearance.</summary>
    /// <returns>The codes; a code appears once per place it is read.</returns>
    public abstract IReadOnlyList<string> FindingIds();
}
