using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;

namespace HipPain.Rules.Samples.Console;

/// <summary>The sample's <c>--interview</c> mode: one question at a time from a reader, with the evolving top three and urgency.</summary>
public static class InteractiveInterview
{
    /// <summary>Runs an interview, reading answers line by line and writing questions and progress.</summary>
    /// <param name="interviewer">The interviewer.</param>
    /// <param name="start">The starting case.</param>
    /// <param name="input">Where answers come from: <c>yes</c>/<c>y</c>, <c>no</c>/<c>n</c>, <c>unknown</c>/<c>u</c>/<c>?</c>, one per line.</param>
    /// <param name="output">Where questions, progress and the final result go.</param>
    /// <param name="top">How many causes the final result lists.</param>
    /// <returns>The last step.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InterviewStep Run(Interviewer interviewer, PatientCase start, TextReader input, TextWriter output, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(interviewer);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var step = interviewer.Step(start);
        output.WriteLine("Interview: answer yes, no or unknown (y/n/u/?) to each question.");
        PrintProgress(step, output);
        while (step.NextQuestion is { } question)
        {
            var finding = question.Finding;
            output.WriteLine();
            output.WriteLine($"Q{step.QuestionsAsked + 1}. {finding.PatientQuestion ?? finding.Question ?? finding.Name}");
            if (finding.PatientQuestion is not null && finding.Question is not null && finding.Question != finding.PatientQuestion)
            {
                output.WriteLine($"     clinician: {finding.Question}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"     why: {question.Reason} (expected gain {question.ExpectedGain:0.###} bits)"));
            FindingState? answer = null;
            while (answer is null)
            {
                output.Write("     answer [y/n/u/?]: ");
                var line = input.ReadLine();
                if (line is null)
                {
                    output.WriteLine();
                    output.WriteLine($"End of input after {step.QuestionsAsked} question{(step.QuestionsAsked == 1 ? "" : "s")}: the interview stops here.");
                    output.WriteLine();
                    ResultPrinter.Print(step.Result, output, top, interviewer.Engine.KnowledgeBase);
                    return step;
                }

                answer = Parse(line);
                if (answer is null)
                {
                    output.WriteLine($"     '{line.Trim()}' is not an answer: type yes, no or unknown (y/n/u/?).");
                }
            }

            output.WriteLine(answer.Value.ToString());
            step = interviewer.Answer(step, answer.Value);
            PrintProgress(step, output);
        }

        output.WriteLine();
        var asked = step.QuestionsAsked;
        output.WriteLine($"Interview finished after {asked} question{(asked == 1 ? "" : "s")}, {step.RedFlagQuestionsAsked} of them red-flag questions ({step.StopReason}): {step.Explanation}");
        output.WriteLine();
        ResultPrinter.Print(step.Result, output, top, interviewer.Engine.KnowledgeBase);
        return step;
    }

    /// <summary>Reads one answer: yes/y, no/n, unknown/u/?; null for anything else.</summary>
    /// <param name="line">The line typed.</param>
    /// <returns>The finding state, or null when the line is not an answer.</returns>
    public static FindingState? Parse(string line) => line?.Trim().ToLowerInvariant() switch
    {
        "y" or "yes" => FindingState.Present,
        "n" or "no" => FindingState.Absent,
        "u" or "unknown" or "?" or "don't know" or "dont know" => FindingState.Unknown,
        _ => null,
    };

    private static void PrintProgress(InterviewStep step, TextWriter output)
    {
        var top = string.Join("; ", step.TopThree.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Rank}. {r.Cause.Name} {r.Probability:P0}")));
        var urgency = step.Result.Urgency.ToString().ToUpperInvariant();
        var possible = step.Result.IsUrgencyProvisional ? $" so far, could be {step.Result.HighestPossibleUrgency.ToString().ToUpperInvariant()}" : string.Empty;
        output.WriteLine($"     now: {top} | urgency {urgency}{possible}");
    }
}
