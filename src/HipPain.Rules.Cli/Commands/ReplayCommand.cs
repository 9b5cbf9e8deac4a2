using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Cli.Output;
using HipPain.Rules.Cli.Replay;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using Spectre.Console;

namespace HipPain.Rules.Cli.Commands;

/// <summary>
/// <c>hippain replay</c>: triage every case file of a folder against a base and a candidate knowledge base and show
/// which leading causes, top-three sets and urgencies changed; <c>--fail-on</c> turns chosen changes into exit code 3.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>Folders with at least this many case files show a progress bar (when standard error is a terminal).</summary>
    public const int ProgressThreshold = 20;

    /// <summary>The changes <c>--fail-on</c> accepts.</summary>
    public static readonly IReadOnlyList<string> FailOnValues = ["urgency-drop", "leading-change", "top3-change", "any-change"];

    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var cases = new Option<string>("--cases")
        {
            Description = "The folder of case files (*.json, searched recursively, in the case format of docs/json-packs.md).",
            HelpName = "DIR",
            Required = true,
        };
        var basePack = new Option<string?>("--base")
        {
            Description = "The knowledge base in use now, as a JSON pack; the built-in base when left out.",
            HelpName = "A.json",
        };
        var baseOverlayOption = new Option<string[]>("--base-overlay")
        {
            Description = "An overlay applied to the base side; repeat to apply several, in order.",
            HelpName = "OVERLAY.json",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [],
        };
        var candidatePack = new Option<string?>("--candidate")
        {
            Description = "The knowledge base to switch to, as a JSON pack; the base's pack (before its --base-overlay) when left out, so that --overlay alone replays an overlay.",
            HelpName = "B.json",
        };
        var overlay = SharedOptions.Overlay();
        overlay.Description = "An overlay applied to the candidate side; repeat to apply several, in order.";
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit with code 3 when any case shows this change: urgency-drop (the settled or the highest possible urgency falls), leading-change, top3-change, any-change. Repeatable.",
            HelpName = "CHANGE",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        failOn.AcceptOnlyFromAmong([.. FailOnValues]);
        var all = new Option<bool>("--all") { Description = "Text format: list every case, not only the changed ones and the errors." };
        var format = SharedOptions.Format("text: the changed cases and a summary; json: one hippain-replay document with every case, for CI pipelines.");
        var command = new Command("replay", """
            Triage every case file in a folder against two knowledge bases, the base (in use now) and the candidate
            (a new pack, or the base with clinic overlays), and show which leading causes, top-three sets and
            urgencies changed, with a summary count. Folders of 20 or more cases show a progress bar on a terminal.
            Exit codes: 0 done (changes are reported, not failed, unless --fail-on names them), 1 a case file or a
            pack that does not read or validate (the other cases are still replayed), 2 usage, 3 a --fail-on change.

            Examples:
              hippain replay --cases samples/cases --overlay samples/packs/endurance-clinic.overlay.json
              hippain replay --cases clinic-cases/ --base current.json --candidate next.json --fail-on urgency-drop
              hippain replay --cases samples/cases --candidate next.json --fail-on urgency-drop --fail-on leading-change --format json
            """)
        {
            cases, basePack, baseOverlayOption, candidatePack, overlay, failOn, all, format,
        };
        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            var folder = p.GetValue(cases)!;
            var files = CaseFiles(folder);
            var baseKb = KnowledgeSource.Load(p.GetValue(basePack), p.GetValue(baseOverlayOption) ?? [], console);
            var candidateKb = KnowledgeSource.Load(p.GetValue(candidatePack) ?? p.GetValue(basePack), p.GetValue(overlay) ?? [], console);
            var comparisons = Run(console, folder, files, new TriageEngine(baseKb), new TriageEngine(candidateKb));
            var summary = ReplaySummary.Of(comparisons);
            var failOnValues = (p.GetValue(failOn) ?? []).Distinct(StringComparer.Ordinal).ToList();
            var failed = failOnValues.Where(f => summary.Count(f) > 0).ToList();
            if (p.GetValue(format) == "json")
            {
                console.Out.WriteLine(ToJson(baseKb, candidateKb, comparisons, summary, failOnValues, failed));
            }
            else
            {
                WriteText(console.CreateAnsiConsole(), folder, baseKb, candidateKb, comparisons, summary, failed, p.GetValue(all));
            }

            return failed.Count > 0 ? ExitCodes.FailOn : summary.Errors > 0 ? ExitCodes.Problems : ExitCodes.Success;
        }));
        return command;
    }

    private static List<string> CaseFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"cannot read '{folder}': no such directory");
        }

        List<string> files;
        try
        {
            files = [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).OrderBy(f => Relative(folder, f), StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read '{folder}': {ex.Message}", ex);
        }

        return files.Count == 0 ? throw new CliException($"no case files (*.json) in '{folder}'") : files;
    }

    private static List<CaseComparison> Run(CliConsole console, string folder, List<string> files, TriageEngine baseEngine, TriageEngine candidateEngine)
    {
        var comparisons = new List<CaseComparison>(files.Count);
        void ReplayOne(string file) =>
            comparisons.Add(CaseComparison.Run(Relative(folder, file), InputFiles.Read(file, console), baseEngine, candidateEngine));

        if (console.IsErrorTerminal && files.Count >= ProgressThreshold)
        {
            console.CreateErrorAnsiConsole().Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(string.Create(CultureInfo.InvariantCulture, $"Replaying {files.Count} cases"), maxValue: files.Count);
                    foreach (var file in files)
                    {
                        ReplayOne(file);
                        task.Increment(1);
                    }
                });
        }
        else
        {
            foreach (var file in files)
            {
                ReplayOne(file);
            }
        }

        return comparisons;
    }

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');

    private static void WriteText(IAnsiConsole console, string folder, KnowledgeBase baseKb, KnowledgeBase candidateKb, List<CaseComparison> comparisons, ReplaySummary summary, List<string> failed, bool all)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine(string.Create(inv, $"[bold]Replaying {comparisons.Count} case files[/] from {Markup.Escape(folder)}"));
        console.MarkupLine($"  base:      {Markup.Escape(Stamp(baseKb))}");
        console.MarkupLine($"  candidate: {Markup.Escape(Stamp(candidateKb))}");
        foreach (var c in comparisons.Where(c => all || c.IsError || c.Changed))
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(c.File)}[/]{(c.IsError ? " [red]error[/]" : c.Changed ? string.Empty : " unchanged")}");
            if (c.IsError)
            {
                if (c.BaseError is not null && c.BaseError == c.CandidateError)
                {
                    console.MarkupLine($"  {Markup.Escape(c.BaseError)}");
                }
                else
                {
                    if (c.BaseError is not null)
                    {
                        console.MarkupLine($"  base:      {Markup.Escape(c.BaseError)}");
                    }

                    if (c.CandidateError is not null)
                    {
                        console.MarkupLine($"  candidate: {Markup.Escape(c.CandidateError)}");
                    }
                }

                continue;
            }

            var b = c.Base!;
            var n = c.Candidate!;
            if (c.LeadingChanged || all)
            {
                console.MarkupLine($"  leading:   {Markup.Escape(b.Leading.Cause.Id)}{(c.LeadingChanged ? $" -> {Markup.Escape(n.Leading.Cause.Id)}" : string.Empty)}");
            }

            if (c.TopThreeChanged || all)
            {
                var baseTop = string.Join(", ", CaseComparison.TopThreeIds(b));
                console.MarkupLine($"  top 3:     {Markup.Escape(baseTop)}{(c.TopThreeChanged ? $" -> {Markup.Escape(string.Join(", ", CaseComparison.TopThreeIds(n)))}" : string.Empty)}");
            }

            if (c.UrgencyDropped || c.UrgencyRaised || c.PossibleUrgencyDropped || c.PossibleUrgencyRaised || all)
            {
                console.MarkupLine($"  urgency:   {UrgencyChange(b.Urgency, n.Urgency)}; highest possible {UrgencyChange(b.HighestPossibleUrgency, n.HighestPossibleUrgency)}");
            }
        }

        console.WriteLine();
        console.MarkupLine(string.Create(inv, $"[bold]Summary:[/] {summary.Cases} cases: {summary.Unchanged} unchanged, {summary.Changed} changed, {summary.Errors} errors"));
        console.MarkupLine(string.Create(inv, $"  leading cause changed {summary.LeadingChanged}; top-three set changed {summary.TopThreeChanged}"));
        console.MarkupLine(string.Create(inv, $"  urgency raised {summary.UrgencyRaised}, dropped {summary.UrgencyDropped}; highest possible urgency raised {summary.PossibleUrgencyRaised}, dropped {summary.PossibleUrgencyDropped}"));
        foreach (var f in failed)
        {
            console.MarkupLine(string.Create(inv, $"[red]FAIL[/] --fail-on {f}: {summary.Count(f)} case{(summary.Count(f) == 1 ? string.Empty : "s")}"));
        }
    }

    private static string UrgencyChange(Urgency before, Urgency after) =>
        before == after ? ResultView.Upper(before)
        : after < before ? $"{ResultView.Upper(before)} -> [red]{ResultView.Upper(after)} (drop)[/]"
        : $"{ResultView.Upper(before)} -> {ResultView.Upper(after)} (raised)";

    private static string Stamp(KnowledgeBase kb) =>
        $"{kb.Id} {kb.Version} ({ResultView.Short(kb.ContentHash)})" + (kb.DerivedFrom.IsEmpty ? string.Empty : $", derived from {string.Join(" <- ", kb.DerivedFrom.Select(d => $"{d.Id} {d.Version}"))}");

    private static string ToJson(KnowledgeBase baseKb, KnowledgeBase candidateKb, List<CaseComparison> comparisons, ReplaySummary summary, List<string> failOn, List<string> failed) =>
        JsonReport.Write("hippain-replay", 1, w =>
        {
            WriteStamp(w, "base", baseKb);
            WriteStamp(w, "candidate", candidateKb);
            w.WriteStartObject("summary");
            w.WriteNumber("cases", summary.Cases);
            w.WriteNumber("unchanged", summary.Unchanged);
            w.WriteNumber("changed", summary.Changed);
            w.WriteNumber("errors", summary.Errors);
            w.WriteNumber("leadingChanged", summary.LeadingChanged);
            w.WriteNumber("topThreeChanged", summary.TopThreeChanged);
            w.WriteNumber("urgencyRaised", summary.UrgencyRaised);
            w.WriteNumber("urgencyDropped", summary.UrgencyDropped);
            w.WriteNumber("possibleUrgencyRaised", summary.PossibleUrgencyRaised);
            w.WriteNumber("possibleUrgencyDropped", summary.PossibleUrgencyDropped);
            w.WriteEndObject();
            JsonReport.WriteStrings(w, "failOn", failOn);
            JsonReport.WriteStrings(w, "failed", failed);
            JsonReport.WriteObjects(w, "cases", comparisons, static (w, c) =>
            {
                w.WriteString("file", c.File);
                w.WriteString("status", c.IsError ? "error" : c.Changed ? "changed" : "unchanged");
                WriteSide(w, "base", c.Base, c.BaseError);
                WriteSide(w, "candidate", c.Candidate, c.CandidateError);
                if (!c.IsError)
                {
                    w.WriteBoolean("leadingChanged", c.LeadingChanged);
                    w.WriteBoolean("topThreeChanged", c.TopThreeChanged);
                    w.WriteBoolean("urgencyDropped", c.UrgencyDropped);
                    w.WriteBoolean("possibleUrgencyDropped", c.PossibleUrgencyDropped);
                }
            });
        });

    private static void WriteStamp(Utf8JsonWriter w, string name, KnowledgeBase kb)
    {
        w.WriteStartObject(name);
        w.WriteString("id", kb.Id);
        w.WriteString("version", kb.Version);
        w.WriteString("hash", kb.ContentHash);
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, TriageResult? result, string? error)
    {
        w.WriteStartObject(name);
        if (result is null)
        {
            w.WriteString("error", error);
        }
        else
        {
            w.WriteString("leading", result.Leading.Cause.Id);
            JsonReport.WriteStrings(w, "topThree", CaseComparison.TopThreeIds(result));
            w.WriteString("urgency", JsonName(result.Urgency));
            w.WriteString("highestPossibleUrgency", JsonName(result.HighestPossibleUrgency));
        }

        w.WriteEndObject();
    }

    private static string JsonName(Urgency urgency) => urgency switch
    {
        Urgency.SelfCare => "selfCare",
        _ => urgency.ToString().ToLowerInvariant(),
    };
}
