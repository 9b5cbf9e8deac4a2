using System.CommandLine;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Cli.Output;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Commands;

/// <summary><c>hippain triage</c>: triage one case and show the urgency, red flags, differential and plan.</summary>
internal static class TriageCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var caseFile = new Argument<string?>("CASE.json")
        {
            Description = "A case file in the case format (docs/json-packs.md), or - to read it from standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        caseFile.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (value is { Length: > 1 } && value[0] == '-')
            {
                r.AddError($"Unrecognized option '{value}'.");
            }
        });
        var input = new CaseOptions();
        var top = SharedOptions.Top("How many causes of the differential to show (text format).");
        var format = SharedOptions.Format("text: urgency, red flags, the differential as bars and the plan; json: the triage-result v1 document (docs/results.md).");

        var command = new Command("triage", """
            Triage one case: the urgency (settled, or provisional with the questions that settle it), the red flags,
            the differential as bars and the plan.

            Examples:
              hippain triage samples/cases/lateral-hip-runner.case.json
              cat case.json | hippain triage - --format json
              hippain triage --present loc.lateral-hip --present tim.lying-on-side --absent sym.fever --age 34 --sex female
              hippain triage case.json --overlay samples/packs/endurance-clinic.overlay.json --top 3
            """)
        {
            caseFile,
        };
        input.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(format);
        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            var knowledgeBase = input.LoadKnowledgeBase(p, console);
            var patientCase = input.ReadCase(p, p.GetValue(caseFile), console);
            var result = Triage(knowledgeBase, patientCase, p.GetValue(caseFile));
            if (p.GetValue(format) == "json")
            {
                console.Out.WriteLine(TriageResultJson.Write(result, new ResultJsonOptions { Indented = true }));
            }
            else
            {
                ResultView.Write(console.CreateAnsiConsole(), result, knowledgeBase, p.GetValue(top));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Triages a case; an invalid case (unknown finding codes, contradictions) is exit code 1.</summary>
    /// <param name="knowledgeBase">The base.</param>
    /// <param name="patientCase">The case.</param>
    /// <param name="source">Where the case came from, for messages; null for the options.</param>
    /// <returns>The result.</returns>
    public static TriageResult Triage(KnowledgeBase knowledgeBase, PatientCase patientCase, string? source)
    {
        var engine = new TriageEngine(knowledgeBase);
        return KnowledgeSource.Guard(source ?? "case", () => engine.Triage(patientCase));
    }
}
