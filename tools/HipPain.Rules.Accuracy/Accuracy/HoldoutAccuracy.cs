using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>The second batch of published cases (a holdout with no development half) scored on one knowledge base.</summary>
/// <param name="All">Every case of the batch.</param>
/// <param name="Prepared">Every case as scored, in id order.</param>
internal sealed record HoldoutAccuracyReport(AccuracyReport All, ImmutableArray<PreparedCase> Prepared)
{
}

/// <summary>Scores the second batch (<c>validation/published-cases-2</c>) and renders it for <c>docs/accuracy.md</c>.</summary>
internal static class HoldoutAccuracy
{
    /// <summary>Scores every case of the second batch; null when the batch has no case.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="root">The repository root.</param>
    /// <exception cref="InvalidDataException">A case is malformed, or an id is also in the first set.</exception>
    public static HoldoutAccuracyReport? Evaluate(KnowledgeBase knowledgeBase, string root)
    {
        var cases = PublishedCaseSet.Load(root, PublishedCaseSet.HoldoutRelativePath);
        if (cases.Count == 0)
        {
            return null;
        }

        var firstSet = PublishedCaseSet.Load(root).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (cases.FirstOrDefault(c => firstSet.Contains(c.Id)) is { } clash)
        {
            throw new InvalidDataException($"{clash.Id}: the id is also in the first set; the second batch uses 'pc2-' ids.");
        }

        var prepared = cases.Select(c => PublishedCaseSet.Prepare(c, knowledgeBase)).ToImmutableArray();
        return new HoldoutAccuracyReport(AccuracyEvaluator.Evaluate(knowledgeBase, prepared.Select(p => p.Vignette)), prepared);
    }

    /// <summary>The summary lines the command prints.</summary>
    /// <param name="report">The report.</param>
    public static string Summary(HoldoutAccuracyReport report) =>
        PublishedAccuracy.SummaryLine("Second batch (holdout)", report.All) + Environment.NewLine
        + report.Prepared.CodingLine() + Environment.NewLine;

    /// <summary>The generated markdown for the second batch: its figures, per cause and per case.</summary>
    /// <param name="report">The report.</param>
    public static string Render(HoldoutAccuracyReport report)
    {
        var all = report.All;
        var md = new StringBuilder();
        md.AppendLine("## Published cases, second batch (a holdout)");
        md.AppendLine();
        md.AppendLine(Invariant($"Knowledge base `{all.KnowledgeBaseId}` version {all.KnowledgeBaseVersion}, content hash `{all.KnowledgeBaseHash}`. Collected after the first set's development half had served 24 studies, and never used to choose knowledge (`validation/published-cases-2/README.md`)."));
        md.AppendLine();
        md.AppendLine("| Measure | Second batch |");
        md.AppendLine("|---|---:|");
        md.AppendLine(Invariant($"| Cases | {all.Count} |"));
        md.AppendLine(Invariant($"| Urgent or emergency cases | {all.UrgentOrEmergencyCount} |"));
        md.AppendLine(Invariant($"| Top-1 (reference or accepted alternative first) | {Percent(all.Top1)} |"));
        md.AppendLine(Invariant($"| Top-3 | {Percent(all.Top3)} |"));
        md.AppendLine(Invariant($"| Strict top-1 / top-3 (reference only) | {Percent(all.StrictTop1)} / {Percent(all.StrictTop3)} |"));
        md.AppendLine(Invariant($"| Urgency agreement (exact) | {Percent(all.UrgencyAgreement)} |"));
        md.AppendLine(Invariant($"| Under-triaged urgent or emergency cases, counting a provisional urgency that asks the right red flag first | {all.UnderTriagedAllowingProvisionalCount} |"));
        md.AppendLine(Invariant($"| Under-triaged on the settled urgency alone | {all.UnderTriagedCount} |"));
        md.AppendLine(Invariant($"| Over-triaged routine cases | {all.OverTriagedCount} |"));
        md.AppendLine(Invariant($"| Brier score of the leading probability | {all.Brier:0.000} |"));
        md.AppendLine(Invariant($"| Brier score over every cause's probability | {all.AllCauseBrier:0.000} |"));
        md.AppendLine(Invariant($"| The same score for the priors alone | {all.AllCausePriorBrier:0.000} |"));
        md.AppendLine();
        md.AppendLine(Invariant($"Of {report.Prepared.StatementCount()} statements, {report.Prepared.UncodedStatementCount()} map to no code; {report.Prepared.DroppedCodeCount()} mapped codes are not in this base and were left out."));
        md.AppendLine();
        md.AppendLine("### Per cause (second batch)");
        md.AppendLine();
        md.AppendLine("| Cause | Cases, top-1, top-3 |");
        md.AppendLine("|---|---|");
        foreach (var cause in report.Prepared.Select(p => p.Case.Diagnosis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"| {cause} | {PublishedAccuracy.PerCause(all, cause)} |"));
        }

        md.AppendLine();
        md.AppendLine("### Per case (second batch)");
        md.AppendLine();
        PublishedAccuracy.CaseTable(md, all);
        return md.ToString();
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
