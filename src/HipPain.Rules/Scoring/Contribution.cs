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
/// One decided rule's effect on one cause: the factor applied to the odds and its natural logarithm, with
/// the evidence behind it. A cause's posterior log-odds are its prior log-odds plus the sum of its
/// contributions' <see cref="LogOdds"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Contribution
{
    internal Contribution(DiagnosticRule rule, string label, bool met, double factor, double logOdds)
    {
        Rule = rule;
        Label = label;
        CriterionMet = met;
        Factor = factor;
        LogOdds = logOdds;
    }

    /// <summary>The rule.</summary>
    public DiagnosticRule Rule { get; }

    /// <summary>What was observed, in words, for example "Pain on single-leg stance (30 s): present".</summary>
    public string Label { get; }

    /// <summary>True when the criterion was met (LR+ applied), false when definitely not met (LR- applied).</summary>
    public bool CriterionMet { get; }

    /// <summary>The likelihood ratio applied to the odds.</summary>
    public double Factor { get; }

    /// <summary>The natural logarithm of <see cref="Factor"/>: positive for, negative against.</summary>
    public double LogOdds { get; }

    /// <summary>Which way the contribution pushes the cause.</summary>
    public ContributionDirection Direction => LogOdds > 0 ? ContributionDirection.For : LogOdds < 0 ? ContributionDirection.Against : ContributionDirection.Neutral;

    /// <summary>The source of the factor.</summary>
    public Evidence Evidence => Rule.Ratio.Evidence;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Label}: x{Factor:0.###} ({LogOdds:+0.000;-0.000;0.000} log-odds) [{Evidence.Citation}]");
}
