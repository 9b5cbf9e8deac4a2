using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>
/// A second, independent mapping of a published case (validation/mapping-agreement/second-mapping): the statements a
/// second reader took from the same source, mapped by the same rules without seeing the first mapping.
/// </summary>
internal sealed record SecondMapping
{
    /// <summary>The id of the case in the first set or a holdout batch.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the second reader found the source's text.</summary>
    public required bool SourceFound { get; init; }

    /// <summary>The address the second reader read.</summary>
    public string? ReadAt { get; init; }

    /// <summary>Age in years as the second reader took it, or null.</summary>
    public int? Age { get; init; }

    /// <summary><c>female</c>, <c>male</c> or null.</summary>
    public string? Sex { get; init; }

    /// <summary>The statements and their codes.</summary>
    public IReadOnlyList<CaseStatement> Statements { get; init; } = [];

    /// <summary>Statements with no code.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>How the source says the diagnosis was confirmed, as the second reader noted it.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>The queries tried when the source was not found.</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];
}

/// <summary>One case's two mappings compared: the coded findings (code and state) each gave, and what the engine made of each.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Both">Coded findings in both mappings.</param>
/// <param name="FirstOnly">Coded findings only in the first mapping (a state given differently counts on both sides).</param>
/// <param name="SecondOnly">Coded findings only in the second mapping.</param>
/// <param name="First">The engine's outcome on the first mapping.</param>
/// <param name="Second">The engine's outcome on the second mapping.</param>
internal sealed record MappingComparison(string Id, int Both, int FirstOnly, int SecondOnly, VignetteOutcome First, VignetteOutcome Second)
{
    /// <summary>Coded findings in both over those in either (1 when both mappings code nothing).</summary>
    public double Jaccard => Both + FirstOnly + SecondOnly == 0 ? 1 : (double)Both / (Both + FirstOnly + SecondOnly);
}

/// <summary>The tool's <c>--mapping-agreement</c> mode: compares each second mapping with the committed first one.</summary>
internal static class MappingAgreement
{
    /// <summary>The folder of second mappings relative to the repository root.</summary>
    public const string RelativePath = "validation/mapping-agreement/second-mapping";

    /// <summary>Loads every second mapping, ordered by id.</summary>
    /// <param name="root">The repository root.</param>
    /// <exception cref="InvalidDataException">A file is not a second mapping.</exception>
    public static IReadOnlyList<SecondMapping> Load(string root) =>
        [.. PublishedCaseSet.LoadJsonFiles<SecondMapping>(Path.Combine(root, RelativePath)).OrderBy(m => m.Id, StringComparer.Ordinal)];

    /// <summary>Compares every found second mapping with the first mapping of the same case, on one knowledge base.</summary>
    /// <param name="knowledgeBase">The knowledge base that scores both mappings.</param>
    /// <param name="root">The repository root.</param>
    /// <exception cref="InvalidDataException">A second mapping names a case of no published set.</exception>
    public static ImmutableArray<MappingComparison> Compare(KnowledgeBase knowledgeBase, string root)
    {
        var originals = PublishedCaseSet.Load(root).Concat(HoldoutBatch.All.SelectMany(b => PublishedCaseSet.Load(root, b.RelativePath)))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        var pairs = new List<(PreparedCase First, PreparedCase Second)>();
        foreach (var second in Load(root).Where(m => m.SourceFound))
        {
            if (!originals.TryGetValue(second.Id, out var first))
            {
                throw new InvalidDataException($"{second.Id}: the second mapping names no case of the published sets.");
            }

            var remapped = first with { Age = second.Age, Sex = second.Sex, Statements = second.Statements, Unmapped = second.Unmapped };
            pairs.Add((PublishedCaseSet.Prepare(first, knowledgeBase), PublishedCaseSet.Prepare(remapped, knowledgeBase)));
        }

        var firstOutcomes = AccuracyEvaluator.Evaluate(knowledgeBase, pairs.Select(p => p.First.Vignette)).Outcomes.ToDictionary(o => o.Vignette.Id, StringComparer.Ordinal);
        var secondOutcomes = AccuracyEvaluator.Evaluate(knowledgeBase, pairs.Select(p => p.Second.Vignette)).Outcomes.ToDictionary(o => o.Vignette.Id, StringComparer.Ordinal);
        return [.. pairs.Select(p =>
        {
            var a = Coded(p.First.Vignette);
            var b = Coded(p.Second.Vignette);
            var id = p.First.Case.Id;
            return new MappingComparison(id, a.Intersect(b).Count(), a.Except(b).Count(), b.Except(a).Count(), firstOutcomes[id], secondOutcomes[id]);
        })];
    }

    /// <summary>
    /// The summary and per-case table the command prints: one summary for the cases mapped under mapping.md alone (the
    /// first set and the second batch), one for the third batch's (mapping.md with the clarifications M1 to M10), one for
    /// the fourth batch's (with M1 to M15), then every case.
    /// </summary>
    /// <param name="comparisons">The comparisons.</param>
    /// <param name="mappings">Every second mapping, found or not.</param>
    public static string Render(IReadOnlyList<MappingComparison> comparisons, IReadOnlyList<SecondMapping> mappings)
    {
        var text = new StringBuilder();
        foreach (var (title, inGroup) in Groups)
        {
            var group = comparisons.Where(c => inGroup(c.Id)).ToList();
            var notFound = mappings.Count(m => !m.SourceFound && inGroup(m.Id));
            if (group.Count + notFound == 0)
            {
                continue;
            }

            text.AppendLine(Invariant($"{title}:"));
            Summary(text, group, notFound);
            text.AppendLine();
        }

        text.AppendLine("| Case | Both | First only | Second only | Agreement | Rank, first / second | Urgency, first / second |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var c in comparisons)
        {
            text.AppendLine(Invariant($"| `{c.Id}` | {c.Both} | {c.FirstOnly} | {c.SecondOnly} | {c.Jaccard:P0} | {c.First.BestAcceptedRank} / {c.Second.BestAcceptedRank} | {c.First.Urgency} / {c.Second.Urgency} |"));
        }

        return text.ToString();
    }

    /// <summary>The batches mapped under clarifications of their own, each reported as a round apart.</summary>
    private static readonly (string Title, string IdPrefix)[] ClarifiedBatches =
    [
        ("Third batch (mapping.md with the clarifications M1 to M10)", HoldoutBatch.Third.IdPrefix),
        ("Fourth batch (mapping.md with the clarifications M1 to M15)", HoldoutBatch.Fourth.IdPrefix),
        ("Fifth batch (mapping.md with the clarifications M1 to M15)", HoldoutBatch.Fifth.IdPrefix),
    ];

    /// <summary>The groups of cases by the mapping rules they were mapped under: mapping.md alone, then each clarified batch.</summary>
    private static readonly (string Title, Func<string, bool> InGroup)[] Groups =
    [
        ("First set and second batch (mapping.md)", id => !ClarifiedBatches.Any(b => id.StartsWith(b.IdPrefix, StringComparison.Ordinal))),
        .. ClarifiedBatches.Select(b => (b.Title, (Func<string, bool>)(id => id.StartsWith(b.IdPrefix, StringComparison.Ordinal)))),
    ];

    private static void Summary(StringBuilder text, List<MappingComparison> comparisons, int notFound)
    {
        var both = comparisons.Sum(c => c.Both);
        var either = comparisons.Sum(c => c.Both + c.FirstOnly + c.SecondOnly);
        text.AppendLine(Invariant($"Cases compared: {comparisons.Count} (sources not found by the second reader: {notFound})"));
        text.AppendLine(Invariant($"Coded findings in both mappings: {both} of {either} in either ({(either == 0 ? 1 : (double)both / either):P1}); first only {comparisons.Sum(c => c.FirstOnly)}, second only {comparisons.Sum(c => c.SecondOnly)}; median per-case agreement {Median(comparisons.Select(c => c.Jaccard)):P1}"));
        text.AppendLine(Invariant($"Top-1 on the first / second mapping: {comparisons.Count(c => c.First.Top1)} / {comparisons.Count(c => c.Second.Top1)}; top-3: {comparisons.Count(c => c.First.Top3)} / {comparisons.Count(c => c.Second.Top3)}; under-triaged counting provisional urgency: {comparisons.Count(c => c.First.UnderTriagedAllowingProvisional)} / {comparisons.Count(c => c.Second.UnderTriagedAllowingProvisional)}"));
        text.AppendLine(Invariant($"Cases whose top-1, top-3 or under-triage status differs between the mappings: {comparisons.Count(c => c.First.Top1 != c.Second.Top1 || c.First.Top3 != c.Second.Top3 || c.First.UnderTriagedAllowingProvisional != c.Second.UnderTriagedAllowingProvisional)}"));
    }

    private static HashSet<string> Coded(Vignette v) =>
        [.. v.Present.Select(code => code + "=present").Concat(v.Absent.Select(code => code + "=absent"))];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
