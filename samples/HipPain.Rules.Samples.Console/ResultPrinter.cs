using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Samples.Console;

/// <summary>Writes a triage result as readable text.</summary>
public static class ResultPrinter
{
    /// <summary>Writes the result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="top">How many causes to list.</param>
    public static void Print(TriageResult result, TextWriter output, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"Case: {result.Case.Label ?? "(unnamed)"}");
        output.WriteLine($"Knowledge base: {result.KnowledgeBaseId} {result.KnowledgeBaseVersion} ({result.KnowledgeBaseHash[..19]}...), engine {result.EngineVersion.Split('+')[0]}");
        output.WriteLine();
        output.WriteLine($"URGENCY: {result.Urgency.ToString().ToUpperInvariant()}");
        foreach (var flag in result.RedFlags.Where(r => r.Status == RedFlagStatus.Fired))
        {
            output.WriteLine($"  RED FLAG ({flag.RedFlag.Urgency}): {flag.RedFlag.Name}");
        }

        foreach (var suspected in result.Differential.Where(r => r.SuspectedByRedFlags.Length > 0))
        {
            output.WriteLine(string.Create(inv, $"  Can't-miss cause named by a red flag: {suspected.Cause.Name} (rank {suspected.Rank}, {suspected.Probability:P1}); escalated whatever its rank"));
        }

        var notAssessed = result.RedFlags.Where(r => r.Status == RedFlagStatus.NotAssessed).Select(r => r.RedFlag.Name).ToList();
        if (notAssessed.Count > 0)
        {
            output.WriteLine($"  Not yet ruled out: {string.Join("; ", notAssessed)}");
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
