namespace HipPain.Rules.Model;

/// <summary>
/// Links a criterion to a cause with likelihood ratios: when the criterion is met the cause's odds are
/// multiplied by LR+, when it is definitely not met by LR-, and when it is undecided they are unchanged.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class DiagnosticRule
{
    internal DiagnosticRule(string id, string causeId, Criterion criterion, LikelihoodRatio ratio, string? description)
    {
        Id = id;
        CauseId = causeId;
        Criterion = criterion;
        Ratio = ratio;
        Description = description;
    }

    /// <summary>The stable id; for a single-finding rule, <c>causeId/findingId</c>.</summary>
    public string Id { get; }

    /// <summary>The cause whose odds the rule changes.</summary>
    public string CauseId { get; }

    /// <summary>The condition the rule tests.</summary>
    public Criterion Criterion { get; }

    /// <summary>The likelihood ratios and their source.</summary>
    public LikelihoodRatio Ratio { get; }

    /// <summary>A display label, for example the name of a clinical prediction rule; null to use the criterion text.</summary>
    public string? Description { get; }

    /// <summary>True when the criterion is one finding's state.</summary>
    public bool IsSingleFinding => Criterion is FindingCriterion;

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Criterion} -> {CauseId} ({Ratio})";
}
