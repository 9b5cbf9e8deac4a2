using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using Spectre.Console;

namespace HipPain.Rules.Cli.Output;

/// <summary>Writes a triage result for a terminal, in the display order of docs/results.md: urgency, exclude first, differential as bars, plan.</summary>
internal static class ResultView
{
    private const int BarWidth = 30;

    /// <summary>Writes the result.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The result.</param>
    /// <param name="knowledgeBase">The base, to name findings.</param>
    /// <param name="top">How many causes to list.</param>
    public static void Write(IAnsiConsole console, TriageResult result, KnowledgeBase knowledgeBase, int top)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]Case:[/] {Markup.Escape(result.Case.Label ?? "(unnamed)")}");
        console.MarkupLine($"[grey]Knowledge base {Markup.Escape(result.KnowledgeBaseId)} {Markup.Escape(result.KnowledgeBaseVersion)} ({Markup.Escape(Short(result.KnowledgeBaseHash))})[/]");
        console.WriteLine();

        var colour = UrgencyColour(result.Urgency);
        console.MarkupLine(result.IsUrgencyProvisional
            ? $"[bold {colour}]URGENCY: {Upper(result.Urgency)} (provisional)[/] so far; could still be [bold {UrgencyColour(result.HighestPossibleUrgency)}]{Upper(result.HighestPossibleUrgency)}[/] until the red flags below are settled"
            : $"[bold {colour}]URGENCY: {Upper(result.Urgency)} (settled)[/]");

        var fired = result.RedFlags.Where(r => r.Status == RedFlagStatus.Fired).ToList();
        foreach (var flag in fired)
        {
            console.MarkupLine($"  [red]RED FLAG[/] ({flag.RedFlag.Urgency}): {Markup.Escape(flag.RedFlag.Name)}: {Markup.Escape(flag.RedFlag.Action)}");
        }

        foreach (var flag in result.UndecidedRedFlags.Take(3))
        {
            var questions = flag.SettlingFindingIds.Take(4).Select(id => knowledgeBase.TryGetFinding(id, out var f) ? f.Name : id);
            var partly = flag.IsPartlyMet ? ", partly met" : string.Empty;
            console.MarkupLine($"  [yellow]undecided[/] {Markup.Escape(flag.RedFlag.Name)} ({flag.RedFlag.Urgency}{partly}): ask {Markup.Escape(string.Join("; ", questions))}");
        }

        if (result.UndecidedRedFlags.Length > 3)
        {
            console.MarkupLine(string.Create(inv, $"  [grey]and {result.UndecidedRedFlags.Length - 3} more undecided red flags[/]"));
        }

        var mustExclude = result.Differential.Where(r => r.SuspectedByRedFlagIds.Length > 0).ToList();
        if (mustExclude.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Exclude first:[/]");
            foreach (var cause in mustExclude)
            {
                console.MarkupLine(string.Create(inv, $"  {Markup.Escape(cause.Cause.Name)} (rank {cause.Rank}, {cause.Probability:P1})"));
            }
        }

        console.WriteLine();
        console.MarkupLine("[bold]Differential[/] (posterior probability of each cause):");
        var shown = result.Differential.Take(top).ToList();
        var nameWidth = Math.Min(48, shown.Count == 0 ? 10 : shown.Max(r => r.Cause.Name.Length));
        foreach (var ranked in shown)
        {
            var filled = (int)Math.Round(ranked.Probability * BarWidth, MidpointRounding.AwayFromZero);
            var bar = new string('█', filled) + new string('░', BarWidth - filled);
            var name = ranked.Cause.Name.Length > nameWidth ? ranked.Cause.Name[..(nameWidth - 1)] + "…" : ranked.Cause.Name.PadRight(nameWidth);
            var flag = ranked.SuspectedByRedFlagIds.Length > 0 ? " [red]red flag[/]" : string.Empty;
            console.MarkupLine(string.Create(inv, $"{ranked.Rank,3}. {Markup.Escape(name)} [blue]{bar}[/] {ranked.Probability,6:P1}{flag}"));
        }

        var plan = result.Plan;
        console.WriteLine();
        console.MarkupLine("[bold]Plan:[/]");
        foreach (var action in plan.ImmediateActions)
        {
            console.MarkupLine($"  [red]NOW[/]      {Markup.Escape(action)}");
        }

        console.MarkupLine($"  Running  {Markup.Escape(plan.RunningAdvice.Text)}");
        Section(console, "Workup", plan.Workup);
        Section(console, "Treat", plan.Treatments);
        Section(console, "Deferred", plan.Deferred);
        Section(console, "Avoid", plan.Avoid);
        Section(console, "Prevent", plan.Prevention);
        console.WriteLine();
        console.MarkupLine($"[grey]{Markup.Escape(TriageResult.Disclaimer)}[/]");
    }

    /// <summary>An urgency in capitals.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>For example <c>EMERGENCY</c>.</returns>
    public static string Upper(Urgency urgency) => urgency.ToString().ToUpperInvariant();

    /// <summary>The first 19 characters of a content hash.</summary>
    /// <param name="hash">The hash.</param>
    /// <returns>The short form.</returns>
    public static string Short(string hash) => hash.Length > 19 ? hash[..19] + "…" : hash;

    private static string UrgencyColour(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "red",
        Urgency.Urgent => "darkorange",
        Urgency.Routine => "green",
        _ => "grey",
    };

    private static void Section(IAnsiConsole console, string title, IReadOnlyCollection<PlanItem> items)
    {
        foreach (var item in items)
        {
            console.MarkupLine($"  {title,-8} {Markup.Escape(item.Treatment.Name)} [grey]({item.Line}; {Markup.Escape(LevelText(item))})[/]");
        }
    }

    /// <summary>
    /// The evidence level that grades the item for its causes: one level when every cause shares it (which may differ
    /// from the treatment's own level: a trial in one condition does not grade another), else each cause with its own.
    /// </summary>
    private static string LevelText(PlanItem item)
    {
        var levels = item.CauseEvidence.Select(e => e.Level).Distinct().ToList();
        return levels.Count switch
        {
            0 => item.Treatment.Evidence.Level.ToString(),
            1 => levels[0].ToString(),
            _ => string.Join(", ", item.CauseIds.Select((cause, i) => $"{cause} {item.CauseEvidence[i].Level}")),
        };
    }
}
