using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using Spectre.Console;

namespace HipPain.Rules.Cli.Output;

/// <summary>
/// Writes one cause's explanation as a waterfall: the prior, then each contribution in the engine's order (largest
/// effect first) with the running probability and a bar spanning the step on a common log-odds axis, then the
/// posterior. Evidence groups show the member that counted and the decided members it stands for; every row
/// carries its citation.
/// </summary>
internal static class ExplanationView
{
    private const int AxisWidth = 36;
    private const int LabelWidth = 58;

    /// <summary>Writes the explanation.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The result the cause was ranked in.</param>
    /// <param name="ranked">The cause.</param>
    /// <param name="knowledgeBase">The base, to name findings.</param>
    public static void Write(IAnsiConsole console, TriageResult result, RankedCause ranked, KnowledgeBase knowledgeBase)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]{Markup.Escape(ranked.Cause.Name)}[/] ({Markup.Escape(ranked.Cause.Id)}): " + string.Create(inv, $"rank {ranked.Rank} of {result.Differential.Length}")
            + (ranked.Rank != ranked.PosteriorRank ? string.Create(inv, $" (rank {ranked.PosteriorRank} by probability alone; raised by a fired red flag)") : string.Empty));
        console.MarkupLine($"Case: {Markup.Escape(result.Case.Label ?? "(unnamed)")}");
        console.MarkupLine($"[grey]Knowledge base {Markup.Escape(result.KnowledgeBaseId)} {Markup.Escape(result.KnowledgeBaseVersion)} ({Markup.Escape(ResultView.Short(result.KnowledgeBaseHash))})[/]");
        console.WriteLine();

        var steps = new List<double> { ranked.PriorLogOdds };
        foreach (var contribution in ranked.Contributions)
        {
            steps.Add(steps[^1] + contribution.LogFactor);
        }

        var axis = new Axis(steps.Min(), steps.Max());
        console.MarkupLine($"[grey]{Pad("step", LabelWidth + 2)} {"factor",8} {"log-odds",9}  {"probability",11}  bar: log-odds axis {Format(axis.Minimum)} .. {Format(axis.Maximum)}[/]");
        Row(console, "  ", "Prior", null, ranked.PriorLogOdds, axis.Marker(ranked.PriorLogOdds), "grey");
        console.MarkupLine($"      [grey]{Markup.Escape(Cite(ranked.Cause.PriorEvidence))}[/]");

        var running = ranked.PriorLogOdds;
        foreach (var contribution in ranked.Contributions)
        {
            var before = running;
            running += contribution.LogFactor;
            var (sign, colour) = contribution.Direction switch
            {
                ContributionDirection.For => ("+ ", "green"),
                ContributionDirection.Against => ("- ", "red"),
                _ => ("· ", "grey"),
            };
            Row(console, sign, contribution.Label, contribution, running, axis.Span(before, running), colour);
            console.MarkupLine($"      [grey]{Markup.Escape(Cite(contribution.Evidence))}[/]");
            if (contribution.Group is { } group)
            {
                var role = group.Members.Any(m => m.IsJoint && m.RuleId == contribution.Rule.Id)
                    ? "joint figure"
                    : contribution.Direction switch
                    {
                        ContributionDirection.For => "strongest member for",
                        ContributionDirection.Against => "strongest member against",
                        _ => "member",
                    };
                console.MarkupLine($"      [blue]group[/] {Markup.Escape(group.Name)} ({Markup.Escape(group.Id)}): counted as the {role}; the group counts once");
                foreach (var subsumed in contribution.Subsumed)
                {
                    console.MarkupLine(string.Create(inv, $"      [blue]stands for[/] {Markup.Escape(subsumed.Label)} (x{subsumed.Factor:0.###} alone, not applied)"));
                    console.MarkupLine($"        [grey]{Markup.Escape(Cite(subsumed.Evidence))}[/]");
                }
            }
        }

        Row(console, "= ", "Posterior", null, ranked.LogOdds, axis.Marker(ranked.LogOdds), "bold");
        console.MarkupLine(string.Create(inv, $"[grey]{ranked.Contributions.Length} contributions ({ranked.For.Count()} for, {ranked.Against.Count()} against); share of the differential {ranked.Share:P1}[/]"));

        if (ranked.SuspectedByRedFlagIds.Length > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[red]Named by fired red flags:[/] {Markup.Escape(string.Join(", ", ranked.SuspectedByRedFlagIds))}");
        }

        if (ranked.Pending.Length > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Not yet decided[/] (the answers that would complete a rule for this cause):");
            foreach (var pending in ranked.Pending)
            {
                var missing = pending.MissingFindingIds.Select(id => knowledgeBase.TryGetFinding(id, out var f) ? $"{f.Name} ({id})" : id);
                console.MarkupLine($"  {Markup.Escape(pending.Label)}: ask {Markup.Escape(string.Join("; ", missing))}");
                console.MarkupLine($"    [grey]{Markup.Escape(Cite(pending.Rule.Evidence))}[/]");
            }
        }

        console.WriteLine();
        console.MarkupLine($"[grey]{Markup.Escape(TriageResult.Disclaimer)}[/]");
    }

    private static void Row(IAnsiConsole console, string sign, string label, Contribution? contribution, double logOddsAfter, string bar, string colour)
    {
        var inv = CultureInfo.InvariantCulture;
        var factor = contribution is null ? string.Empty : string.Create(inv, $"x{contribution.Factor:0.###}");
        var logOdds = contribution is null ? Format(logOddsAfter) : string.Create(inv, $"{contribution.LogFactor:+0.000;-0.000;0.000}");
        var probability = 1.0 / (1.0 + Math.Exp(-logOddsAfter));
        console.MarkupLine(string.Create(inv, $"{sign}{Markup.Escape(Pad(label, LabelWidth))} {factor,8} {logOdds,9}  {probability,11:P1}  [{colour}]{bar}[/]"));
    }

    private static string Cite(Evidence evidence) => $"{evidence.Citation} [{evidence.Level}; {evidence.Status}]";

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Pad(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text.PadRight(width);

    /// <summary>The common log-odds axis the bars are drawn on.</summary>
    private readonly record struct Axis(double Minimum, double Maximum)
    {
        private int Column(double value) =>
            Maximum - Minimum < 1e-12 ? AxisWidth / 2 : (int)Math.Round((value - Minimum) / (Maximum - Minimum) * (AxisWidth - 1), MidpointRounding.AwayFromZero);

        /// <summary>A one-character marker at a value.</summary>
        public string Marker(double value)
        {
            var column = Column(value);
            return new string(' ', column) + "│" + new string(' ', AxisWidth - column - 1);
        }

        /// <summary>A bar from one value to another (at least one character; a dot for no change).</summary>
        public string Span(double from, double to)
        {
            if (from == to)
            {
                return Marker(from).Replace('│', '·');
            }

            var a = Column(Math.Min(from, to));
            var b = Math.Max(a, Column(Math.Max(from, to)));
            var glyph = to > from ? '█' : '▒';
            return new string(' ', a) + new string(glyph, b - a + 1) + new string(' ', AxisWidth - b - 1);
        }
    }
}
