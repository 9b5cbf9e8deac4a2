using System.CommandLine;
using HipPain.Rules.Model;

namespace HipPain.Rules.Cli.Commands;

/// <summary>The options that write a case on the command line.</summary>
internal static class CaseOptions
{
    /// <summary><c>--present CODE…</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> Present() => Codes("--present", "Finding codes present (see 'hippain kb findings'); repeat or list several.");

    /// <summary><c>--absent CODE…</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> Absent() => Codes("--absent", "Finding codes definitely absent; a finding not given is unknown.");

    /// <summary><c>--age N</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<int?> Age() => new("--age") { Description = "Age in years (0 to 120).", HelpName = "N" };

    /// <summary><c>--sex female|male|unspecified</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Sex()
    {
        var option = new Option<string?>("--sex") { Description = "Sex." };
        option.AcceptOnlyFromAmong("female", "male", "unspecified");
        return option;
    }

    /// <summary>The <c>--sex</c> value as a <see cref="Model.Sex"/>.</summary>
    /// <param name="value">The option's value.</param>
    /// <returns>The sex, or null when not given.</returns>
    public static Sex? ParseSex(string? value) => value switch
    {
        null => null,
        "female" => Model.Sex.Female,
        "male" => Model.Sex.Male,
        _ => Model.Sex.Unspecified,
    };

    private static Option<string[]> Codes(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "CODE",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };
}
