using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HipPain.Rules.Accuracy;

/// <summary>One set's figures beside the reference model's.</summary>
/// <param name="Name">The set's name.</param>
/// <param name="Cases">How many cases.</param>
/// <param name="EngineTop1">Cases whose reference or accepted alternative the shipped base ranks first.</param>
/// <param name="EngineTop3">The same within the first three.</param>
/// <param name="EqualPriorTop1">Top-1 cases of the shipped base with every prior equal (the case-mix analysis's third scenario).</param>
/// <param name="EqualPriorTop3">The same within the first three.</param>
/// <param name="ModelTop1">Top-1 cases of the model learnt from the other sets' cases.</param>
/// <param name="ModelTop3">The same within the first three.</param>
/// <param name="FittedTop1">Top-1 cases of the model learnt from every set, this case included (it has seen the answer).</param>
/// <param name="FittedTop3">The same within the first three.</param>
internal sealed record CeilingRow(
    string Name,
    int Cases,
    int EngineTop1,
    int EngineTop3,
    int EqualPriorTop1,
    int EqualPriorTop3,
    int ModelTop1,
    int ModelTop3,
    int FittedTop1,
    int FittedTop3);

/// <summary>
/// What the published cases' own mapped statements can support: a reference for issue 11's targets, never a model the
/// library uses. A Bernoulli naive Bayes classifier (every cause equally likely before any finding, Laplace smoothing)
/// is learnt from the mapped codes (each present and each absent code a feature), the age band and the sex of the cases
/// of every scored set but one, and ranks the causes of each case of the set left out. Its figures say how far a model
/// that has learnt the case reports' own patterns, with their own case mix, gets on a set it has not seen; a second
/// model learnt from every set, the case itself included, says what a model that has seen the answer gets. Neither is a
/// proven upper bound (a more flexible learner could do better), and neither is a source for a weight: the case reports
/// are not a clinic's patients, and a ratio read off them would be tuning to the evaluation. The reserved batch is not
/// read.
/// </summary>
internal static class StatementCeiling
{
    /// <summary>The Laplace smoothing added to every feature's count (one case each way).</summary>
    public const double Smoothing = 1.0;

    /// <summary>The features of one case: each mapped code with its state, the age band and the sex where stated.</summary>
    /// <param name="vignette">The prepared case.</param>
    public static ImmutableSortedSet<string> Features(Vignette vignette)
    {
        var features = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var code in vignette.Present)
        {
            features.Add("+" + code);
        }

        foreach (var code in vignette.Absent)
        {
            features.Add("-" + code);
        }

        if (vignette.Age is { } age)
        {
            features.Add(age switch
            {
                < 18 => "age:under-18",
                < 40 => "age:18-39",
                < 60 => "age:40-59",
                _ => "age:60-or-over",
            });
        }

        if (vignette.Sex != Model.Sex.Unspecified)
        {
            features.Add("sex:" + vignette.Sex.ToString().ToLowerInvariant());
        }

        return features.ToImmutable();
    }

    /// <summary>
    /// Ranks the causes for one case with a model learnt from <paramref name="training"/>: for each cause, the sum over
    /// every feature seen in training of log p (feature stated) or log (1 - p) (not stated), where p is the cause's
    /// share of training cases stating it, smoothed. Ties (a cause with no training case) keep the order of <paramref name="causes"/>.
    /// </summary>
    /// <param name="training">The cases the model learns from.</param>
    /// <param name="causes">Every cause id, in a fixed order.</param>
    /// <param name="vignette">The case to rank.</param>
    /// <exception cref="ArgumentException">No cause is given, or a training case's reference is not one of <paramref name="causes"/>.</exception>
    public static ImmutableArray<string> Rank(IReadOnlyCollection<Vignette> training, IReadOnlyList<string> causes, Vignette vignette)
    {
        ArgumentOutOfRangeException.ThrowIfZero(causes.Count);
        var perCause = causes.ToDictionary(c => c, _ => (Cases: 0, Counts: new Dictionary<string, int>(StringComparer.Ordinal)), StringComparer.Ordinal);
        var vocabulary = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var trained in training)
        {
            if (!perCause.TryGetValue(trained.Reference, out var entry))
            {
                throw new ArgumentException($"{trained.Id}: reference '{trained.Reference}' is not one of the causes.", nameof(training));
            }

            var features = Features(trained);
            foreach (var feature in features)
            {
                entry.Counts[feature] = entry.Counts.GetValueOrDefault(feature) + 1;
                vocabulary.Add(feature);
            }

            perCause[trained.Reference] = (entry.Cases + 1, entry.Counts);
        }

        var stated = Features(vignette);
        var scores = causes.Select((cause, order) =>
        {
            var (cases, counts) = perCause[cause];
            var logLikelihood = 0.0;
            foreach (var feature in vocabulary)
            {
                var p = (counts.GetValueOrDefault(feature) + Smoothing) / (cases + (2 * Smoothing));
                logLikelihood += Math.Log(stated.Contains(feature) ? p : 1 - p);
            }

            return (Cause: cause, Order: order, Score: logLikelihood);
        });

        return [.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.Order).Select(s => s.Cause)];
    }

    /// <summary>
    /// Scores each set with a model learnt from the other sets, and with one learnt from every set, beside the engine's
    /// figures as shipped and with equal priors: one row per set, then every set pooled, then one row per cause (every
    /// set pooled, named by the cause id).
    /// </summary>
    /// <param name="causes">Every cause id of the base.</param>
    /// <param name="shipped">Each scored set as the shipped base scores it.</param>
    /// <param name="equalPriors">The same sets, in the same order, scored with every prior equal.</param>
    /// <exception cref="ArgumentException">The two lists do not hold the same sets and cases in the same order.</exception>
    public static ImmutableArray<CeilingRow> Evaluate(IReadOnlyList<string> causes, IReadOnlyList<(string Name, AccuracyReport Report)> shipped, IReadOnlyList<(string Name, AccuracyReport Report)> equalPriors)
    {
        if (shipped.Count != equalPriors.Count
            || shipped.Zip(equalPriors).Any(p => p.First.Name != p.Second.Name
                || !p.First.Report.Outcomes.Select(o => o.Vignette.Id).SequenceEqual(p.Second.Report.Outcomes.Select(o => o.Vignette.Id), StringComparer.Ordinal)))
        {
            throw new ArgumentException("The shipped and equal-prior results must hold the same sets and cases in the same order.", nameof(equalPriors));
        }

        var all = shipped.SelectMany(s => s.Report.Outcomes.Select(o => o.Vignette)).ToList();
        var perCase = new List<(string Set, string Cause, CeilingRow Row)>();
        foreach (var ((name, report), (_, equal)) in shipped.Zip(equalPriors))
        {
            var held = report.Outcomes.Select(o => o.Vignette.Id).ToHashSet(StringComparer.Ordinal);
            var training = all.Where(v => !held.Contains(v.Id)).ToList();
            foreach (var (outcome, equalOutcome) in report.Outcomes.Zip(equal.Outcomes))
            {
                var vignette = outcome.Vignette;
                var model = Hits(Rank(training, causes, vignette), vignette);
                var fitted = Hits(Rank(all, causes, vignette), vignette);
                perCase.Add((name, vignette.Reference, new CeilingRow(
                    vignette.Id,
                    1,
                    One(outcome.Top1),
                    One(outcome.Top3),
                    One(equalOutcome.Top1),
                    One(equalOutcome.Top3),
                    One(model.Top1),
                    One(model.Top3),
                    One(fitted.Top1),
                    One(fitted.Top3))));
            }
        }

        var rows = ImmutableArray.CreateBuilder<CeilingRow>();
        rows.AddRange(shipped.Select(s => Sum(s.Name, perCase.Where(c => c.Set == s.Name).Select(c => c.Row))));
        rows.Add(Sum(PooledName, perCase.Select(c => c.Row)));
        rows.AddRange(causes.Where(c => perCase.Any(p => p.Cause == c)).Select(c => Sum(c, perCase.Where(p => p.Cause == c).Select(p => p.Row))));
        return rows.ToImmutable();
    }

    /// <summary>The name of the row that pools every scored set.</summary>
    public const string PooledName = "Every scored set pooled";

    private static int One(bool hit) => hit ? 1 : 0;

    /// <summary>Adds rows up under a new name.</summary>
    private static CeilingRow Sum(string name, IEnumerable<CeilingRow> rows) =>
        rows.Aggregate(
            new CeilingRow(name, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            (total, r) => new CeilingRow(
                name,
                total.Cases + r.Cases,
                total.EngineTop1 + r.EngineTop1,
                total.EngineTop3 + r.EngineTop3,
                total.EqualPriorTop1 + r.EqualPriorTop1,
                total.EqualPriorTop3 + r.EqualPriorTop3,
                total.ModelTop1 + r.ModelTop1,
                total.ModelTop3 + r.ModelTop3,
                total.FittedTop1 + r.FittedTop1,
                total.FittedTop3 + r.FittedTop3));

    /// <summary>The rows for the case-mix analysis's results: its first scenario (as shipped) and its last (every prior equal).</summary>
    /// <param name="caseMix">The results of <see cref="CaseMixSensitivity.Evaluate"/>.</param>
    /// <exception cref="ArgumentException">There are fewer than two scenarios.</exception>
    public static ImmutableArray<CeilingRow> FromCaseMix(ImmutableArray<CaseMixResult> caseMix)
    {
        if (caseMix.Length < 2)
        {
            throw new ArgumentException("The case-mix analysis must hold the shipped scenario and the equal-prior scenario.", nameof(caseMix));
        }

        var causes = caseMix[0].Scenario.KnowledgeBase.Causes.Select(c => c.Id).ToList();
        return Evaluate(causes, caseMix[0].Sets, caseMix[^1].Sets);
    }

    /// <summary>Whether a ranking puts the reference or an accepted alternative first, and within the first three.</summary>
    /// <param name="ranking">The causes, most likely first.</param>
    /// <param name="vignette">The case.</param>
    public static (bool Top1, bool Top3) Hits(IReadOnlyList<string> ranking, Vignette vignette)
    {
        bool Accepted(string cause) => cause == vignette.Reference || vignette.Alternatives.Contains(cause);
        return (ranking.Count > 0 && Accepted(ranking[0]), ranking.Take(3).Any(Accepted));
    }

    /// <summary>The generated markdown section.</summary>
    /// <param name="rows">The rows of <see cref="Evaluate"/>.</param>
    public static string Render(ImmutableArray<CeilingRow> rows)
    {
        var md = new StringBuilder();
        md.AppendLine("## What the cases' own statements support (a reference model, not a change)");
        md.AppendLine();
        md.AppendLine("By `--ceiling`. For each scored set, a Bernoulli naive Bayes model (every cause equally likely, Laplace");
        md.AppendLine("smoothing of one) is learnt from the mapped codes, age band and sex of the cases of every other scored set and");
        md.AppendLine("ranks the causes of the set left out (\"learnt from the other sets\"); a second model is learnt from every set, the");
        md.AppendLine("case itself included (\"has seen the case\"). They use nothing the engine does not see, and the reserved batch is not");
        md.AppendLine("read. Neither is a proven upper bound, and neither is a source for any weight: they show what the statements the");
        md.AppendLine("case reports make can carry, on the case reports' own mix, beside what the base does with the same statements.");
        md.AppendLine();
        md.AppendLine("| Set | Cases | Engine as shipped, top-1 / top-3 | Engine, every prior equal | Learnt from the other sets | Has seen the case |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        var pooled = rows.IndexOf(rows.Single(r => r.Name == PooledName));
        foreach (var row in rows.Take(pooled + 1))
        {
            md.AppendLine(Line(row));
        }

        md.AppendLine();
        md.AppendLine("Per cause, every scored set pooled (the learnt model's figures are for the set each case was left out of):");
        md.AppendLine();
        md.AppendLine("| Cause | Cases | Engine as shipped, top-1 / top-3 | Engine, every prior equal | Learnt from the other sets | Has seen the case |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows.Skip(pooled + 1))
        {
            md.AppendLine(Line(row));
        }

        return md.ToString();
    }

    private static string Line(CeilingRow row) => Invariant(
        $"| {row.Name} | {row.Cases} | {Pair(row.EngineTop1, row.EngineTop3, row.Cases)} | {Pair(row.EqualPriorTop1, row.EqualPriorTop3, row.Cases)} | {Pair(row.ModelTop1, row.ModelTop3, row.Cases)} | {Pair(row.FittedTop1, row.FittedTop3, row.Cases)} |");

    private static string Pair(int top1, int top3, int cases) =>
        cases == 0 ? "n/a" : Invariant($"{top1 * 100.0 / cases:0.0} % / {top3 * 100.0 / cases:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
