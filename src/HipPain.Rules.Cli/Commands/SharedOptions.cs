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

    /// <summary><c>--top N</c>, at least 1, 5 by default.</summary>
    /// <param name="description">What the number counts.</param>
    /// <returns>The option.</returns>
    public static Option<int> Top(string description)
    {
        var option = new Option<int>("--top")
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => 5,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--top must be at least 1.");
            }
        });
        return option;
    }
}
