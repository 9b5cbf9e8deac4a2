using System.CommandLine;
using System.Globalization;
using HipPain.Rules.Cli.Input;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Commands;

/// <summary>
/// <c>hippain priors REGISTER</c>: a clinic overlay whose priors come from the clinic's own register of diagnoses
/// (<see cref="CaseMixPriors"/>), written as JSON; with <c>--output</c>, the overlay goes to the file and a table of
/// the estimates to standard output.
/// </summary>
internal static class PriorsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var register = new Argument<string>("REGISTER")
        {
            Description = "The clinic's register of diagnoses: one cause id per patient, or 'cause-id,count', per line ('-' reads standard input). Count diagnoses outside the base as 'other'.",
        };
        var citation = new Option<string>("--citation")
        {
            Description = "Which register this is (clinic, patients, years); every prior's evidence cites it.",
            HelpName = "TEXT",
            Required = true,
        };
        var baseWeight = new Option<double>("--base-weight")
        {
            Description = "How many patients the base's priors are worth (k): larger keeps the priors nearer the base.",
            HelpName = "K",
            DefaultValueFactory = _ => CaseMixPriors.DefaultBaseWeight,
        };
        baseWeight.Validators.Add(r =>
        {
            var k = r.GetValueOrDefault<double>();
            if (double.IsNaN(k) || k <= 0 || k > CaseMixPriors.MaximumBaseWeight)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--base-weight must be greater than 0 and at most {CaseMixPriors.MaximumBaseWeight:0}."));
            }
        });
        var id = new Option<string>("--id")
        {
            Description = "The id of the bases the overlay produces.",
            DefaultValueFactory = _ => "clinic-case-mix",
        };
        var version = new Option<string>("--version")
        {
            Description = "Their version.",
            DefaultValueFactory = _ => "1",
        };
        var output = new Option<string?>("--output")
        {
            Description = "Write the overlay to this file and a table of the estimates to standard output.",
            HelpName = "OVERLAY.json",
        };
        var knowledge = new KnowledgeOptions();
        var command = new Command("priors", """
            Estimate priors for your clinic's own patients from its register of diagnoses, as a clinic overlay
            (docs/json-packs.md, "Priors from a clinic's register"). Each prior is (n + k*s) / (N + k): n of the
            register's N patients had the cause, s is the base's share for it and k (--base-weight) how many patients
            the base's guess is worth. A cause that is urgent or an emergency when suspected is never lowered below the
            base's prior. The overlay applies only to the base it was estimated from.
            Exit codes: 0 written, 1 a problem in the register (named with its line), 2 usage.

            Examples:
              hippain priors register.csv --citation "Our clinic, runners with hip pain, 2024-2026" > clinic.overlay.json
              hippain priors register.csv --citation "..." --base-weight 50 --output clinic.overlay.json
              hippain triage case.json --overlay clinic.overlay.json
            """)
        {
            register, citation, baseWeight, id, version, output,
        };
        knowledge.AddTo(command);
        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            var cited = p.GetValue(citation)!;
            if (string.IsNullOrWhiteSpace(cited))
            {
                throw new CliException("--citation must name the register.");
            }

            var overlayId = p.GetValue(id)!;
            var overlayVersion = p.GetValue(version)!;
            if (string.IsNullOrWhiteSpace(overlayId) || string.IsNullOrWhiteSpace(overlayVersion))
            {
                throw new CliException("--id and --version must not be empty.");
            }

            var knowledgeBase = knowledge.Load(p, console);
            var registerPath = p.GetValue(register)!;
            var displayName = registerPath == "-" ? "standard input" : Path.GetFileName(registerPath);
            var counts = DiagnosisRegister.Parse(displayName, InputFiles.Read(registerPath, console), knowledgeBase);
            CaseMixEstimate estimate;
            try
            {
                estimate = CaseMixPriors.Estimate(knowledgeBase, counts, p.GetValue(baseWeight));
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCodes.Problems, $"{displayName}: {FirstSentences(ex)}");
            }

            var json = OverlayJson.Write(estimate.ToOverlay(overlayId, overlayVersion, cited));
            var outputPath = p.GetValue(output);
            if (outputPath is null)
            {
                console.Out.WriteLine(json);
                return ExitCodes.Success;
            }

            try
            {
                File.WriteAllText(outputPath, json + Environment.NewLine);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"cannot write '{outputPath}': {ex.Message}", ex);
            }

            WriteTable(console.Out, estimate, outputPath);
            return ExitCodes.Success;
        }));
        return command;
    }

    // ArgumentException appends "(Parameter 'x')"; the sentence before it is the message.
    private static string FirstSentences(ArgumentException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);

    private static void WriteTable(TextWriter o, CaseMixEstimate estimate, string outputPath)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"{estimate.Patients} patients ({estimate.OtherPatients} with a diagnosis outside the base); the base's priors worth {estimate.BaseWeight} patients."));
        o.WriteLine($"Overlay for {estimate.KnowledgeBaseId} {estimate.KnowledgeBaseVersion} written to {outputPath}.");
        o.WriteLine();
        var width = Math.Max("cause".Length, estimate.Causes.Max(c => c.CauseId.Length));
        o.WriteLine($"{"cause".PadRight(width)}  {"count",6}  {"share",7}  {"base",7}  {"prior",7}");
        foreach (var c in estimate.Causes)
        {
            var kept = c.KeptAtBase ? "  kept at the base's prior (urgent or emergency when suspected)" : string.Empty;
            o.WriteLine(string.Create(inv, $"{c.CauseId.PadRight(width)}  {c.Count,6}  {c.RegisterShare,7:0.0%}  {c.BasePrior,7:0.####}  {c.Prior,7:0.####}{kept}"));
        }
    }
}
