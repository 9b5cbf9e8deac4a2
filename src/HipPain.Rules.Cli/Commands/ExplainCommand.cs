using System.CommandLine;
using HipPain.Rules.Cli.Output;

namespace HipPain.Rules.Cli.Commands;

/// <summary><c>hippain explain CAUSE --case CASE.json</c>: one cause's contribution waterfall, with citations.</summary>
internal static class ExplainCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var causeId = new Argument<string>("CAUSE")
        {
            Description = "The cause's id, for example gtps (an unknown id lists the base's causes).",
        };
        var caseFile = new Option<string?>("--case")
        {
            Description = "A case file in the case format (docs/json-packs.md), or - to read it from standard input.",
            HelpName = "CASE.json",
        };
        var input = new CaseOptions();
        var command = new Command("explain", """
            Explain one cause's probability for a case as a waterfall: the prior, then every decided rule's factor
            (largest effect first) with the running probability, a bar on a common log-odds axis and its citation,
            then the posterior. An evidence group shows the member that counted and the decided members it stands
            for (not applied: the group counts once). Rules the case has begun to answer are listed with the
            questions that would decide them.

            Examples:
              hippain explain gtps --case samples/cases/lateral-hip-runner.case.json
              hippain explain femoral-neck-stress-fracture --case samples/cases/bundled/groin-stress-fracture.case.json
              hippain explain itbs --present loc.lateral-thigh-knee exam.noble --age 29
              cat case.json | hippain explain hip-oa --case - --overlay samples/packs/endurance-clinic.overlay.json
            """)
        {
            causeId, caseFile,
        };
        input.AddTo(command);
        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            var knowledgeBase = input.LoadKnowledgeBase(p, console);
            var id = p.GetValue(causeId)!;
            if (!knowledgeBase.TryGetCause(id, out _))
            {
                throw new CliException($"unknown cause '{id}'; the causes of {knowledgeBase.Id} {knowledgeBase.Version} are: {string.Join(", ", knowledgeBase.Causes.Select(c => c.Id))}");
            }

            var patientCase = input.ReadCase(p, p.GetValue(caseFile), console);
            var result = TriageCommand.Triage(knowledgeBase, patientCase, p.GetValue(caseFile));
            var ranked = result.Differential.Single(r => r.Cause.Id == id);
            ExplanationView.Write(console.CreateAnsiConsole(), result, ranked, knowledgeBase);
            return ExitCodes.Success;
        }));
        return command;
    }
}
