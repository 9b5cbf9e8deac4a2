using System.Collections.Immutable;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using Spectre.Console;

namespace HipPain.Rules.Cli.Interviewing;

/// <summary>Answers chosen at a terminal with a Spectre selection prompt (Yes, No, Don't know, Back), and the pain map with a multi-selection prompt.</summary>
/// <param name="console">The interactive console.</param>
internal sealed class PromptAnswers(IAnsiConsole console) : IAnswerSource
{
    private static readonly Dictionary<string, AnswerChoice> Choices = new(StringComparer.Ordinal)
    {
        ["Yes"] = AnswerChoice.Yes,
        ["No"] = AnswerChoice.No,
        ["Don't know"] = AnswerChoice.DontKnow,
        ["Back"] = AnswerChoice.Back,
    };

    /// <inheritdoc />
    public AnswerChoice? Ask(QuestionSuggestion question, int number, string wording)
    {
        var prompt = new SelectionPrompt<string>()
            .Title($"[bold]Q{number}.[/] {Markup.Escape(wording)}")
            .AddChoices(Choices.Keys);
        prompt.WrapAround = true;
        return Choices[console.Prompt(prompt)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string>? AskPainMap(ImmutableArray<Finding> regions)
    {
        var prompt = new MultiSelectionPrompt<Finding>()
            .Title("[bold]Where do you feel the pain?[/] Mark every place it hurts.")
            .InstructionsText("[grey](Space marks or unmarks a place, Enter goes on; mark none if none fits)[/]")
            .NotRequired()
            .UseConverter(f => Markup.Escape(f.Name))
            .AddChoices(regions);
        prompt.WrapAround = true;
        return [.. console.Prompt(prompt).Select(f => f.Id)];
    }
}
