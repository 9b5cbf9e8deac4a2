using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>Which way a contribution pushes a cause.</summary>
public enum ContributionDirection
{
    /// <summary>The factor is 1: the rule was decided but carries no evidence in that direction.</summary>
    Neutral = 0,

    /// <summary>The factor is above 1: evidence for the cause.</summary>
    For = 1,

    /// <summary>The factor is below 1: evidence against the cause.</summary>
    Against = 2,
}

/// <summary>
/// One decided rule's effect on one cause: the factor applied to the odds and its natural logarithm, with the
/// evidence behind it. A cause's posterior log-odds are its prior log-odds plus the sum of its contributions'
/// <see cref="LogFactor"/>. A rule of an evidence group contributes only when it counts for its group (its joint
/// figure, or the group's strongest member for or against the cause); it then names its <see cref="Group"/> and
/// lists the decided members it stands for in <see cref="Subsumed"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Contribution
{
    internal Contribution(DiagnosticRule rule, string label, bool? met, int? partsMet, double factor, double logFactor, EvidenceGroup? group, ImmutableArray<Contribution> subsumed)
    {
        Rule = rule;
        Label = label;
        CriterionMet = met;
        PartsMet = partsMet;
        Factor = factor;
        LogFactor = logFactor;
        Group = group;
        Subsumed = subsumed;
    }

    /// <summary>The rule.</summary>
    public DiagnosticRule Rule { get; }

    /// <summary>What was observed, in words, for example "Pain on single-leg stance (30 s): present" or "Kocher criteria: 3 of 4 met".</summary>
    public string Label { get; }

    /// <summary>
    /// For a <see cref="CriterionRule"/>: true when the criterion was met (LR+ applied), false when definitely not met
    /// (LR- applied). Null for a <see cref="GradedRule"/>, whose outcome is <see cref="PartsMet"/>.
    /// </summary>
    public bool? CriterionMet { get; }

    /// <summary>
    /// For a <see cref="GradedRule"/>: how many parts were met (the entry of that count applied; unknown parts, if any,
    /// could not change it). Null for a <see cref="CriterionRule"/>.
    /// </summary>
    public int? PartsMet { get; }

    /// <summary>The likelihood ratio applied to the odds; 1 for a graded count whose entry is null (no figure).</summary>
    public double Factor { get; }

    /// <summary>
    /// The natural logarithm of <see cref="Factor"/>: what the rule adds to the cause's log-odds, positive for,
    /// negative against. (A cause's log-odds themselves are <see cref="RankedCause.LogOdds"/>.)
    /// </summary>
    public double LogFactor { get; }

    /// <summary>Which way the contribution pushes the cause.</summary>
    public ContributionDirection Direction => LogFactor > 0 ? ContributionDirection.For : LogFactor < 0 ? ContributionDirection.Against : ContributionDirection.Neutral;

    /// <summary>The source of the factor.</summary>
    public Evidence Evidence => Rule.Evidence;

    /// <summary>The evidence group the rule counted for; null when the rule belongs to no group.</summary>
    public EvidenceGroup? Group { get; }

    /// <summary>
    /// The other decided members of <see cref="Group"/> that this contribution stands for, in the group's order, each
    /// with the factor it would have applied on its own (not applied: the group counts once). For a joint figure, every
    /// other decided member; for the group's strongest member for the cause, the other members for it and the neutral
    /// ones; for the strongest member against, the other members against (and the neutral ones when none is for).
    /// Empty for a rule in no group.
    /// </summary>
    public ImmutableArray<Contribution> Subsumed { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Label}: x{Factor:0.###} ({LogFactor:+0.000;-0.000;0.000} log-odds) [{Evidence.Citation}]")
        + (Group is null ? string.Empty : $" for group {Group.Id}" + (Subsumed.IsEmpty ? string.Empty : $", standing for {string.Join(", ", Subsumed.Select(s => s.Rule.Id))}"));
}
