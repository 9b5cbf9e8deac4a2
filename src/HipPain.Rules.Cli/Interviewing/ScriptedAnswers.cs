using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;

namespace HipPain.Rules.Cli.Interviewing;

/// <summary>
/// Answers read line by line from a reader: <c>yes</c>/<c>y</c>, <c>no</c>/<c>n</c>, <c>don't know</c>/<c>dk</c>/<c>unknown</c>/<c>u</c>/<c>?</c>,
/// <c>back</c>/<c>b</c>; blank lines and lines starting with <c>#</c> are skipped; anything else is a usage error naming the line.
/// </summary>
/// <param name="reader">The reader (standard input).</param>
internal sealed class ScriptedAnswers(TextReader reader) : IAnswerSource
{
    private int lineNumber;

    /// <inheritdoc />
    public AnswerChoice? Ask(QuestionSuggestion question, int number, string wording)
    {
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            return Parse(text) ?? throw new CliException(string.Create(
                CultureInfo.InvariantCulture,
                $"answer line {lineNumber}: '{text}' is not an answer to Q{number} ({question.Finding.Id}); answer yes, no, don't know or back (y, n, dk, b)"));
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>A script's lines answer questions only; its map comes from <c>--pain-map</c>.</remarks>
    public IReadOnlyList<string>? AskPainMap(ImmutableArray<Finding> regions) => null;

    /// <summary>Reads one answer.</summary>
    /// <param name="text">The trimmed line.</param>
    /// <returns>The answer, or null when the text is not one.</returns>
    public static AnswerChoice? Parse(string text) => text.ToLowerInvariant() switch
    {
        "y" or "yes" => AnswerChoice.Yes,
        "n" or "no" => AnswerChoice.No,
        "dk" or "don't know" or "dont know" or "do not know" or "unknown" or "u" or "?" => AnswerChoice.DontKnow,
        "b" or "back" => AnswerChoice.Back,
        _ => null,
    };
}
