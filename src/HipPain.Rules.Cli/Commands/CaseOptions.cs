using System.CommandLine;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Model;

namespace HipPain.Rules.Cli.Commands;

/// <summary>
/// The options that write a case on the command line (<c>--present</c>, <c>--absent</c>, <c>--age</c>,
/// <c>--sex</c>) and choose the knowledge base it is read against (<c>--pack</c>, <c>--overlay</c>), as one set:
/// the commands that triage, explain or interview a case add them in this order and read them the same way.
/// </summary>
internal sealed class CaseOptions
{
    /// <summary><c>--present CODE…</c>.</summary>
    public Option<string[]> Present { get; } = Codes("--present", "Finding codes present (see 'hippain kb findings'); repeat or list several.");

    /// <summary><c>--absent CODE…</c>.</summary>
    public Option<string[]> Absent { get; } = Codes("--absent", "Finding codes definitely absent; a finding not given is unknown.");

    /// <summary><c>--age N</c>.</summary>
    public Option<int?> Age { get; } = new("--age") { Description = "Age in years (0 to 120).", HelpName = "N" };

    /// <summary><c>--sex female|male|unspecified</c>.</summary>
    public Option<string?> Sex { get; } = SexOption();

    /// <summary><c>--pack</c> and <c>--overlay</c>: the knowledge base the case is read against.</summary>
    public KnowledgeOptions Knowledge { get; } = new();

    /// <summary>Adds the six options to a command, in the order its help lists them.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Present, Absent, Age, Sex })
        {
            command.Options.Add(option);
        }

        Knowledge.AddTo(command);
    }

    /// <summary>The knowledge base the options name: the built-in base or <c>--pack</c>, with every <c>--overlay</c> applied.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="console">The streams.</param>
    /// <returns>The knowledge base.</returns>
    public KnowledgeBase LoadKnowledgeBase(ParseResult parse, CliConsole console) => Knowledge.Load(parse, console);

    /// <summary>The case: from <paramref name="casePath"/> when given, otherwise from the finding, age and sex options.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="casePath">The command's case file, <c>-</c> for standard input, or null.</param>
    /// <param name="console">The streams.</param>
    /// <param name="allowEmpty">True when a case with nothing stated is allowed (an interview starts from it).</param>
    /// <returns>The case.</returns>
    public PatientCase ReadCase(ParseResult parse, string? casePath, CliConsole console, bool allowEmpty = false) =>
        CaseInput.Read(casePath, parse.GetValue(Present) ?? [], parse.GetValue(Absent) ?? [], parse.GetValue(Age), ParseSex(parse.GetValue(Sex)), console, allowEmpty);

    private static Sex? ParseSex(string? value) => value switch
    {
        null => null,
        "female" => Model.Sex.Female,
        "male" => Model.Sex.Male,
        _ => Model.Sex.Unspecified,
    };

    private static Option<string?> SexOption()
    {
        var option = new Option<string?>("--sex") { Description = "Sex." };
        option.AcceptOnlyFromAmong("female", "male", "unspecified");
        return option;
    }

    private static Option<string[]> Codes(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "CODE",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };
}
