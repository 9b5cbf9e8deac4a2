using System.CommandLine;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Model;

namespace HipPain.Rules.Cli.Commands;

/// <summary>
/// The options that choose a knowledge base (<c>--pack</c> and <c>--overlay</c>), as one set: every command that
/// reads the base adds them in this order and loads the base the same way.
/// </summary>
internal sealed class KnowledgeOptions
{
    /// <summary><c>--pack FILE</c>.</summary>
    public Option<string?> Pack { get; } = SharedOptions.Pack();

    /// <summary><c>--overlay FILE</c>, repeatable.</summary>
    public Option<string[]> Overlay { get; } = SharedOptions.Overlay();

    /// <summary>Adds the two options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Pack);
        command.Options.Add(Overlay);
    }

    /// <summary>The knowledge base the options name: the built-in base or <c>--pack</c>, with every <c>--overlay</c> applied.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="console">The streams.</param>
    /// <returns>The knowledge base.</returns>
    public KnowledgeBase Load(ParseResult parse, CliConsole console) =>
        KnowledgeSource.Load(parse.GetValue(Pack), parse.GetValue(Overlay) ?? [], console);
}
