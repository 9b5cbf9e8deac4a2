using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Samples.Console;

/// <summary>Writes a triage result as readable text.</summary>
public static class ResultPrinter
{
    /// <summary>How many undecided red flags the printer lists with their questions before summarising the rest.</summary>
    public const int RedFlagLines = 3;

    /// <summary>Writes the result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="top">How many causes to list.</param>
    /// <param name="knowledgeBase">The knowledge base that produced the result, to name the findings the settling questions ask about; null to print their codes.</param>
    public static void Print(TriageResult result, TextWriter output, int top = 5, KnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"Case: {result.Case.Label ?? "(unnamed)"}");
        output.WriteLine($"Knowledge base: {result.KnowledgeBaseId} {result.KnowledgeBaseVersion} ({result.KnowledgeBaseHash[..19]}...), engine {result.EngineVersion.Split('+')[0]}");
        output.WriteLine();
        output.WriteLine(result.IsUrgencyProvisional
            ? $"URGENCY: {Upper(result.Urgency)} so far — could be {Upper(result.HighestPossibleUrgency)} until the red flags below are settled."
            : $"URGENCY: {Upper(result.Urgency)}");
        foreach (var flag in result.RedFlags.Where(r => r.Status == RedFlagStatus.Fired))
        {
            output.WriteLine($"  RED FLAG ({flag.RedFlag.Urgency}): {flag.RedFlag.Name}");
        }

        foreach (var suspected in result.Differential.Where(r => r.SuspectedByRedFlagIds.Length > 0))
        {
            output.WriteLine(string.Create(inv, $"  Can't-miss cause named by a red flag: {suspected.Cause.Name} (rank {suspected.Rank}, {suspected.Probability:P1}); escalated whatever its rank"));
        }

        if (result.IsUrgencyProvisional)
        {
            PrintSettlingQuestions(result, output, knowledgeBase);
        }

        output.WriteLine();
        output.WriteLine("Differential (posterior probability per cause; share of the differential):");
        foreach (var ranked in result.Differential.Take(top))
        {
            output.WriteLine(string.Create(inv, $"{ranked.Rank,2}. {ranked.Cause.Name,-70} {ranked.Probability,6:P1}  (prior {ranked.PriorProbability:P1}; share {ranked.Share:P0})"));
            foreach (var c in ranked.Contributions.Take(4))
            {
                var sign = c.Direction == ContributionDirection.Against ? "against" : c.Direction == ContributionDirection.For ? "for    " : "neutral";
                output.WriteLine(string.Create(inv, $"      {sign} x{c.Factor,-5:0.##} {c.Label}  [{Shorten(c.Evidence.Citation)}; {c.Evidence.Status}]"));
                if (c.Group is { } group)
                {
                    // A group counts once: this member stands for the other decided members, whose factors are not applied.
                    var others = c.Subsumed.Select(s => string.Create(inv, $"{s.Label} x{s.Factor:0.##} [{Shorten(s.Evidence.Citation)}]"));
                    output.WriteLine($"              counts once for '{group.Name}'{(c.Subsumed.IsEmpty ? string.Empty : "; stands for " + string.Join("; ", others))}");
                }
            }

            foreach (var p in ranked.Pending)
            {
                output.WriteLine($"      pending  {p.Label}: ask {string.Join(", ", p.MissingFindingIds)}");
            }
        }

        var plan = result.Plan;
        output.WriteLine();
        output.WriteLine("Plan:");
        foreach (var action in plan.ImmediateActions)
        {
            output.WriteLine($"  NOW  {action}");
        }

        output.WriteLine($"  Running: {plan.RunningAdvice.Text}");
        Section(output, "Workup", plan.Workup);
        Section(output, "Treat", plan.Treatments);
        Section(output, "Deferred", plan.Deferred);
        Section(output, "Avoid", plan.Avoid);
        Section(output, "Prevent", plan.Prevention);
        output.WriteLine();
        output.WriteLine(TriageResult.Disclaimer);
    }

    /// <summary>
    /// The undecided red flags in the engine's order (those the case points at first, then the most urgent), each with the questions
    /// that would settle it and that no earlier line asks already; the first <see cref="RedFlagLines"/> of them.
    /// </summary>
    private static void PrintSettlingQuestions(TriageResult result, TextWriter output, KnowledgeBase? knowledgeBase)
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        var lines = 0;
        for (var i = 0; i < result.UndecidedRedFlags.Length; i++)
        {
            var flag = result.UndecidedRedFlags[i];
            var questions = flag.SettlingFindingIds.Where(id => !printed.Contains(id)).ToList();
            if (questions.Count == 0)
            {
                continue;
            }

            if (lines == RedFlagLines)
            {
                var rest = result.SettlingFindingIds.Count(id => !printed.Contains(id));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  and {rest} more questions for the other {result.UndecidedRedFlags.Length - i} undecided red flags"));
                return;
            }

            printed.UnionWith(questions);
            var names = questions.Select(id => knowledgeBase is not null && knowledgeBase.TryGetFinding(id, out var finding) ? finding.Name : id);
            var partly = flag.IsPartlyMet ? ", partly met" : string.Empty;
            output.WriteLine($"  {(lines == 0 ? "Ask first:" : "then:     ")} {string.Join("; ", names)} ({LowerFirst(flag.RedFlag.Name)}, {flag.RedFlag.Urgency}{partly})");
            lines++;
        }
    }

    private static string Upper(Urgency urgency) => urgency.ToString().ToUpperInvariant();

    private static string LowerFirst(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static void Section(TextWriter output, string title, IReadOnlyCollection<PlanItem> items)
    {
        foreach (var item in items)
        {
            var level = item.Treatment.Evidence.Level == EvidenceLevel.Insufficient ? " (insufficient evidence)" : string.Empty;
            output.WriteLine($"  {title,-8} {item.Treatment.Name}{level} [{string.Join(", ", item.CauseIds)}]");
        }
    }

    private static string Shorten(string citation) => citation.Length <= 48 ? citation : citation[..45] + "...";
}
