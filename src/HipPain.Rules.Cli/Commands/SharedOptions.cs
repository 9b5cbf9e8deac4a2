using System.CommandLine;

namespace HipPain.Rules.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class SharedOptions
{
    /// <summary><c>--pack FILE</c>: a knowledge-base JSON pack instead of the built-in base.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Pack() => new("--pack")
    {
        Description = "A knowledge-base JSON pack to use instead of the built-in base (docs/json-packs.md).",
        HelpName = "PACK.json",
    };

    /// <summary><c>--overlay FILE</c>, repeatable: clinic overlays applied in order.</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> Overlay() => new("--overlay")
    {
        Description = "A clinic overlay JSON file to apply; repeat to apply several, in order.",
        HelpName = "OVERLAY.json",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    /// <summary><c>--format text|json</c>.</summary>
    /// <param name="description">What each format writes.</param>
    /// <returns>The option.</returns>
    public static Option<string> Format(string description)
    {
        var option = new Option<string>("--format")
        {
            Description = description,
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
