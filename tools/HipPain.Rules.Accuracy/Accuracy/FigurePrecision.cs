using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HipPain.Rules.Accuracy;

/// <summary>
/// How precise each published set's figures are: top-1, top-3 and under-triage as counts with 95 % Wilson score
/// intervals, per set, for the holdout batches pooled and for every scored set pooled, then per cause over every scored
/// set. A set of about fifty cases measures a share to within roughly ten to thirteen points either way; the table says
/// so beside every figure.
/// </summary>
internal static class FigurePrecision
{
    /// <summary>The name of the last row of the table: both halves and every holdout batch together.</summary>
    public const string EverySetPooled = "Every scored set pooled";

    /// <summary>The name of the row before it: every holdout batch together.</summary>
    public const string HoldoutBatchesPooled = "Holdout batches pooled";

    /// <summary>The normal quantile for a two-sided 95 % interval.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval for a binomial share (Wilson EB, J Am Stat Assoc 1927;22:209-212), which stays inside
    /// [0, 1] and keeps its coverage for small counts and shares near 0 or 1, unlike the normal approximation.
    /// </summary>
    /// <param name="successes">The count, from 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of cases, at least 1.</param>
    /// <returns>The lower and upper bounds of the 95 % interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or above the trials, or there are no trials.</exception>
    public static (double Lower, double Upper) Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var p = (double)successes / trials;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The sets of the table: both halves, each holdout batch, then (with more than one batch) the batches pooled and
    /// every scored set pooled (both halves and every batch; the reserved batch is never among them).
    /// </summary>
    /// <param name="published">Both halves of the first set.</param>
    /// <param name="holdouts">Every holdout batch, oldest first.</param>
    public static ImmutableArray<(string Name, AccuracyReport Report)> Sets(PublishedAccuracyReport published, IReadOnlyList<HoldoutAccuracyReport> holdouts)
    {
        var sets = ImmutableArray.CreateBuilder<(string, AccuracyReport)>();
        sets.Add(("Development half", published.Development));
        sets.Add(("Test half", published.Test));
        foreach (var holdout in holdouts)
        {
            sets.Add((holdout.Batch.Name, holdout.All));
        }

        if (holdouts.Count > 1)
        {
            var first = holdouts[0].All;
            sets.Add((HoldoutBatchesPooled, first with { Outcomes = [.. holdouts.SelectMany(h => h.All.Outcomes)] }));
            sets.Add((EverySetPooled, first with { Outcomes = [.. published.Development.Outcomes, .. published.Test.Outcomes, .. holdouts.SelectMany(h => h.All.Outcomes)] }));
        }

        return sets.ToImmutable();
    }

    /// <summary>The generated section of <c>docs/accuracy.md</c>.</summary>
    /// <param name="published">Both halves of the first set.</param>
    /// <param name="holdouts">Every holdout batch, oldest first.</param>
    public static string Render(PublishedAccuracyReport published, IReadOnlyList<HoldoutAccuracyReport> holdouts)
    {
        var text = new StringBuilder();
        text.AppendLine("## How precise the figures are");
        text.AppendLine();
        text.AppendLine("Each figure is a count of cases, with its 95 % Wilson score interval: the range of shares that the count is");
        text.AppendLine("consistent with, given how many cases the set holds. Two sets whose intervals overlap widely do not show that the");
        text.AppendLine("base does better on one than on the other.");
        text.AppendLine();
        text.AppendLine("| Set | Cases | Top-1 | Top-3 | Under-triaged, provisional counted, of the urgent or emergency cases |");
        text.AppendLine("|---|---:|---|---|---|");
        var sets = Sets(published, holdouts);
        foreach (var (name, report) in sets)
        {
            text.AppendLine(Invariant($"| {name} | {report.Count} | {Share(report.Outcomes.Count(o => o.Top1), report.Count)} | {Share(report.Outcomes.Count(o => o.Top3), report.Count)} | {Share(report.UnderTriagedAllowingProvisionalCount, report.UrgentOrEmergencyCount)} |"));
        }

        if (sets[^1] is (EverySetPooled, var pooled))
        {
            text.AppendLine();
            text.AppendLine("Per cause, every scored set pooled (by reference diagnosis), lowest top-1 first. The last column counts the urgent");
            text.AppendLine("or emergency cases whose result neither reached the expected urgency nor asked first a red flag that names the");
            text.AppendLine("reference at that urgency or above.");
            text.AppendLine();
            text.AppendLine("| Cause | Cases | Top-1 | Top-3 | Under-triaged, provisional counted, of the urgent or emergency cases |");
            text.AppendLine("|---|---:|---|---|---|");
            foreach (var cause in PerCause(pooled))
            {
                text.AppendLine(Invariant($"| {cause.Cause} | {cause.Report.Count} | {Share(cause.Report.Outcomes.Count(o => o.Top1), cause.Report.Count)} | {Share(cause.Report.Outcomes.Count(o => o.Top3), cause.Report.Count)} | {(cause.Report.UrgentOrEmergencyCount == 0 ? "none urgent" : Share(cause.Report.UnderTriagedAllowingProvisionalCount, cause.Report.UrgentOrEmergencyCount))} |"));
            }
        }

        return text.ToString();
    }

    /// <summary>One report per reference diagnosis, lowest top-1 share first (ties by name), every case kept.</summary>
    /// <param name="report">The cases to split.</param>
    public static ImmutableArray<(string Cause, AccuracyReport Report)> PerCause(AccuracyReport report) =>
        [.. report.Outcomes
            .GroupBy(o => o.Vignette.Reference, StringComparer.Ordinal)
            .Select(g => (Cause: g.Key, Report: report with { Outcomes = [.. g] }))
            .OrderBy(c => c.Report.Top1)
            .ThenBy(c => c.Cause, StringComparer.Ordinal)];

    private static string Share(int count, int total)
    {
        if (total == 0)
        {
            return "no cases";
        }

        var (lower, upper) = Wilson(count, total);
        return Invariant($"{count} of {total}: {100.0 * count / total:0.0} % ({100 * lower:0.0} to {100 * upper:0.0})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
