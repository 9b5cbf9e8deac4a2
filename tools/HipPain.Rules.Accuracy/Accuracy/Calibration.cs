using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HipPain.Rules.Accuracy;

/// <summary>One stated probability and whether the event it forecast happened.</summary>
/// <param name="Probability">The stated probability, from 0 to 1.</param>
/// <param name="Outcome">True when the forecast event happened (the cause was the reference or an accepted alternative).</param>
internal readonly record struct Forecast(double Probability, bool Outcome);

/// <summary>One cause's probability in one case.</summary>
/// <param name="CauseId">The cause.</param>
/// <param name="Probability">Its posterior probability in the result.</param>
/// <param name="PriorProbability">Its prior probability, before any finding.</param>
/// <param name="Outcome">True when the cause is the case's reference diagnosis or an accepted alternative.</param>
internal readonly record struct CauseForecast(string CauseId, double Probability, double PriorProbability, bool Outcome);

/// <summary>One cause's stated probabilities against how often it was the reference, over many cases.</summary>
/// <param name="CauseId">The cause.</param>
/// <param name="Cases">How many cases.</param>
/// <param name="MeanPrior">The cause's mean prior probability.</param>
/// <param name="MeanStated">Its mean posterior probability.</param>
/// <param name="Events">In how many cases it was the reference or an accepted alternative.</param>
/// <param name="Discrimination">
/// The area under the ROC curve of the cause's stated probability for "this case is the cause" over the same cases
/// (<see cref="Calibration.Discrimination"/>), with its standard error; null when every case or none is the cause.
/// </param>
internal sealed record CauseCalibration(string CauseId, int Cases, double MeanPrior, double MeanStated, int Events, AreaUnderCurve? Discrimination)
{
    /// <summary>
    /// The mean stated probability over the share of cases the cause was the reference for; a cause that was never the
    /// reference is counted as half a case, so that it sorts first and stays finite (it is printed as "no case").
    /// </summary>
    public double StatedOverReference => MeanStated * Cases / Math.Max(Events, 0.5);
}

/// <summary>An area under the ROC curve and its standard error.</summary>
/// <param name="Area">The probability that a case of the cause gets a higher stated probability than a case of another cause, ties counting half.</param>
/// <param name="StandardError">Hanley and McNeil's standard error (Radiology 1982;143:29-36).</param>
internal sealed record AreaUnderCurve(double Area, double StandardError);

/// <summary>One row of a reliability table: the forecasts whose probability falls in one interval.</summary>
/// <param name="Low">The interval's lower bound (included).</param>
/// <param name="High">The interval's upper bound (excluded, except 1 in the last interval).</param>
/// <param name="Count">How many forecasts fall in it.</param>
/// <param name="MeanPredicted">Their mean probability (0 when there are none).</param>
/// <param name="Events">How many of them happened.</param>
internal sealed record ReliabilityRow(double Low, double High, int Count, double MeanPredicted, int Events);

/// <summary>
/// A logistic recalibration fit, logit P(event) = a + b · logit(p) (Cox DR, Biometrika 1958;45:562-565): the slope b is
/// 1 and the intercept a is 0 when the stated probabilities are calibrated; a slope below 1 means they are too extreme
/// (too confident), above 1 too timid. Fitted by maximum likelihood with Newton-Raphson; the standard errors come from
/// the inverse of the observed information.
/// </summary>
/// <param name="Intercept">The fitted intercept a.</param>
/// <param name="Slope">The fitted slope b.</param>
/// <param name="InterceptStandardError">The intercept's standard error.</param>
/// <param name="SlopeStandardError">The slope's standard error.</param>
internal sealed record CalibrationFit(double Intercept, double Slope, double InterceptStandardError, double SlopeStandardError);

/// <summary>
/// How well the probabilities the results state match how often they come true, over every scored published set pooled:
/// the leading cause's probability and every cause's probability, each as a reliability table and a recalibration fit.
/// An analysis of the evaluation, never a change to the base (docs/accuracy.md, "Recalibrating the stated probabilities").
/// </summary>
internal static class Calibration
{
    /// <summary>The intervals of the leading probability's table (as in the first set's table, by fifths).</summary>
    public static readonly ImmutableArray<double> LeadingEdges = [0, 0.2, 0.4, 0.6, 0.8, 1];

    /// <summary>
    /// The intervals of the every-cause table: finer near 0, where most of a result's eighteen probabilities lie.
    /// </summary>
    public static readonly ImmutableArray<double> EveryCauseEdges = [0, 0.01, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1];

    /// <summary>Probabilities are held this far inside (0, 1) before their logit is taken, so that 0 and 1 stay finite.</summary>
    private const double Clamp = 1e-9;

    /// <summary>The normal quantile for a two-sided 95 % interval.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>Every scored published case in one report: both halves of the first set, then every holdout batch.</summary>
    /// <param name="published">Both halves of the first set.</param>
    /// <param name="holdouts">Every holdout batch (the reserved batch is never one).</param>
    public static AccuracyReport Pool(PublishedAccuracyReport published, IEnumerable<HoldoutAccuracyReport> holdouts) =>
        published.Development with { Outcomes = [.. published.Development.Outcomes, .. published.Test.Outcomes, .. holdouts.SelectMany(h => h.All.Outcomes)] };

    /// <summary>The leading cause's probability in each case, and whether that cause was right.</summary>
    /// <param name="report">The cases.</param>
    public static ImmutableArray<Forecast> Leading(AccuracyReport report) =>
        [.. report.Outcomes.Select(o => new Forecast(o.LeadingProbability, o.Top1))];

    /// <summary>Every cause's probability in each case, and whether that cause was the reference or an accepted alternative.</summary>
    /// <param name="report">The cases.</param>
    public static ImmutableArray<Forecast> EveryCause(AccuracyReport report) =>
        [.. report.Outcomes.SelectMany(o => o.Forecasts).Select(f => new Forecast(f.Probability, f.Outcome))];

    /// <summary>
    /// Per cause: its mean prior and stated probability against the share of cases it was the reference for
    /// (calibration in the large, cause by cause), highest ratio of stated to observed first, then by id.
    /// </summary>
    /// <param name="report">The cases.</param>
    public static ImmutableArray<CauseCalibration> PerCause(AccuracyReport report) =>
        [.. report.Outcomes.SelectMany(o => o.Forecasts)
            .GroupBy(f => f.CauseId, StringComparer.Ordinal)
            .Select(g => new CauseCalibration(
                g.Key,
                g.Count(),
                g.Average(f => f.PriorProbability),
                g.Average(f => f.Probability),
                g.Count(f => f.Outcome),
                g.Any(f => f.Outcome) && g.Any(f => !f.Outcome) ? Discrimination([.. g.Select(f => new Forecast(f.Probability, f.Outcome))]) : null))
            .OrderByDescending(c => c.StatedOverReference)
            .ThenBy(c => c.CauseId, StringComparer.Ordinal)];

    /// <summary>Sorts the forecasts into the intervals between consecutive edges.</summary>
    /// <param name="forecasts">The forecasts.</param>
    /// <param name="edges">At least two increasing edges from 0 to 1.</param>
    /// <returns>One row per interval, in order, empty intervals included.</returns>
    /// <exception cref="ArgumentException">The edges do not rise from 0 to 1, or a probability lies outside [0, 1].</exception>
    public static ImmutableArray<ReliabilityRow> Reliability(IReadOnlyCollection<Forecast> forecasts, ImmutableArray<double> edges)
    {
        if (edges.Length < 2 || edges[0] != 0 || edges[^1] != 1 || edges.Zip(edges.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException($"The edges must rise strictly from 0 to 1; got [{string.Join(", ", edges.Select(e => e.ToString(CultureInfo.InvariantCulture)))}].", nameof(edges));
        }

        foreach (var forecast in forecasts)
        {
            if (!(forecast.Probability is >= 0 and <= 1))
            {
                throw new ArgumentException(Invariant($"A probability must lie in [0, 1]; got {forecast.Probability}."), nameof(forecasts));
            }
        }

        var rows = ImmutableArray.CreateBuilder<ReliabilityRow>(edges.Length - 1);
        for (var i = 0; i < edges.Length - 1; i++)
        {
            var (low, high, last) = (edges[i], edges[i + 1], i == edges.Length - 2);
            var inBin = forecasts.Where(f => f.Probability >= low && (f.Probability < high || (last && f.Probability <= high))).ToList();
            rows.Add(new ReliabilityRow(low, high, inBin.Count, inBin.Count == 0 ? 0 : inBin.Average(f => f.Probability), inBin.Count(f => f.Outcome)));
        }

        return rows.MoveToImmutable();
    }

    /// <summary>Fits logit P(event) = a + b · logit(p) by maximum likelihood.</summary>
    /// <param name="forecasts">The forecasts; both events and non-events must occur.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">All forecasts have one outcome, or every probability is the same, so no slope can be fitted.</exception>
    /// <exception cref="InvalidOperationException">Newton-Raphson did not converge in 100 steps.</exception>
    public static CalibrationFit Fit(IReadOnlyCollection<Forecast> forecasts)
    {
        var events = forecasts.Count(f => f.Outcome);
        if (events == 0 || events == forecasts.Count)
        {
            throw new ArgumentException(Invariant($"A recalibration fit needs both events and non-events; {events} of {forecasts.Count} forecasts came true."), nameof(forecasts));
        }

        var points = forecasts.Select(f => (X: Logit(f.Probability), Y: f.Outcome ? 1.0 : 0.0)).ToList();
        if (points.All(p => p.X == points[0].X))
        {
            throw new ArgumentException("A recalibration fit needs at least two different probabilities.", nameof(forecasts));
        }

        var (a, b) = (0.0, 1.0);
        for (var step = 0; step < 100; step++)
        {
            var (ga, gb, haa, hab, hbb) = ScoreAndInformation(points, a, b);
            var determinant = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;
            (a, b) = (a + da, b + db);
            if (Math.Abs(da) < 1e-10 && Math.Abs(db) < 1e-10)
            {
                // The standard errors at the converged estimate: the diagonal of the inverse information.
                var (_, _, iaa, iab, ibb) = ScoreAndInformation(points, a, b);
                var det = (iaa * ibb) - (iab * iab);
                return new CalibrationFit(a, b, Math.Sqrt(ibb / det), Math.Sqrt(iaa / det));
            }
        }

        throw new InvalidOperationException(Invariant($"The recalibration fit did not converge in 100 Newton steps over {forecasts.Count} forecasts."));
    }

    /// <summary>The generated section of <c>docs/accuracy.md</c>: both tables and both fits, every scored set pooled.</summary>
    /// <param name="pooled">Every scored published case (<see cref="FigurePrecision.Sets"/>, last row).</param>
    public static string Render(AccuracyReport pooled)
    {
        var text = new StringBuilder();
        text.AppendLine("## How well the stated probabilities are calibrated (every scored set pooled)");
        text.AppendLine();
        text.AppendLine(Invariant($"Over the {pooled.Count} scored published cases (both halves and every holdout batch; the reserved batch is not among"));
        text.AppendLine("them): how often a stated probability comes true. A calibrated result is right about as often as it says, in");
        text.AppendLine("every row. The share that came true has its 95 % Wilson score interval. The fit is Cox's recalibration,");
        text.AppendLine("logit P(right) = a + b · logit(p): b = 1 and a = 0 when calibrated, b below 1 when the probabilities are too");
        text.AppendLine("extreme. These cases are published reports, two to four per cause, not a runners' clinic's mix, so the rows");
        text.AppendLine("measure the base on this mix; they are reported, not used to change it.");
        text.AppendLine();
        Table(text, "The leading cause's probability (one per case; it came true when the leading cause is the reference or an accepted alternative)", Leading(pooled), LeadingEdges);
        text.AppendLine();
        Table(text, "Every cause's probability (eighteen per case; each came true when that cause is the reference or an accepted alternative)", EveryCause(pooled), EveryCauseEdges);
        text.AppendLine();
        text.AppendLine("Cause by cause: the mean prior and the mean stated probability against the share of cases the cause was the");
        text.AppendLine("reference or an accepted alternative for. A ratio above 1 means the results state the cause more often than these");
        text.AppendLine("reports hold it; the reports hold every cause two to four times by design, so the ratio follows the prior. The last");
        text.AppendLine("column is the area under the ROC curve of the cause's probability over the same cases: how well the findings, age");
        text.AppendLine("and sex tell the cause's own cases from the others (0.5 is chance, 1 perfect). A cause's prior is the same in every");
        text.AppendLine("case, so the area does not depend on it: a low ratio with a high area is a prior far from this mix; a low area is");
        text.AppendLine("knowledge (or case texts) that do not tell the cause apart.");
        text.AppendLine();
        text.AppendLine("| Cause | Mean prior | Mean stated | Reference in (95 % interval) | Stated / reference | Area under the ROC curve (95 % interval) |");
        text.AppendLine("|---|---:|---:|---|---:|---|");
        foreach (var cause in PerCause(pooled))
        {
            var area = cause.Discrimination is { } d
                ? Invariant($"{d.Area:0.00} ({Math.Max(0, d.Area - (Z * d.StandardError)):0.00} to {Math.Min(1, d.Area + (Z * d.StandardError)):0.00})")
                : "no figure";
            text.AppendLine(Invariant($"| {cause.CauseId} | {cause.MeanPrior:0.000} | {cause.MeanStated:0.000} | {cause.Events} of {cause.Cases}: {Percent(cause.Events, cause.Cases)} | {(cause.Events == 0 ? "no case" : Invariant($"{cause.StatedOverReference:0.00}"))} | {area} |"));
        }

        return text.ToString();
    }

    /// <summary>
    /// The area under the ROC curve of the forecasts (the Mann-Whitney statistic: the share of pairs of one event and
    /// one non-event in which the event has the higher probability, ties counting half) with Hanley and McNeil's
    /// standard error. A cause's prior is the same in every case, so the area measures what the findings and the
    /// patient's age and sex tell apart, whatever the prior.
    /// </summary>
    /// <param name="forecasts">The forecasts; both events and non-events must occur.</param>
    /// <exception cref="ArgumentException">All forecasts have one outcome.</exception>
    public static AreaUnderCurve Discrimination(IReadOnlyCollection<Forecast> forecasts)
    {
        var positives = forecasts.Where(f => f.Outcome).Select(f => f.Probability).ToList();
        var negatives = forecasts.Where(f => !f.Outcome).Select(f => f.Probability).Order().ToArray();
        if (positives.Count == 0 || negatives.Length == 0)
        {
            throw new ArgumentException(Invariant($"An area under the curve needs both events and non-events; {positives.Count} of {forecasts.Count} forecasts came true."), nameof(forecasts));
        }

        // For each event: the non-events below it count 1 and those equal to it one half (binary search on the sorted
        // non-events, so the whole is n log n).
        var wins = 0.0;
        foreach (var p in positives)
        {
            var below = LowerBound(negatives, p);
            var upTo = UpperBound(negatives, p);
            wins += below + ((upTo - below) / 2.0);
        }

        var (n1, n2) = ((double)positives.Count, (double)negatives.Length);
        var area = wins / (n1 * n2);
        var q1 = area / (2 - area);
        var q2 = 2 * area * area / (1 + area);
        var variance = ((area * (1 - area)) + ((n1 - 1) * (q1 - (area * area))) + ((n2 - 1) * (q2 - (area * area)))) / (n1 * n2);
        return new AreaUnderCurve(area, Math.Sqrt(Math.Max(0, variance)));
    }

    /// <summary>The logit, with the probability held inside (0, 1).</summary>
    /// <param name="probability">A probability.</param>
    public static double Logit(double probability)
    {
        var p = Math.Clamp(probability, Clamp, 1 - Clamp);
        return Math.Log(p / (1 - p));
    }

    private static void Table(StringBuilder text, string title, ImmutableArray<Forecast> forecasts, ImmutableArray<double> edges)
    {
        text.AppendLine(Invariant($"{title}:"));
        text.AppendLine();
        text.AppendLine("| Stated probability | Forecasts | Mean stated | Came true (95 % interval) |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var row in Reliability(forecasts, edges))
        {
            text.AppendLine(row.Count == 0
                ? Invariant($"| {row.Low:0.00}-{row.High:0.00} | 0 | | |")
                : Invariant($"| {row.Low:0.00}-{row.High:0.00} | {row.Count} | {row.MeanPredicted:0.000} | {row.Events}: {Percent(row.Events, row.Count)} |"));
        }

        var fit = Fit(forecasts);
        var mean = forecasts.Average(f => f.Probability);
        var observed = (double)forecasts.Count(f => f.Outcome) / forecasts.Length;
        text.AppendLine();
        text.AppendLine(Invariant($"Mean stated {mean:0.000} against {observed:0.000} came true. Recalibration fit: slope b = {fit.Slope:0.00} ({fit.Slope - (Z * fit.SlopeStandardError):0.00} to {fit.Slope + (Z * fit.SlopeStandardError):0.00}), intercept a = {fit.Intercept:0.00} ({fit.Intercept - (Z * fit.InterceptStandardError):0.00} to {fit.Intercept + (Z * fit.InterceptStandardError):0.00})."));
    }

    // The score vector (ga, gb) and the information matrix (haa, hab; hab, hbb) of the logistic likelihood at (a, b).
    private static (double Ga, double Gb, double Haa, double Hab, double Hbb) ScoreAndInformation(List<(double X, double Y)> points, double a, double b)
    {
        double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
        foreach (var (x, y) in points)
        {
            var mu = 1 / (1 + Math.Exp(-(a + (b * x))));
            var w = mu * (1 - mu);
            ga += y - mu;
            gb += (y - mu) * x;
            haa += w;
            hab += w * x;
            hbb += w * x * x;
        }

        return (ga, gb, haa, hab, hbb);
    }

    // The index of the first element not below the value, and of the first element above it.
    private static int LowerBound(double[] sorted, double value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = sorted[mid] < value ? (mid + 1, high) : (low, mid);
        }

        return low;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = sorted[mid] <= value ? (mid + 1, high) : (low, mid);
        }

        return low;
    }

    private static string Percent(int count, int total)
    {
        var (lower, upper) = FigurePrecision.Wilson(count, total);
        return Invariant($"{100.0 * count / total:0.0} % ({100 * lower:0.0} to {100 * upper:0.0})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
