namespace HipPain.Rules.Scoring;

/// <summary>
/// The one place where posterior log-odds become probabilities and shares of the differential, read by the full
/// result (<see cref="TriageEngine.Triage"/>), the span API's <see cref="TriageEngine.ToProbability"/> and the
/// interviewer's case analysis alike.
/// </summary>
/// <remarks>
/// Two forms of the logistic live here, each kept bitwise as it was: <see cref="Probability"/> (the result's
/// <see cref="RankedCause.Probability"/>) and <see cref="LogProbability"/> with its exponential
/// (<see cref="ProbabilityAndLog"/>), which the interviewer needs because its expected information gain reads the
/// logarithm as well. The two agree to within rounding, not bit for bit.
/// </remarks>
internal static class Posterior
{
    /// <summary>The logistic function 1 / (1 + e^-x), stable for large magnitudes: a cause's probability.</summary>
    public static double Probability(double logOdds) =>
        logOdds >= 0 ? 1 / (1 + Math.Exp(-logOdds)) : Math.Exp(logOdds) / (1 + Math.Exp(logOdds));

    /// <summary>ln(1 / (1 + e^-x)), computed without overflow: the log of a cause's probability.</summary>
    public static double LogProbability(double logOdds) =>
        logOdds >= 0 ? -Math.Log(1 + Math.Exp(-logOdds)) : logOdds - Math.Log(1 + Math.Exp(logOdds));

    /// <summary><c>Math.Exp(LogProbability(x))</c>, with <c>LogProbability(x)</c> in <paramref name="logProbability"/>.</summary>
    public static double ProbabilityAndLog(double logOdds, out double logProbability)
    {
        logProbability = LogProbability(logOdds);
        return Math.Exp(logProbability);
    }

    /// <summary>
    /// A cause's share of the differential: its probability divided by the sum over every cause, or 1 / count when
    /// the sum is not positive (every probability underflows), so that the shares always sum to 1.
    /// </summary>
    public static double Share(double probability, double total, int count) =>
        total > 0 ? probability / total : 1.0 / count;

    /// <summary>
    /// Writes each probability's <see cref="Share"/> into <paramref name="shares"/> (which may be the same span),
    /// summing in span order, and returns the sum.
    /// </summary>
    public static double Normalise(ReadOnlySpan<double> probabilities, Span<double> shares)
    {
        var total = 0.0;
        foreach (var probability in probabilities)
        {
            total += probability;
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            shares[c] = Share(probabilities[c], total, probabilities.Length);
        }

        return total;
    }
}
