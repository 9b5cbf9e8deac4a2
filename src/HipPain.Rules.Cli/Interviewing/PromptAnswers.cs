using HipPain.Rules.Interview;
using Spectre.Console;

namespace HipPain.Rules.Cli.Interviewing;

/// <summary>Answers chosen at a terminal with a Spectre selection prompt: Yes, No, Don't know, Back.</summary>
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
}
