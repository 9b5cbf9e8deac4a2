using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>The published-case set scored on one knowledge base: both halves of the fixed split.</summary>
/// <param name="Development">The development half.</param>
/// <param name="Test">The test half.</param>
/// <param name="Prepared">Every case as scored, in id order.</param>
internal sealed record PublishedAccuracyReport(AccuracyReport Development, AccuracyReport Test, ImmutableArray<PreparedCase> Prepared)
{
    /// <summary>Issue 11's target for top-1 on the test half (the tests hold a lower regression floor).</summary>
    public const double Top1Floor = 0.60;

    /// <summary>Issue 11's target for top-3 on the test half (the tests hold a lower regression floor).</summary>
    public const double Top3Floor = 0.85;
}

/// <summary>Scores the published-case set and renders it for <c>docs/accuracy.md</c>.</summary>
internal static class PublishedAccuracy
{
    /// <summary>Scores both halves of the set on a knowledge base.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="root">The repository root.</param>
    /// <exception cref="InvalidDataException">A case is in neither half or in both, or a case is malformed.</exception>
    public static PublishedAccuracyReport Evaluate(KnowledgeBase knowledgeBase, string root)
    {
        var cases = PublishedCaseSet.Load(root);
        var (development, test) = PublishedCaseSet.LoadSplit(root);
        foreach (var c in cases)
        {
            if (development.Contains(c.Id) == test.Contains(c.Id))
            {
                throw new InvalidDataException($"{c.Id}: the split must put every case in exactly one half.");
            }
        }

        var prepared = cases.Select(c => PublishedCaseSet.Prepare(c, knowledgeBase)).ToImmutableArray();
        return new PublishedAccuracyReport(
            AccuracyEvaluator.Evaluate(knowledgeBase, prepared.Where(p => development.Contains(p.Case.Id)).Select(p => p.Vignette)),
            AccuracyEvaluator.Evaluate(knowledgeBase, prepared.Where(p => test.Contains(p.Case.Id)).Select(p => p.Vignette)),
            prepared);
    }

    /// <summary>The summary lines the command prints.</summary>
    /// <param name="report">The report.</param>
    public static string Summary(PublishedAccuracyReport report)
    {
        var text = new StringBuilder();
        foreach (var (name, half) in new[] { ("Development half", report.Development), ("Test half", report.Test) })
        {
            text.AppendLine(SummaryLine(name, half));
        }

        text.AppendLine(report.Prepared.CodingLine());
        return text.ToString();
    }

    /// <summary>The generated markdown for the published-case set: both halves beside the vignettes.</summary>
    /// <param name="report">The published-case report.</param>
    /// <param name="vignettes">The vignette report on the same base.</param>
    public static string Render(PublishedAccuracyReport report, AccuracyReport vignettes)
    {
        var md = new StringBuilder();
        md.AppendLine("## Published cases beside the vignettes");
        md.AppendLine();
        md.AppendLine(Invariant($"Knowledge base `{vignettes.KnowledgeBaseId}` version {vignettes.KnowledgeBaseVersion}, content hash `{vignettes.KnowledgeBaseHash}`."));
        md.AppendLine();
        md.AppendLine("| Measure | Written vignettes | Published cases, development half | Published cases, test half |");
        md.AppendLine("|---|---:|---:|---:|");
        Row(md, "Cases", r => Invariant($"{r.Count}"), vignettes, report);
        Row(md, "Urgent or emergency cases", r => Invariant($"{r.UrgentOrEmergencyCount}"), vignettes, report);
        Row(md, "Top-1 (reference or accepted alternative first)", r => Percent(r.Top1), vignettes, report);
        Row(md, "Top-3", r => Percent(r.Top3), vignettes, report);
        Row(md, "Strict top-1 / top-3 (reference only)", r => $"{Percent(r.StrictTop1)} / {Percent(r.StrictTop3)}", vignettes, report);
        Row(md, "Urgency agreement (exact)", r => Percent(r.UrgencyAgreement), vignettes, report);
        Row(md, "Under-triaged urgent or emergency cases, counting a provisional urgency that asks the right red flag first", r => Invariant($"{r.UnderTriagedAllowingProvisionalCount}"), vignettes, report);
        Row(md, "Under-triaged on the settled urgency alone", r => Invariant($"{r.UnderTriagedCount}"), vignettes, report);
        Row(md, "Over-triaged routine cases", r => Invariant($"{r.OverTriagedCount}"), vignettes, report);
        Row(md, "Brier score of the leading probability (lower is better)", r => Invariant($"{r.Brier:0.000}"), vignettes, report);
        Row(md, "Brier score over every cause's probability (lower is better)", r => Invariant($"{r.AllCauseBrier:0.000}"), vignettes, report);
        Row(md, "The same score for the priors alone, ignoring every finding (the no-skill reference)", r => Invariant($"{r.AllCausePriorBrier:0.000}"), vignettes, report);
        md.AppendLine();
        var targetsMet = report.Test.Top1 >= PublishedAccuracyReport.Top1Floor && report.Test.Top3 >= PublishedAccuracyReport.Top3Floor && report.Test.UnderTriagedAllowingProvisionalCount == 0;
        md.AppendLine(Invariant($"Issue 11's targets for the test half: top-1 at least {Percent(PublishedAccuracyReport.Top1Floor)}, top-3 at least {Percent(PublishedAccuracyReport.Top3Floor)}, no under-triage: {(targetsMet ? "met" : "not met")}. The tests hold the test half to regression floors at or below the measured values (`tests/HipPain.Rules.Tests/PublishedCases/PublishedCaseTests.cs`)."));
        md.AppendLine(Invariant($"Of {report.Prepared.StatementCount()} statements in the published cases, {report.Prepared.UncodedStatementCount()} map to no code; {report.Prepared.DroppedCodeCount()} mapped codes are not in this base and were left out."));
        md.AppendLine();

        md.AppendLine("### Per cause (published cases)");
        md.AppendLine();
        md.AppendLine("| Cause | Development: cases, top-1, top-3 | Test: cases, top-1, top-3 |");
        md.AppendLine("|---|---|---|");
        var causes = report.Prepared.Select(p => p.Case.Diagnosis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var cause in causes)
        {
            md.AppendLine(Invariant($"| {cause} | {PerCause(report.Development, cause)} | {PerCause(report.Test, cause)} |"));
        }

        md.AppendLine();
        md.AppendLine("### Calibration of the leading probability (both halves)");
        md.AppendLine();
        md.AppendLine("| Leading probability | Cases | Mean predicted | Leading cause correct |");
        md.AppendLine("|---|---:|---:|---:|");
        var bothHalves = report.Development with { Outcomes = [.. report.Development.Outcomes, .. report.Test.Outcomes] };
        foreach (var row in Calibration.Reliability(Calibration.Leading(bothHalves), Calibration.LeadingEdges))
        {
            md.AppendLine(row.Count == 0
                ? Invariant($"| {row.Low:0.0}-{row.High:0.0} | 0 | | |")
                : Invariant($"| {row.Low:0.0}-{row.High:0.0} | {row.Count} | {row.MeanPredicted:0.00} | {Percent((double)row.Events / row.Count)} |"));
        }

        foreach (var (name, half) in new[] { ("development", report.Development), ("test", report.Test) })
        {
            md.AppendLine();
            md.AppendLine(Invariant($"### Published cases, {name} half"));
            md.AppendLine();
            CaseTable(md, half);
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string measure, Func<AccuracyReport, string> value, AccuracyReport vignettes, PublishedAccuracyReport report) =>
        md.AppendLine(Invariant($"| {measure} | {value(vignettes)} | {value(report.Development)} | {value(report.Test)} |"));

    /// <summary>One summary line for a group of published cases, as the command prints it.</summary>
    /// <param name="name">The group's name, for example "Test half".</param>
    /// <param name="half">The group's report.</param>
    public static string SummaryLine(string name, AccuracyReport half) =>
        Invariant($"{name}: {half.Count} cases ({half.UrgentOrEmergencyCount} urgent or emergency): top-1 {Percent(half.Top1)}, top-3 {Percent(half.Top3)}, urgency agreement {Percent(half.UrgencyAgreement)}, under-triaged {half.UnderTriagedAllowingProvisionalCount} counting provisional urgency ({half.UnderTriagedCount} on settled urgency alone), over-triaged {half.OverTriagedCount}, Brier {half.Brier:0.000}, all-cause Brier {half.AllCauseBrier:0.000} (priors alone {half.AllCausePriorBrier:0.000})");

    /// <summary>Appends the per-case table of a group of published cases.</summary>
    /// <param name="md">The markdown being built.</param>
    /// <param name="half">The group's report.</param>
    public static void CaseTable(StringBuilder md, AccuracyReport half)
    {
        md.AppendLine("| Case | Reference | Best accepted rank | Engine top 3 | Expected urgency | Engine urgency | Red flags fired |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var o in half.Outcomes)
        {
            var mark = o.UnderTriagedAllowingProvisional ? " **UNDER-TRIAGED**" : o.Top3 ? string.Empty : " (miss)";
            var urgency = o.HighestPossibleUrgency > o.Urgency ? Invariant($"{o.Urgency}, could be {o.HighestPossibleUrgency} (asks first: {o.FirstUndecidedRedFlag})") : Invariant($"{o.Urgency}");
            md.AppendLine(Invariant(
                $"| `{o.Vignette.Id}`{mark} | {o.Vignette.Reference} | {o.BestAcceptedRank} | {string.Join(", ", o.Ranking.Take(3))} | {o.Vignette.ExpectedUrgency} | {urgency} | {(o.FiredRedFlags.IsEmpty ? "none" : string.Join(", ", o.FiredRedFlags))} |"));
        }
    }

    /// <summary>A cause's cases, top-1 and top-3 in a group, or "none".</summary>
    /// <param name="half">The group's report.</param>
    /// <param name="cause">The cause id.</param>
    public static string PerCause(AccuracyReport half, string cause)
    {
        var outcomes = half.Outcomes.Where(o => o.Vignette.Reference == cause).ToList();
        return outcomes.Count == 0
            ? "none"
            : Invariant($"{outcomes.Count}, {outcomes.Count(o => o.Top1)}, {outcomes.Count(o => o.Top3)}");
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
