using HipPain.Rules.Knowledge;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Samples.Console;

/// <summary>The sample's command line: triage a bundled case and print the ranked, explained result.</summary>
public static class SampleApp
{
    /// <summary>Runs the sample.</summary>
    /// <param name="args">Arguments: <c>[--case NAME] [--list] [--top N]</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 on success, 2 on a usage error, 3 when the case is invalid.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var caseName = BundledCases.DefaultName;
        var top = 5;
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
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        var patientCase = BundledCases.Find(caseName);
        if (patientCase is null)
        {
            error.WriteLine($"No bundled case named '{caseName}'. Known cases: {string.Join(", ", BundledCases.All.Select(c => c.Name))}.");
            return 2;
        }

        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);
        try
        {
            var result = engine.Triage(patientCase.WithLabel(caseName));
            ResultPrinter.Print(result, output, top);
            return 0;
        }
        catch (CaseValidationException ex)
        {
            error.WriteLine(ex.Message);
            return 3;
        }
    }

    private const string Usage = "Usage: hippain-triage [--case NAME] [--top N] [--list]";
}
