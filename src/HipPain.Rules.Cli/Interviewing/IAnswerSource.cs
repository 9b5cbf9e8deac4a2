using HipPain.Rules.Interview;

namespace HipPain.Rules.Cli.Interviewing;

/// <summary>Where an interview's answers come from: a person at a terminal, or a script on standard input.</summary>
internal interface IAnswerSource
{
    /// <summary>Asks one question.</summary>
    /// <param name="question">The question.</param>
    /// <param name="number">The 1-based number of the question in the interview.</param>
    /// <param name="wording">The question in the audience's words.</param>
    /// <returns>The answer, or null when no more answers come (end of input).</returns>
    /// <exception cref="CliException">A scripted line is not an answer (exit code 2).</exception>
    AnswerChoice? Ask(QuestionSuggestion question, int number, string wording);
}
