namespace HipPain.Rules.Model;

/// <summary>
/// A pair of likelihood ratios with their source: <see cref="Positive"/> (LR+) applies when a rule's
/// criterion is met (the finding is present), <see cref="Negative"/> (LR-) when it is definitely not met
/// (the finding is absent). A ratio of 1 means the outcome carries no evidence.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LikelihoodRatio
{
    internal LikelihoodRatio(double positive, double negative, Evidence evidence)
    {
        Positive = positive;
        Negative = negative;
        Evidence = evidence;
    }

    /// <summary>LR+: the factor on the odds of the cause when the criterion is met.</summary>
    public double Positive { get; }

    /// <summary>LR-: the factor on the odds of the cause when the criterion is definitely not met.</summary>
    public double Negative { get; }

    /// <summary>The source of both figures.</summary>
    public Evidence Evidence { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"LR+ {Positive:0.###}, LR- {Negative:0.###}");
}
