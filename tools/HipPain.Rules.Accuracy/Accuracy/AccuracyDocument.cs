using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>Renders an <see cref="AccuracyReport"/> as the generated part of <c>docs/accuracy.md</c>.</summary>
internal static class AccuracyDocument
{
    /// <summary>The document's path relative to the repository root.</summary>
    public const string RelativePath = "docs/accuracy.md";

    /// <summary>The summary lines, as the command prints them.</summary>
    /// <param name="report">The report.</param>
    public static string Summary(AccuracyReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Knowledge base: {report.KnowledgeBaseId} {report.KnowledgeBaseVersion} ({report.KnowledgeBaseHash})"));
        text.AppendLine(Invariant($"Vignettes: {report.Count} ({report.UrgentOrEmergencyCount} expect Urgent or Emergency)"));
        text.AppendLine(Invariant($"Top-1 (reference or accepted alternative ranked first): {Percent(report.Top1)}"));
        text.AppendLine(Invariant($"Top-3 (reference or accepted alternative in the first three): {Percent(report.Top3)} (floor {Percent(AccuracyReport.Top3Floor)})"));
        text.AppendLine(Invariant($"Strict top-1 / top-3 (reference diagnosis only): {Percent(report.StrictTop1)} / {Percent(report.StrictTop3)}"));
        text.AppendLine(Invariant($"Urgency agreement (exact): {Percent(report.UrgencyAgreement)}"));
        text.AppendLine(Invariant($"Under-triaged urgent or emergency vignettes: {report.UnderTriagedCount} (floor 0)"));
        text.AppendLine(Invariant($"Over-triaged vignettes: {report.OverTriagedCount}"));
        return text.ToString();
    }

    /// <summary>
    /// The generated part of <c>docs/accuracy.md</c>: the published cases beside the vignettes, each holdout batch
    /// that has cases, the precision of every set's figures, the calibration of the stated probabilities over every set
    /// pooled, the priors' sensitivity analysis, then the vignettes.
    /// </summary>
    /// <param name="vignettes">The vignette report.</param>
    /// <param name="published">The published-case report on the same base.</param>
    /// <param name="holdouts">The holdout batches on the same base, oldest first (<see cref="HoldoutAccuracy.EvaluateAll"/>).</param>
    /// <param name="caseMix">The same cases under other priors (<see cref="CaseMixSensitivity.Evaluate"/>).</param>
    public static string RenderAll(AccuracyReport vignettes, PublishedAccuracyReport published, IEnumerable<HoldoutAccuracyReport> holdouts, ImmutableArray<CaseMixResult> caseMix)
    {
        var batches = holdouts.ToList();
        return PublishedAccuracy.Render(published, vignettes)
            + string.Concat(batches.Select(h => Environment.NewLine + HoldoutAccuracy.Render(h)))
            + Environment.NewLine + FigurePrecision.Render(published, batches)
            + Environment.NewLine + Calibration.Render(Calibration.Pool(published, batches))
            + Environment.NewLine + CaseMixSensitivity.Render(caseMix)
            + Environment.NewLine + StatementCeiling.Render(StatementCeiling.FromCaseMix(caseMix))
            + Environment.NewLine + "# Written vignettes" + Environment.NewLine + Environment.NewLine + Render(vignettes);
    }

    /// <summary>The generated markdown: summary table and one row per vignette.</summary>
    /// <param name="report">The report.</param>
    public static string Render(AccuracyReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine(Invariant($"Knowledge base `{report.KnowledgeBaseId}` version {report.KnowledgeBaseVersion}, content hash `{report.KnowledgeBaseHash}`."));
        md.AppendLine();
        md.AppendLine("| Measure | Value |");
        md.AppendLine("|---|---|");
        md.AppendLine(Invariant($"| Vignettes | {report.Count} ({report.UrgentOrEmergencyCount} expect Urgent or Emergency) |"));
        md.AppendLine(Invariant($"| Top-1 (reference or accepted alternative first) | {Percent(report.Top1)} |"));
        md.AppendLine(Invariant($"| Top-3 (reference or accepted alternative in first three); floor {Percent(AccuracyReport.Top3Floor)} | {Percent(report.Top3)} |"));
        md.AppendLine(Invariant($"| Strict top-1 (reference diagnosis only) | {Percent(report.StrictTop1)} |"));
        md.AppendLine(Invariant($"| Strict top-3 (reference diagnosis only) | {Percent(report.StrictTop3)} |"));
        md.AppendLine(Invariant($"| Urgency agreement (exact match) | {Percent(report.UrgencyAgreement)} |"));
        md.AppendLine(Invariant($"| Under-triaged urgent or emergency vignettes; floor 0 | {report.UnderTriagedCount} |"));
        md.AppendLine(Invariant($"| Over-triaged vignettes (engine more urgent than expected) | {report.OverTriagedCount} |"));
        md.AppendLine();
        md.AppendLine("## Per vignette");
        md.AppendLine();
        md.AppendLine("| Vignette | Reference | Rank of reference | Best accepted rank | Engine top 3 | Expected urgency | Engine urgency | Red flags fired |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var o in report.Outcomes)
        {
            var mark = o.UnderTriaged ? " **UNDER-TRIAGED**" : o.Top3 ? string.Empty : " (miss)";
            md.AppendLine(Invariant(
                $"| `{o.Vignette.Id}`{mark} | {o.Vignette.Reference} | {o.ReferenceRank} | {o.BestAcceptedRank} | {string.Join(", ", o.Ranking.Take(3))} | {o.Vignette.ExpectedUrgency} | {o.Urgency} | {(o.FiredRedFlags.IsEmpty ? "none" : string.Join(", ", o.FiredRedFlags))} |"));
        }

        md.AppendLine();
        md.AppendLine("## Misses and urgency disagreements");
        md.AppendLine();
        var notable = report.Outcomes.Where(o => !o.Top3 || !o.UrgencyAgrees).ToList();
        if (notable.Count == 0)
        {
            md.AppendLine("None.");
        }

        foreach (var o in notable)
        {
            var parts = new List<string>();
            if (!o.Top3)
            {
                parts.Add(Invariant($"reference `{o.Vignette.Reference}` ranked {o.ReferenceRank} (engine top 3: {string.Join(", ", o.Ranking.Take(3))})"));
            }

            if (!o.UrgencyAgrees)
            {
                parts.Add(Invariant($"urgency {o.Urgency} where {o.Vignette.ExpectedUrgency} was expected"));
            }

            md.AppendLine(Invariant($"- `{o.Vignette.Id}` ({o.Vignette.Title}): {string.Join("; ", parts)}."));
        }

        return md.ToString();
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
