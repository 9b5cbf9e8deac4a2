namespace HipPain.Rules.Model;

/// <summary>
/// Links a criterion to a cause with likelihood ratios: when the criterion is met the cause's odds are
/// multiplied by LR+, when it is definitely not met by LR-, and when it is undecided they are unchanged.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CriterionRule : DiagnosticRule
{
    internal CriterionRule(string id, string causeId, Criterion criterion, LikelihoodRatio ratio, string? description)
        : base(id, causeId, ratio.Evidence, description)
    {
        Criterion = criterion;
        Ratio = ratio;
    }

    /// <summary>The condition the rule tests.</summary>
    public Criterion Criterion { get; }

    /// <summary>The likelihood ratios and their source.</summary>
    public LikelihoodRatio Ratio { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> FindingIds() => Criterion.FindingIds();

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Criterion} -> {CauseId} ({Ratio})";
}
