namespace HipPain.Rules.Serialization;

/// <summary>One cause's prior estimated from a register (<see cref="CaseMixPriors.Estimate"/>).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CaseMixPrior
{
    internal CaseMixPrior(string causeId, int count, double basePrior, double baseShare, double registerShare, double estimate, double prior, bool keptAtBase)
    {
        CauseId = causeId;
        Count = count;
        BasePrior = basePrior;
        BaseShare = baseShare;
        RegisterShare = registerShare;
        Estimate = estimate;
        Prior = prior;
        KeptAtBase = keptAtBase;
    }

    /// <summary>The cause.</summary>
    public string CauseId { get; }

    /// <summary>The register's patients with this diagnosis (<c>n</c>).</summary>
    public int Count { get; }

    /// <summary>The base's prior for the cause.</summary>
    public double BasePrior { get; }

    /// <summary>The base's prior divided by the sum of the base's priors (<c>s</c>).</summary>
    public double BaseShare { get; }

    /// <summary>The register's own share, <c>n / N</c>.</summary>
    public double RegisterShare { get; }

    /// <summary>The estimate, <c>(n + k·s) / (N + k)</c>, unrounded.</summary>
    public double Estimate { get; }

    /// <summary>The prior the overlay sets: the estimate rounded to four significant digits, or the base's prior where <see cref="KeptAtBase"/>.</summary>
    public double Prior { get; }

    /// <summary>True when the cause is urgent or an emergency when suspected and the estimate was below the base's prior, which is kept.</summary>
    public bool KeptAtBase { get; }
}
