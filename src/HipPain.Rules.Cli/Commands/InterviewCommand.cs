using System.CommandLine;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Cli.Interviewing;
using HipPain.Rules.Cli.Output;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;
using Spectre.Console;

namespace HipPain.Rules.Cli.Commands;

/// <summary><c>hippain interview</c>: a question-by-question triage interview, at a terminal or scripted from standard input.</summary>
internal static class InterviewCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var caseFile = new Option<string?>("--case")
        {
            Description = "A case file with the findings known before the first question (not -: standard input carries the answers).",
            HelpName = "CASE.json",
        };
        var input = new CaseOptions();
        var audience = new Option<string>("--audience")
        {
            Description = "Who answers: clinician (every finding, clinician wording) or patient (only what a patient can answer, in patient wording; docs/interview.md).",
            DefaultValueFactory = _ => "clinician",
        };
        audience.AcceptOnlyFromAmong("clinician", "patient");
        var maxQuestions = new Option<int?>("--max-questions")
        {
            Description = "The interviewer's question limit (InterviewOptions.MaximumQuestions, default 15; red-flag questions are never cut off).",
            HelpName = "N",
        };
        maxQuestions.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } n && n is < 1 or > InterviewOptions.MaximumQuestionLimit)
            {
                r.AddError($"--max-questions must be between 1 and {InterviewOptions.MaximumQuestionLimit}.");
            }
        });
        var painMap = new Option<string[]?>("--pain-map")
        {
            Description = "The regions the patient marks on the pain map before the first question (pain-location codes, such as loc.groin loc.buttock; see 'hippain kb findings'): recorded as present, not counted as questions. Without it, a patient interview at a terminal shows the map first unless the case gives a pain location.",
            HelpName = "CODE",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var top = SharedOptions.Top("How many causes of the final differential to show (text format).");
        var format = SharedOptions.Format("text: the final result as in 'triage'; json: the last interview-step v1 document (docs/results.md) on standard output, the questions on standard error.");
        var command = new Command("interview", """
            Triage by interview: the interviewer asks the question that tells most (red-flag questions first), shows
            the top three and the urgency after each answer, and ends with the result. A patient interview starts from
            the pain map: at a terminal it asks the patient to mark where it hurts, unless --pain-map or the case gives
            the regions. At a terminal, choose Yes, No,
            Don't know or Back (take back the previous answer). Otherwise answers are read from standard input, one
            per line: yes/y, no/n, don't know/dk/unknown/?, back/b; blank lines and # comments are skipped. When the
            answers run out first, the result so far is shown and the interview is marked unfinished.

            Examples:
              hippain interview --age 34 --sex female --present loc.lateral-hip
              hippain interview --audience patient --age 24 --sex female
              hippain interview --audience patient --age 41 --sex male --pain-map loc.lower-back loc.buttock
              printf 'no\nno\nyes\n' | hippain interview --case samples/cases/lateral-hip-runner.case.json --format json
            """)
        {
            caseFile,
        };
        input.AddTo(command);
        foreach (var option in new Option[] { audience, painMap, maxQuestions, top, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            if (p.GetValue(caseFile) == "-")
            {
                throw new CliException("--case - is not allowed: standard input carries the answers; give a case file");
            }

            var knowledgeBase = input.LoadKnowledgeBase(p, console);
            var start = input.ReadCase(p, p.GetValue(caseFile), console, allowEmpty: true);
            var options = new InterviewOptions
            {
                Audience = p.GetValue(audience) == "patient" ? InterviewAudience.Patient : InterviewAudience.Clinician,
            };
            if (p.GetValue(maxQuestions) is { } max)
            {
                options.MaximumQuestions = max;
            }

            var interviewer = new Interviewer(new TriageEngine(knowledgeBase), options);
            var json = p.GetValue(format) == "json";
            var (transcript, answers) = Sources(console, json);
            var map = p.GetResult(painMap) is null ? null : p.GetValue(painMap) ?? [];
            var (step, ranOut) = KnowledgeSource.Guard(p.GetValue(caseFile) ?? "case", () => RunWithPainMap(interviewer, start, map, answers, transcript));
            if (ranOut)
            {
                transcript.WriteLine();
                transcript.MarkupLine($"[yellow]The answers ended after {step.QuestionsAsked} questions; the interview had not finished.[/] The result below is for the answers so far.");
            }

            if (json)
            {
                console.Out.WriteLine(InterviewStepJson.Write(step, new ResultJsonOptions { Indented = true }));
            }
            else
            {
                transcript.WriteLine();
                ResultView.Write(transcript, step.Result, knowledgeBase, p.GetValue(top));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Runs the session; a pain map the interviewer refuses is reported as --pain-map's error, every problem listed.</summary>
    private static (InterviewStep Step, bool AnswersRanOut) RunWithPainMap(Interviewer interviewer, PatientCase start, IReadOnlyList<string>? painMap, IAnswerSource answers, IAnsiConsole transcript)
    {
        try
        {
            return InterviewSession.Run(interviewer, start, painMap, answers, transcript);
        }
        catch (CaseValidationException ex) when (ex.Problems.All(problem => problem.Path.StartsWith("$.painMap", StringComparison.Ordinal)))
        {
            throw new CliException(ExitCodes.Problems, "--pain-map: " + string.Join("; ", ex.Problems));
        }
    }

    /// <summary>
    /// Where the questions go and where the answers come from: prompts when standard input is a keyboard and the
    /// questions go to a terminal (standard output for text, standard error for json); otherwise lines of standard input.
    /// </summary>
    private static (IAnsiConsole Transcript, IAnswerSource Answers) Sources(CliConsole console, bool json)
    {
        if (console.Prompts is { } prompts)
        {
            return (prompts, new PromptAnswers(prompts));
        }

        var transcript = json ? console.CreateErrorAnsiConsole() : console.CreateAnsiConsole();
        var interactive = console.IsInputTerminal && (json ? console.IsErrorTerminal : console.IsTerminal);
        return interactive ? (transcript, new PromptAnswers(transcript)) : (transcript, new ScriptedAnswers(console.In));
    }
}
