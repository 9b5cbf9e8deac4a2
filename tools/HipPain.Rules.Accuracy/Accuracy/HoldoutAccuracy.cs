using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>A batch of published cases collected after the first set: a holdout with no development half.</summary>
/// <param name="Name">Its name in reports, capitalised ("Second batch").</param>
/// <param name="RelativePath">Its folder relative to the repository root.</param>
/// <param name="IdPrefix">The prefix of its case ids ("pc2-").</param>
/// <param name="Collected">One sentence on when it was collected, for <c>docs/accuracy.md</c>.</param>
internal sealed record HoldoutBatch(string Name, string RelativePath, string IdPrefix, string Collected)
{
    /// <summary>The second batch, collected after the first set's development half had served 24 studies.</summary>
    public static readonly HoldoutBatch Second = new(
        "Second batch",
        PublishedCaseSet.HoldoutRelativePath,
        "pc2-",
        "Collected after the first set's development half had served 24 studies, and never used to choose knowledge (`validation/published-cases-2/README.md`); facts addendum 25's rule G1 (applied in base 0.11.0) was first noticed in its per-case table, so from that base on its figures are not blind for G1.");

    /// <summary>The third batch, collected after the 25th study, under the mapping clarifications M1 to M10.</summary>
    public static readonly HoldoutBatch Third = new(
        "Third batch",
        PublishedCaseSet.ThirdBatchRelativePath,
        "pc3-",
        "Collected after 25 studies and the second batch, under the mapping clarifications M1 to M10, and never used to choose knowledge (`validation/published-cases-3/README.md`).");

    /// <summary>The fourth batch, collected after facts addendum 26's rule R4 was pre-registered, under M1 to M15.</summary>
    public static readonly HoldoutBatch Fourth = new(
        "Fourth batch",
        PublishedCaseSet.FourthBatchRelativePath,
        "pc4-",
        "Collected in the eighteenth session, after every earlier set had been read case by case, under the mapping clarifications M1 to M15, and never used to choose knowledge (`validation/published-cases-4/README.md`); the blind measure of base 0.11.0 and of facts addendum 26's rule R4.");

    /// <summary>The fifth batch, collected blind to base 0.12.0 and rules R5b to R7, under M1 to M15.</summary>
    public static readonly HoldoutBatch Fifth = new(
        "Fifth batch",
        PublishedCaseSet.FifthBatchRelativePath,
        "pc5-",
        "Collected in the twentieth session, after every earlier set had been read case by case, under the mapping clarifications M1 to M15, and never used to choose knowledge (`validation/published-cases-5/README.md`); the blind measure of base 0.12.0 and of the engine rules R5b, R6 and R7.");

    /// <summary>The sixth batch, collected blind and reserved unscored until facts addendum 32 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Sixth = new(
        "Sixth batch",
        PublishedCaseSet.SixthBatchRelativePath,
        "pc6-",
        "Collected in the twenty-first session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 32 named it as its held-out test (`validation/published-cases-6/README.md`); first scored for that addendum, with and without its change, on base 0.12.0 and rules R5b to R7.");

    /// <summary>The seventh batch, collected blind and reserved unscored until facts addendum 33 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Seventh = new(
        "Seventh batch",
        PublishedCaseSet.SeventhBatchRelativePath,
        "pc7-",
        "Collected in the twenty-second session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 33 named it as its held-out test (`validation/published-cases-7/README.md`); first scored for that addendum, with and without its change, on base 0.12.0 and rules R5b to R7. Adductor-related groin pain has no case and sacroiliac joint pain two.");

    /// <summary>The eighth batch, collected blind and reserved unscored until facts addendum 34 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Eighth = new(
        "Eighth batch",
        PublishedCaseSet.EighthBatchRelativePath,
        "pc8-",
        "Collected in the twenty-second session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 34 named it as its held-out test (`validation/published-cases-8/README.md`); first scored for that addendum, with and without its change, on base 0.13.0 and rules R5b to R7. It has 49 cases: adductor-related groin pain has one, and iliotibial band syndrome, iliopsoas and snapping hip two each.");

    /// <summary>The ninth batch, collected blind and reserved unscored until facts addendum 36 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Ninth = new(
        "Ninth batch",
        PublishedCaseSet.NinthBatchRelativePath,
        "pc9-",
        "Collected in the twenty-third session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 36 named it as its held-out test (`validation/published-cases-9/README.md`); first scored for that addendum, with and without its change, on base 0.14.1 and rules R5b to R7. It has 48 cases, 14 urgent or emergency: sacroiliac joint pain has one, and adductor-related groin pain, labral tear, septic arthritis and snapping hip two each.");

    /// <summary>The tenth batch, collected blind and reserved unscored until facts addendum 37 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Tenth = new(
        "Tenth batch",
        PublishedCaseSet.TenthBatchRelativePath,
        "pc10-",
        "Collected in the twenty-fourth session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 37 named it as its held-out test (`validation/published-cases-10/README.md`); first scored for that addendum, with and without its change, on base 0.15.0 and rules R5b to R7. It has 50 cases, 15 urgent or emergency: adductor-related groin pain, proximal hamstring tendinopathy, sacroiliac joint pain and snapping hip have two each.");

    /// <summary>The eleventh batch, collected blind and reserved unscored until facts addendum 38 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Eleventh = new(
        "Eleventh batch",
        PublishedCaseSet.EleventhBatchRelativePath,
        "pc11-",
        "Collected in the twenty-fifth session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 38 named it as its held-out test (`validation/published-cases-11/README.md`); first scored for that addendum, with and without its change, on base 0.15.0 and rules R5b to R7. It has 39 cases, 15 urgent or emergency: proximal hamstring tendinopathy has none, and GTPS, iliopsoas, labral tear, sacroiliac joint pain and snapping hip one each.");

    /// <summary>The twelfth batch, collected blind and reserved unscored until facts addendum 39 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Twelfth = new(
        "Twelfth batch",
        PublishedCaseSet.TwelfthBatchRelativePath,
        "pc12-",
        "Collected in the twenty-fifth session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 39 named it as its held-out test (`validation/published-cases-12/README.md`); first scored for that addendum, with and without its changes, on base 0.15.0 and rules R5b to R7. It has 37 cases, 11 urgent or emergency: iliopsoas and snapping hip have none, and adductor-related groin pain, pelvic stress fracture and sacroiliac joint pain one each.");

    /// <summary>The thirteenth batch, collected blind and reserved unscored until facts addendum 40 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Thirteenth = new(
        "Thirteenth batch",
        PublishedCaseSet.ThirteenthBatchRelativePath,
        "pc13-",
        "Collected in the twenty-sixth session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 40 named it as its held-out test (`validation/published-cases-13/README.md`); first scored for that addendum on base 0.16.0 and rules R5b to R7. It has 32 cases, 14 urgent or emergency: iliopsoas, proximal hamstring tendinopathy and snapping hip have none, and adductor-related groin pain, FAI syndrome, hip OA, labral tear, lumbar radicular pain and sacroiliac joint pain one each.");

    /// <summary>The fourteenth batch, collected blind and reserved unscored until facts addendum 41 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Fourteenth = new(
        "Fourteenth batch",
        PublishedCaseSet.FourteenthBatchRelativePath,
        "pc14-",
        "Collected in the twenty-seventh session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 41 named it as its held-out test (`validation/published-cases-14/README.md`); first scored for that addendum on base 0.16.0 and rules R5b to R7. It has 42 cases, 13 urgent or emergency, and every cause has at least one; nine are journal case reports and the rest news reports, clinic pages, physicians' columns and patients' own accounts, thinner than the earlier sets' cases.");

    /// <summary>The fifteenth batch, collected blind and reserved unscored until facts addendum 42 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Fifteenth = new(
        "Fifteenth batch",
        PublishedCaseSet.FifteenthBatchRelativePath,
        "pc15-",
        "Collected in the twenty-eighth session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 42 named it as its held-out test (`validation/published-cases-15/README.md`); first scored for that addendum on base 0.16.0 and rules R5b to R7. It has 31 cases, 11 urgent or emergency: adductor-related groin pain, deep gluteal syndrome, proximal hamstring tendinopathy, sacroiliac joint pain and snapping hip have none; eight are journal case reports and the rest teaching cases, patients' own accounts, clinic and news pages and a physician's column.");

    /// <summary>The sixteenth batch, collected blind and reserved unscored until facts addendum 43 named it as its held-out test.</summary>
    public static readonly HoldoutBatch Sixteenth = new(
        "Sixteenth batch",
        PublishedCaseSet.SixteenthBatchRelativePath,
        "pc16-",
        "Collected in the twenty-ninth session by collectors who read no score or case of the earlier sets, and reserved unscored until facts addendum 43 named it as its held-out test (`validation/published-cases-16/README.md`); first scored for that addendum on base 0.16.0 and rules R5b to R7. It has 33 cases, 11 urgent or emergency: adductor-related groin pain, FAI syndrome and iliopsoas have none; seven are journal case reports and the rest teaching cases, patients' own accounts, news reports, clinic pages and physicians' columns.");

    /// <summary>Every batch, oldest first.</summary>
    public static readonly ImmutableArray<HoldoutBatch> All = [Second, Third, Fourth, Fifth, Sixth, Seventh, Eighth, Ninth, Tenth, Eleventh, Twelfth, Thirteenth, Fourteenth, Fifteenth, Sixteenth];

    /// <summary>The name inside a sentence ("second batch").</summary>
    public string LowerName => Name.ToLowerInvariant();
}

/// <summary>A holdout batch of published cases scored on one knowledge base.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="All">Every case of the batch.</param>
/// <param name="Prepared">Every case as scored, in id order.</param>
internal sealed record HoldoutAccuracyReport(HoldoutBatch Batch, AccuracyReport All, ImmutableArray<PreparedCase> Prepared);

/// <summary>Scores a holdout batch (<see cref="HoldoutBatch"/>) and renders it for <c>docs/accuracy.md</c>.</summary>
internal static class HoldoutAccuracy
{
    /// <summary>
    /// The cases of one reference cause in a batch with the probability the result gives that cause, and the sum of
    /// (1 - p)^2 over them: the measure facts addendum 33 judged its septic arthritis rules by.
    /// </summary>
    /// <param name="report">The scored batch.</param>
    /// <param name="causeId">The reference cause.</param>
    public static (ImmutableArray<(string Id, double Probability)> Cases, double SquaredError) CauseError(HoldoutAccuracyReport report, string causeId)
    {
        var cases = report.All.Outcomes
            .Where(o => o.Vignette.Reference == causeId)
            .Select(o => (o.Vignette.Id, o.ReferenceProbability))
            .ToImmutableArray();
        return (cases, cases.Sum(c => Math.Pow(1 - c.ReferenceProbability, 2)));
    }

    /// <summary>Renders <see cref="CauseError"/> for one batch: a line per case and the sum.</summary>
    /// <param name="report">The scored batch.</param>
    /// <param name="causeId">The reference cause.</param>
    public static string RenderCauseError(HoldoutAccuracyReport report, string causeId)
    {
        var (cases, squaredError) = CauseError(report, causeId);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Batch.Name}: {cases.Length} {causeId} cases, sum of (1 - p)^2 {squaredError:F3}");
        foreach (var (id, probability) in cases)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {id}  p = {probability:P1}");
        }

        return text.ToString();
    }

    /// <summary>Scores every batch that has cases, oldest first.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="root">The repository root.</param>
    /// <exception cref="InvalidDataException">A case is malformed, or an id does not start with its batch's prefix (so no id can repeat an earlier set's).</exception>
    public static ImmutableArray<HoldoutAccuracyReport> EvaluateAll(KnowledgeBase knowledgeBase, string root) =>
        [.. HoldoutBatch.All.Select(b => Evaluate(knowledgeBase, root, b)).OfType<HoldoutAccuracyReport>()];

    /// <summary>Scores every case of one batch; null when the batch has no case.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="root">The repository root.</param>
    /// <param name="batch">The batch (the second when not given).</param>
    /// <exception cref="InvalidDataException">A case is malformed, or an id does not start with the batch's prefix.</exception>
    public static HoldoutAccuracyReport? Evaluate(KnowledgeBase knowledgeBase, string root, HoldoutBatch? batch = null)
    {
        batch ??= HoldoutBatch.Second;
        var cases = PublishedCaseSet.Load(root, batch.RelativePath);
        if (cases.Count == 0)
        {
            return null;
        }

        if (cases.FirstOrDefault(c => !c.Id.StartsWith(batch.IdPrefix, StringComparison.Ordinal)) is { } stray)
        {
            throw new InvalidDataException($"{stray.Id}: the {batch.LowerName} uses '{batch.IdPrefix}' ids ({batch.RelativePath}/cases).");
        }

        var prepared = cases.Select(c => PublishedCaseSet.Prepare(c, knowledgeBase)).ToImmutableArray();
        return new HoldoutAccuracyReport(batch, AccuracyEvaluator.Evaluate(knowledgeBase, prepared.Select(p => p.Vignette)), prepared);
    }

    /// <summary>The summary lines the command prints.</summary>
    /// <param name="report">The report.</param>
    public static string Summary(HoldoutAccuracyReport report) =>
        PublishedAccuracy.SummaryLine($"{report.Batch.Name} (holdout)", report.All) + Environment.NewLine
        + report.Prepared.CodingLine() + Environment.NewLine;

    /// <summary>The generated markdown for one batch: its figures, per cause and per case.</summary>
    /// <param name="report">The report.</param>
    public static string Render(HoldoutAccuracyReport report)
    {
        var all = report.All;
        var batch = report.Batch;
        var md = new StringBuilder();
        md.AppendLine(Invariant($"## Published cases, {batch.LowerName} (a holdout)"));
        md.AppendLine();
        md.AppendLine(Invariant($"Knowledge base `{all.KnowledgeBaseId}` version {all.KnowledgeBaseVersion}, content hash `{all.KnowledgeBaseHash}`. {batch.Collected}"));
        md.AppendLine();
        md.AppendLine(Invariant($"| Measure | {batch.Name} |"));
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
        md.AppendLine(Invariant($"### Per cause ({batch.LowerName})"));
        md.AppendLine();
        md.AppendLine("| Cause | Cases, top-1, top-3 |");
        md.AppendLine("|---|---|");
        foreach (var cause in report.Prepared.Select(p => p.Case.Diagnosis).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"| {cause} | {PublishedAccuracy.PerCause(all, cause)} |"));
        }

        md.AppendLine();
        md.AppendLine(Invariant($"### Per case ({batch.LowerName})"));
        md.AppendLine();
        PublishedAccuracy.CaseTable(md, all);
        return md.ToString();
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
