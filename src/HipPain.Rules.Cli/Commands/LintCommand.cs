using System.CommandLine;
using System.Globalization;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Cli.Lint;
using HipPain.Rules.Cli.Output;

namespace HipPain.Rules.Cli.Commands;

/// <summary><c>hippain lint</c>: every problem of a pack and its overlays, with code, JSON path, line and column, grouped by file.</summary>
internal static class LintCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var packFile = new Argument<string>("PACK.json")
        {
            Description = "A knowledge-base pack, or a clinic overlay (checked against the built-in base).",
        };
        var overlay = SharedOptions.Overlay();
        overlay.Description = "An overlay to check against the pack; repeat to apply several, in order.";
        var format = SharedOptions.Format("text: problems grouped by file; json: one document for CI pipelines.");
        var command = new Command("lint", """
            Check a knowledge-base pack and the overlays applied to it: every problem with its code (docs/errors.md),
            JSON path, line and column, grouped by file.
            Exit codes: 0 no problem, 1 problems found, 2 usage (a file that cannot be read, a bad option).

            Examples:
              hippain lint my-base.json
              hippain lint samples/packs/endurance-clinic.overlay.json
              hippain lint my-base.json --overlay clinic-a.overlay.json --overlay clinic-a-2027.overlay.json --format json
            """)
        {
            packFile, overlay, format,
        };
        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            var packPath = p.GetValue(packFile)!;
            var pack = (packPath, InputFiles.Read(packPath, console));
            var overlays = (p.GetValue(overlay) ?? []).Select(o => (o, InputFiles.Read(o, console))).ToList();
            var reports = PackLinter.Lint(pack, overlays);
            if (p.GetValue(format) == "json")
            {
                console.Out.WriteLine(ToJson(reports));
            }
            else
            {
                WriteText(console.Out, reports);
            }

            return reports.Any(r => r.Problems.Count > 0) ? ExitCodes.Problems : ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<LintFileReport> reports)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var report in reports)
        {
            output.WriteLine(report.Problems.Count == 0
                ? $"{report.File} ({report.Kind}): no problems"
                : string.Create(inv, $"{report.File} ({report.Kind}): {report.Problems.Count} problem{(report.Problems.Count == 1 ? string.Empty : "s")}"));
            foreach (var problem in report.Problems)
            {
                output.WriteLine(string.Create(inv, $"  {report.File}:{problem.Line}:{problem.Column}: {problem.Code} at {problem.Path}: {problem.Message}"));
            }
        }

        var total = reports.Sum(r => r.Problems.Count);
        output.WriteLine(string.Create(inv, $"{total} problem{(total == 1 ? string.Empty : "s")} in {reports.Count(r => r.Problems.Count > 0)} of {reports.Count} files"));
    }

    private static string ToJson(IReadOnlyList<LintFileReport> reports) => JsonReport.Write("hippain-lint", 1, writer =>
    {
        writer.WriteNumber("problemCount", reports.Sum(r => r.Problems.Count));
        JsonReport.WriteObjects(writer, "files", reports, static (w, report) =>
        {
            w.WriteString("file", report.File);
            w.WriteString("kind", report.Kind);
            JsonReport.WriteObjects(w, "problems", report.Problems, static (w, problem) =>
            {
                w.WriteString("code", problem.Code);
                w.WriteString("path", problem.Path);
                w.WriteNumber("line", problem.Line);
                w.WriteNumber("column", problem.Column);
                w.WriteString("message", problem.Message);
            });
        });
    });
}
