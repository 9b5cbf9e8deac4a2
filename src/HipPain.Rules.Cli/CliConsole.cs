using Spectre.Console;

namespace HipPain.Rules.Cli;

/// <summary>The streams a command reads and writes; tests pass their own writers.</summary>
/// <param name="In">Standard input (a case given as <c>-</c>).</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one line per error.</param>
/// <param name="IsTerminal">True when <paramref name="Out"/> is an interactive terminal (colours).</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool IsTerminal = false)
{
    /// <summary>The process's own standard streams.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromProcess() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>A Spectre console writing to <see cref="Out"/>: colours only on a terminal, 200 columns (no wrapping) otherwise.</summary>
    /// <returns>The console.</returns>
    public IAnsiConsole CreateAnsiConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        if (!IsTerminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
