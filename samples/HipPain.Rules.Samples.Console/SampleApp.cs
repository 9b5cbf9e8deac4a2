using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Samples.Console;

/// <summary>
/// The sample's command line: triage a bundled case and print the ranked, explained result; or interview a patient
/// question by question (<c>--interview</c>); or measure the interview on simulated patients (<c>--simulate</c>).
/// </summary>
public static class SampleApp
{
    /// <summary>Runs the sample with no standard input (an interview then stops before its first answer).</summary>
    /// <param name="args">Arguments; see <see cref="Run(string[], TextReader, TextWriter, TextWriter)"/>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 on success, 2 on a usage error, 3 when the case is invalid, 4 when a pack or overlay cannot be loaded.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, TextReader.Null, output, error);

    /// <summary>Runs the sample.</summary>
    /// <param name="args">Arguments: <c>[--case NAME] [--list] [--top N] [--interview] [--simulate N [--seed S]] [--max-questions N]</c>.</param>
    /// <param name="input">Standard input: the answers of an interview, one per line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 on success, 2 on a usage error, 3 when the case is invalid, 4 when a pack or overlay cannot be loaded.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? caseName = null;
        var top = 5;
        var interview = false;
        int? simulate = null;
        var seed = 1;
        var maximumQuestions = new InterviewOptions().MaximumQuestions;
        string? packPath = null;
        var overlayPaths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--list":
                    foreach (var (name, description, _) in BundledCases.All)
                    {
                        output.WriteLine($"{name,-24} {description}");
                    }

                    return 0;
                case "--case" when i + 1 < args.Length:
                    caseName = args[++i];
                    break;
                case "--top" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    top = n;
                    i++;
                    break;
                case "--pack" or "--overlay" when i + 1 < args.Length && string.IsNullOrWhiteSpace(args[i + 1]):
                    error.WriteLine($"{args[i]} needs a file path; got an empty one.");
                    error.WriteLine(Usage);
                    return 2;
                case "--pack" when i + 1 < args.Length:
                    packPath = args[++i];
                    break;
                case "--overlay" when i + 1 < args.Length:
                    overlayPaths.Add(args[++i]);
                    break;
                case "--interview":
                    interview = true;
                    break;
                case "--simulate" when i + 1 < args.Length && int.TryParse(args[i + 1], out var count) && count > 0:
                    simulate = count;
                    i++;
                    break;
                case "--max-questions" when i + 1 < args.Length && int.TryParse(args[i + 1], out var m) && m is > 0 and <= InterviewOptions.MaximumQuestionLimit:
                    maximumQuestions = m;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s):
                    seed = s;
                    i++;
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        KnowledgeBase knowledgeBase;
        try
        {
            // Streams, not File.ReadAllText: the reader stops at its size limit (so /dev/zero ends with HPJ003) and
            // reports invalid UTF-8 instead of replacing it.
            knowledgeBase = packPath is null ? BuiltInKnowledgeBase.Instance : ReadFile(packPath, stream => KnowledgeBaseJson.Read(stream));
            foreach (var overlayPath in overlayPaths)
            {
                knowledgeBase = ReadFile(overlayPath, stream => OverlayJson.Read(stream)).ApplyTo(knowledgeBase);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or ValidationException)
        {
            error.WriteLine($"Could not load the knowledge base: {ex.Message}");
            return 4;
        }

        var engine = new TriageEngine(knowledgeBase);
        Interviewer Interviewer() => new(engine, new InterviewOptions { MaximumQuestions = maximumQuestions });
        if (simulate is int patients)
        {
            InterviewSimulation.Run(Interviewer(), patients, seed, output);
            return 0;
        }

        if (interview && caseName is null)
        {
            return RunInterview(Interviewer(), new PatientCase(null, Sex.Unspecified, [], "interview"), input, output, error, top);
        }

        caseName ??= BundledCases.DefaultName;
        var patientCase = BundledCases.Find(caseName);
        if (patientCase is null)
        {
            error.WriteLine($"No bundled case named '{caseName}'. Known cases: {string.Join(", ", BundledCases.All.Select(c => c.Name))}.");
            return 2;
        }

        if (interview)
        {
            return RunInterview(Interviewer(), patientCase.WithLabel(caseName + " (interview)"), input, output, error, top);
        }

        try
        {
            var result = engine.Triage(patientCase.WithLabel(caseName));
            ResultPrinter.Print(result, output, top, knowledgeBase);
            return 0;
        }
        catch (CaseValidationException ex)
        {
            error.WriteLine(ex.Message);
            return 3;
        }
    }

    private static T ReadFile<T>(string path, Func<Stream, T> read)
    {
        using var stream = File.OpenRead(path);
        return read(stream);
    }

    private static int RunInterview(Interviewer interviewer, PatientCase start, TextReader input, TextWriter output, TextWriter error, int top)
    {
        try
        {
            InteractiveInterview.Run(interviewer, start, input, output, top);
            return 0;
        }
        catch (CaseValidationException ex)
        {
            error.WriteLine(ex.Message);
            return 3;
        }
    }

    private const string Usage = "Usage: hippain-triage [--case NAME] [--top N] [--list] [--pack KB.json] [--overlay OVERLAY.json]... [--interview] [--simulate N [--seed S]] [--max-questions N]";
}
