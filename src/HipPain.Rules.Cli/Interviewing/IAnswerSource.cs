using System.Collections.Immutable;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;

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

    /// <summary>Asks the patient to mark the pain map before the first question, when this source can.</summary>
    /// <param name="regions">The map's regions (<see cref="Interviewer.PainMap"/>).</param>
    /// <returns>The ids of the marked regions (possibly none), or null when this source cannot ask (a script gives them with <c>--pain-map</c>).</returns>
    IReadOnlyList<string>? AskPainMap(ImmutableArray<Finding> regions);
}
