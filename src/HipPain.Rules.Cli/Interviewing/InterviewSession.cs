using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using Spectre.Console;

namespace HipPain.Rules.Cli.Interviewing;

/// <summary>
/// Runs an interview: asks the interviewer's next question, records the answer (or goes back one question), shows the
/// top three and the urgency after each answer, until the interviewer stops or the answers run out.
/// </summary>
internal static class InterviewSession
{
    /// <summary>Runs the interview.</summary>
    /// <param name="interviewer">The interviewer.</param>
    /// <param name="start">The findings given before the first question.</param>
    /// <param name="painMap">
    /// The regions marked on the pain map (<c>--pain-map</c>), or null to ask <paramref name="answers"/> for them in a
    /// patient interview whose starting case gives no pain location (a terminal asks; a script cannot).
    /// </param>
    /// <param name="answers">Where the answers come from.</param>
    /// <param name="transcript">Where the questions and progress are written.</param>
    /// <returns>The last step, and whether the answers ran out before the interviewer stopped.</returns>
    public static (InterviewStep Step, bool AnswersRanOut) Run(Interviewer interviewer, PatientCase start, IReadOnlyList<string>? painMap, IAnswerSource answers, IAnsiConsole transcript)
    {
        var inv = CultureInfo.InvariantCulture;
        var previous = new Stack<InterviewStep>();
        var patient = interviewer.Audience == InterviewAudience.Patient;
        var givesLocation = start.Observations.Any(o => interviewer.PainMap.Any(f => f.Id == o.FindingId));
        if (painMap is null && patient && !givesLocation)
        {
            painMap = answers.AskPainMap(interviewer.PainMap);
            if (painMap is null)
            {
                transcript.MarkupLine("[grey]No pain map given: the interview starts without one (mark the regions with --pain-map; docs/interview.md).[/]");
            }
        }

        painMap ??= [];
        var step = interviewer.Start(start, painMap);
        var map = painMap.Count == 0
            ? string.Empty
            : ", pain map: " + string.Join("; ", painMap.Distinct(StringComparer.Ordinal).Select(id => interviewer.PainMap.First(f => f.Id == id).Name));
        transcript.MarkupLine(string.Create(inv, $"[bold]Interview[/] ({(patient ? "patient" : "clinician")}), {start.Observations.Length} findings given{Markup.Escape(map)}. Answer yes, no, don't know, or back to change the previous answer."));
        Progress(transcript, step);
        while (step.NextQuestion is { } question)
        {
            var number = step.QuestionsAsked + 1;
            transcript.WriteLine();
            transcript.MarkupLine(string.Create(inv, $"[bold]Q{number}.[/] {Markup.Escape(question.Wording)}"));
            if (question.IsRedFlagQuestion)
            {
                transcript.MarkupLine($"    [red]red-flag question[/]: {Markup.Escape(string.Join("; ", question.RedFlags.Select(f => f.Name)))}");
            }
            else if (interviewer.Audience == InterviewAudience.Clinician)
            {
                transcript.MarkupLine($"    [grey]why: {Markup.Escape(question.Reason)}[/]");
            }

            var answer = answers.Ask(question, number, question.Wording);
            if (answer is null)
            {
                return (step, true);
            }

            transcript.MarkupLine($"    answer: {Word(answer.Value)}");
            if (answer == AnswerChoice.Back)
            {
                if (previous.Count == 0)
                {
                    transcript.MarkupLine("    [grey](no earlier answer to go back to)[/]");
                }
                else
                {
                    step = previous.Pop();
                    transcript.MarkupLine(string.Create(inv, $"    [grey]back to Q{step.QuestionsAsked + 1}[/]"));
                }

                continue;
            }

            previous.Push(step);
            step = interviewer.Answer(step, answer switch
            {
                AnswerChoice.Yes => FindingState.Present,
                AnswerChoice.No => FindingState.Absent,
                _ => FindingState.Unknown,
            });
            Progress(transcript, step);
        }

        transcript.WriteLine();
        transcript.MarkupLine(string.Create(inv, $"[bold]Interview finished[/] after {step.QuestionsAsked} question{(step.QuestionsAsked == 1 ? string.Empty : "s")}, {step.RedFlagQuestionsAsked} of them red-flag questions: {Markup.Escape(step.Explanation)}"));
        return (step, false);
    }

    /// <summary>An answer in words.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>Yes, No, Don't know or Back.</returns>
    public static string Word(AnswerChoice answer) => answer switch
    {
        AnswerChoice.Yes => "Yes",
        AnswerChoice.No => "No",
        AnswerChoice.DontKnow => "Don't know",
        _ => "Back",
    };

    private static void Progress(IAnsiConsole transcript, InterviewStep step)
    {
        var top = string.Join("; ", step.TopThree.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Rank}. {r.Cause.Name} {r.Probability:P0}")));
        var result = step.Result;
        var urgency = Output.ResultView.Upper(result.Urgency) + (result.IsUrgencyProvisional ? $" so far, could be {Output.ResultView.Upper(result.HighestPossibleUrgency)}" : string.Empty);
        transcript.MarkupLine($"    [grey]now: {Markup.Escape(top)} | urgency {urgency}[/]");
    }
}
