using System.CommandLine;
using HipPain.Rules.Cli.Commands;

namespace HipPain.Rules.Cli;

/// <summary>The <c>hippain</c> command tree and its invocation; tests call <see cref="Run"/> in process.</summary>
internal static class HippainApp
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">The streams.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = CreateRootCommand(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"hippain: error: {error.Message}");
            }

            console.Error.WriteLine("Run 'hippain --help' (or 'hippain COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>The command tree.</summary>
    /// <param name="console">The streams the actions write to.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("""
            hippain: triage hip pain in runners, and check knowledge-base packs and clinic overlays, with HipPain.Rules.
            Decision support for clinicians, not a diagnosis.

            Exit codes: 0 success (lint: clean), 1 problems in the input (lint problems, an invalid case, pack or overlay), 2 usage,
            3 replay found a change that --fail-on names.
            Examples:
              hippain triage samples/cases/lateral-hip-runner.case.json
              hippain triage --present loc.groin --present sym.night-pain --age 41 --sex female --format json
              hippain interview --audience patient --age 24 --sex female
              hippain explain gtps --case samples/cases/lateral-hip-runner.case.json
              hippain replay --cases samples/cases --candidate next-base.json --fail-on urgency-drop
              hippain lint my-base.json --overlay my-clinic.overlay.json --format json
              hippain kb show --overlay samples/packs/endurance-clinic.overlay.json
              hippain priors register.csv --citation "Our clinic, 2024-2026" --output clinic.overlay.json
            """);
        root.Subcommands.Add(TriageCommand.Create(console));
        root.Subcommands.Add(InterviewCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(ReplayCommand.Create(console));
        root.Subcommands.Add(LintCommand.Create(console));
        root.Subcommands.Add(KbCommand.Create(console));
        root.Subcommands.Add(PriorsCommand.Create(console));
        return root;
    }

    /// <summary>Runs a command's body; a <see cref="CliException"/> becomes one line on standard error and its exit code.</summary>
    /// <param name="console">The streams.</param>
    /// <param name="body">The body.</param>
    /// <returns>The exit code.</returns>
    public static int Guarded(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException ex)
        {
            console.Error.WriteLine($"hippain: error: {ex.Message}");
            return ex.ExitCode;
        }
    }
}
