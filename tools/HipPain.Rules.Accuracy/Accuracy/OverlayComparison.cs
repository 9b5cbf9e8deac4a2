using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HipPain.Rules.Accuracy;

/// <summary>One scored set's figures on two bases (the shipped base, then the overlaid one).</summary>
/// <param name="Name">The set, as the other tables name it.</param>
/// <param name="Shipped">Its outcomes on the shipped base.</param>
/// <param name="Overlaid">Its outcomes on the overlaid base, the same cases in the same order.</param>
internal sealed record ComparedSet(string Name, AccuracyReport Shipped, AccuracyReport Overlaid)
{
    /// <summary>Fewer cases have the reference (or an accepted alternative) first.</summary>
    public bool LosesTop1 => Count(Overlaid, o => o.Top1) < Count(Shipped, o => o.Top1);

    /// <summary>Fewer cases have it in the first three.</summary>
    public bool LosesTop3 => Count(Overlaid, o => o.Top3) < Count(Shipped, o => o.Top3);

    /// <summary>More urgent or emergency cases are under-triaged, counting a provisional urgency as issue 11 does.</summary>
    public bool LosesUrgency => Overlaid.UnderTriagedAllowingProvisionalCount > Shipped.UnderTriagedAllowingProvisionalCount;

    /// <summary>The set loses a case by any of the three counts the test floors hold.</summary>
    public bool LosesACase => LosesTop1 || LosesTop3 || LosesUrgency;

    private static int Count(AccuracyReport report, Func<VignetteOutcome, bool> predicate) => report.Outcomes.Count(predicate);
}

/// <summary>
/// The accuracy tool's <c>--compare</c>: every scored set (the vignettes, both halves of the first published set and
/// every holdout batch, then the batches pooled and every published set pooled) on the shipped base and on the base with
/// the <c>--overlay</c> files applied, side by side, and every case whose rank or urgency moved. It is how a candidate
/// change is read before anyone decides on it (<c>validation/held-back/</c>): the set floors of the tests are exact
/// counts, so the table marks each set that loses a case by top-1, top-3 or under-triage.
/// </summary>
internal static class OverlayComparison
{
    /// <summary>The sets in the order of the tables: the vignettes first, then the published sets of <see cref="FigurePrecision.Sets"/>.</summary>
    /// <param name="vignettes">The vignettes on each base.</param>
    /// <param name="shipped">The published sets on the shipped base.</param>
    /// <param name="shippedHoldouts">The holdout batches on the shipped base.</param>
    /// <param name="overlaid">The published sets on the overlaid base.</param>
    /// <param name="overlaidHoldouts">The holdout batches on the overlaid base.</param>
    /// <exception cref="InvalidOperationException">The two runs did not score the same sets and cases.</exception>
    public static ImmutableArray<ComparedSet> Compare(
        (AccuracyReport Shipped, AccuracyReport Overlaid) vignettes,
        PublishedAccuracyReport shipped,
        IReadOnlyList<HoldoutAccuracyReport> shippedHoldouts,
        PublishedAccuracyReport overlaid,
        IReadOnlyList<HoldoutAccuracyReport> overlaidHoldouts)
    {
        var before = FigurePrecision.Sets(shipped, shippedHoldouts);
        var after = FigurePrecision.Sets(overlaid, overlaidHoldouts);
        if (before.Length != after.Length)
        {
            throw new InvalidOperationException($"The two runs scored {before.Length} and {after.Length} sets.");
        }

        var sets = ImmutableArray.CreateBuilder<ComparedSet>(before.Length + 1);
        sets.Add(Pair("Vignettes", vignettes.Shipped, vignettes.Overlaid));
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i].Name != after[i].Name)
            {
                throw new InvalidOperationException($"Set {i + 1} is '{before[i].Name}' in one run and '{after[i].Name}' in the other.");
            }

            sets.Add(Pair(before[i].Name, before[i].Report, after[i].Report));
        }

        return sets.MoveToImmutable();
    }

    /// <summary>
    /// The comparison as Markdown: a line naming the shipped base, the table of sets, the sets that lose a case, and every
    /// case (of the vignettes and of each published set) whose best accepted rank, urgency or under-triage moved.
    /// </summary>
    /// <param name="sets">The compared sets, from <see cref="Compare"/>; the run prints the overlaid base's banner
    /// (<see cref="ScoredBase.Banner"/>) before it.</param>
    public static string Render(IReadOnlyList<ComparedSet> sets)
    {
        var text = new StringBuilder();
        var shipped = sets[0].Shipped;
        text.AppendLine(Invariant($"Beside the shipped base, {shipped.KnowledgeBaseId} {shipped.KnowledgeBaseVersion} ({shipped.KnowledgeBaseHash})."));
        text.AppendLine();
        text.AppendLine("Each cell is shipped -> overlaid. Top-1 and top-3 count the cases whose reference diagnosis (or an accepted");
        text.AppendLine("alternative) is first or in the first three; under-triaged counts the urgent or emergency cases left below");
        text.AppendLine("their urgency, counting a provisional urgency that asks the right red flag first as escalated; over-triaged");
        text.AppendLine("counts the cases given a higher urgency than their own. A set marked **loses a case** has fewer first, fewer");
        text.AppendLine("in the first three or more under-triaged than on the shipped base; the tests hold each published set at its");
        text.AppendLine("measured counts, so such a change fails a floor.");
        text.AppendLine();
        text.AppendLine("| Set | Cases | Top-1 | Top-3 | Under-triaged | Over-triaged | All-cause Brier | |");
        text.AppendLine("|---|---:|---|---|---|---|---|---|");
        foreach (var set in sets)
        {
            var (a, b) = (set.Shipped, set.Overlaid);
            text.AppendLine(Invariant(
                $"| {set.Name} | {a.Count} | {Move(a, b, o => o.Top1)} | {Move(a, b, o => o.Top3)} | {a.UnderTriagedAllowingProvisionalCount} -> {b.UnderTriagedAllowingProvisionalCount} of {a.UrgentOrEmergencyCount} | {a.OverTriagedCount} -> {b.OverTriagedCount} | {a.AllCauseBrier:0.000} -> {b.AllCauseBrier:0.000} | {(set.LosesACase ? "**loses a case**" : string.Empty)} |"));
        }

        var losing = sets.Where(s => s.LosesACase).Select(s => s.Name + " (" + string.Join(", ", Losses(s)) + ")").ToList();
        text.AppendLine();
        text.AppendLine(losing.Count == 0
            ? "No set loses a case."
            : Invariant($"Sets that lose a case: {string.Join("; ", losing)}."));

        text.AppendLine();
        text.AppendLine("Cases that moved (best rank of the reference or an accepted alternative, urgency, under-triage):");
        text.AppendLine();
        text.AppendLine("| Set | Case | Reference | Rank | Urgency | Under-triaged |");
        text.AppendLine("|---|---|---|---|---|---|");
        var moved = 0;

        // The pooled rows repeat the batches' cases; each case is listed once, under its own set.
        foreach (var set in sets.Where(s => s.Name is not (FigurePrecision.HoldoutBatchesPooled or FigurePrecision.EverySetPooled)))
        {
            foreach (var (a, b) in set.Shipped.Outcomes.Zip(set.Overlaid.Outcomes))
            {
                if (a.BestAcceptedRank == b.BestAcceptedRank && a.Urgency == b.Urgency
                    && a.UnderTriagedAllowingProvisional == b.UnderTriagedAllowingProvisional)
                {
                    continue;
                }

                moved++;
                text.AppendLine(Invariant(
                    $"| {set.Name} | `{a.Vignette.Id}` | {a.Vignette.Reference} | {a.BestAcceptedRank} -> {b.BestAcceptedRank} | {a.Urgency} -> {b.Urgency} | {YesNo(a.UnderTriagedAllowingProvisional)} -> {YesNo(b.UnderTriagedAllowingProvisional)} |"));
            }
        }

        if (moved == 0)
        {
            text.AppendLine("| (none) | | | | | |");
        }

        return text.ToString();
    }

    private static ComparedSet Pair(string name, AccuracyReport shipped, AccuracyReport overlaid)
    {
        if (shipped.Count != overlaid.Count
            || !shipped.Outcomes.Select(o => o.Vignette.Id).SequenceEqual(overlaid.Outcomes.Select(o => o.Vignette.Id), StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"{name}: the two runs did not score the same cases in the same order.");
        }

        return new ComparedSet(name, shipped, overlaid);
    }

    private static IEnumerable<string> Losses(ComparedSet set)
    {
        if (set.LosesTop1)
        {
            yield return "top-1";
        }

        if (set.LosesTop3)
        {
            yield return "top-3";
        }

        if (set.LosesUrgency)
        {
            yield return "under-triage";
        }
    }

    private static string Move(AccuracyReport a, AccuracyReport b, Func<VignetteOutcome, bool> counted) =>
        Invariant($"{a.Outcomes.Count(counted)} -> {b.Outcomes.Count(counted)}");

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
