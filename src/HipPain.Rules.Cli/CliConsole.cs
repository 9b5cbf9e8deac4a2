using Spectre.Console;

namespace HipPain.Rules.Cli;

/// <summary>The streams a command reads and writes; tests pass their own writers.</summary>
/// <param name="In">Standard input (a case given as <c>-</c>).</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one line per error.</param>
/// <param name="IsTerminal">True when <paramref name="Out"/> is an interactive terminal (colours).</param>
/// <param name="IsErrorTerminal">True when <paramref name="Error"/> is an interactive terminal (progress bars).</param>
/// <param name="IsInputTerminal">True when <paramref name="In"/> is a keyboard (interactive prompts) rather than a file or pipe.</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool IsTerminal = false, bool IsErrorTerminal = false, bool IsInputTerminal = false)
{
    /// <summary>
    /// A console for interactive prompts that replaces the terminal (tests pass Spectre's <c>TestConsole</c>); when set,
    /// <c>interview</c> asks with prompts on it and writes its questions there. Null for the process's terminal.
    /// </summary>
    public IAnsiConsole? Prompts { get; init; }

    /// <summary>The process's own standard streams.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromProcess() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected, !Console.IsInputRedirected);

    /// <summary>A Spectre console writing to <see cref="Error"/>, for progress that must not mix with the output.</summary>
    /// <returns>The console; interactive (live progress) only when standard error is a terminal.</returns>
    public IAnsiConsole CreateErrorAnsiConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = IsErrorTerminal ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = IsErrorTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsErrorTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        Out = new AnsiConsoleOutput(Error),
    });

    /// <summary>A Spectre console writing to <see cref="Out"/>: colours only on a terminal, otherwise 4,096 columns so that piped lines are never wrapped.</summary>
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
            console.Profile.Width = 4096;
        }

        return console;
    }
}
