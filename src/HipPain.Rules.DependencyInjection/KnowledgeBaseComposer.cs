using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HipPain.Rules.DependencyInjection;

/// <summary>What one run of the configuration made: the engine, its interviewer, and the settings a swap reuses.</summary>
internal sealed record Composition(TriageEngine Engine, TriageOptions TriageOptions, InterviewOptions InterviewOptions);

/// <summary>Runs the configure delegates and turns the options into an engine and an interviewer, collecting every problem.</summary>
internal static class KnowledgeBaseComposer
{
    public static Composition Compose(IServiceProvider services, IReadOnlyList<Action<HipPainRulesOptions>> configure)
    {
        var options = new HipPainRulesOptions();
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < configure.Count; i++)
        {
            try
            {
                configure[i](options);
            }
#pragma warning disable CA1031 // Any failure of user code is reported with the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problems.Add(new ValidationProblem(
                    HipPainRulesErrorCodes.DelegateFailed,
                    "$",
                    $"The configure delegate of AddHipPainRules call #{i + 1} threw {ex.GetType().Name}: {ex.Message}"));
            }
        }

        var triageOptions = CheckTriage(options, problems);
        var interviewOptions = CheckInterview(options, problems);
        var jsonValid = CheckJson(options, problems);
        var root = ContentRoot(services, options, problems);
        var knowledgeBase = Base(services, options, root, jsonValid, problems);
        var overlays = new List<(string Source, KnowledgeBaseOverlay Overlay)>();
        for (var i = 0; i < options.Overlays.Count; i++)
        {
            var (path, overlay) = options.Overlays[i];
            var optionPath = string.Create(CultureInfo.InvariantCulture, $"$.Overlays[{i}]");
            var source = path ?? optionPath;
            overlay ??= ReadFile(path!, optionPath, root, jsonValid, problems, stream => OverlayJson.Read(stream, options.Json));
            if (overlay is not null)
            {
                overlays.Add((source, overlay));
            }
        }

        if (knowledgeBase is not null)
        {
            foreach (var (source, overlay) in overlays)
            {
                if (!overlay.TryApplyTo(knowledgeBase, out var applied, out var applyProblems))
                {
                    problems.AddRange(applyProblems.Select(p => new ValidationProblem(
                        p.Code, p.Path, $"overlay '{overlay.Id}' does not apply to knowledge base '{knowledgeBase.Id}' {knowledgeBase.Version}: {p.Message}", p.Severity).WithSource(source)));
                    knowledgeBase = null;
                    break;
                }

                knowledgeBase = applied;
            }
        }

        if (problems.Count > 0 || knowledgeBase is null)
        {
            throw new HipPainRulesOptionsException(problems);
        }

        return new Composition(new TriageEngine(knowledgeBase, triageOptions), triageOptions, interviewOptions);
    }

    /// <summary>Resolves a configured path against the content root; an absolute path is kept.</summary>
    public static string Resolve(string path, string root) => Path.GetFullPath(path, root);

    private static TriageOptions CheckTriage(HipPainRulesOptions options, List<ValidationProblem> problems)
    {
        if (options.KnowledgeBaseFactory is null && options.KnowledgeBasePath is null)
        {
            problems.Add(new ValidationProblem(
                HipPainRulesErrorCodes.NoKnowledgeBase, "$.KnowledgeBaseFactory", "No knowledge base is configured: call UseKnowledgeBase(...) or UseKnowledgeBaseFile(...)."));
        }
        else if (options.KnowledgeBaseFactory is not null && options.KnowledgeBasePath is not null)
        {
            problems.Add(new ValidationProblem(
                HipPainRulesErrorCodes.TwoKnowledgeBases,
                "$.KnowledgeBasePath",
                $"Both a knowledge-base delegate and the file '{options.KnowledgeBasePath}' are configured: choose one base and add overlays for the changes."));
        }

        if (options.Triage.LeadingCauseCount is < 1 or > TriageOptions.MaximumLeadingCauseCount)
        {
            OutOfRange(problems, "$.Triage.LeadingCauseCount", $"Triage.LeadingCauseCount is {options.Triage.LeadingCauseCount}; it must be between 1 and {TriageOptions.MaximumLeadingCauseCount}.");
        }

        return new TriageOptions { LeadingCauseCount = Math.Clamp(options.Triage.LeadingCauseCount, 1, TriageOptions.MaximumLeadingCauseCount) };
    }

    private static InterviewOptions CheckInterview(HipPainRulesOptions options, List<ValidationProblem> problems)
    {
        // The options object is made afresh for every run of the configuration and the interviewer copies it.
        var interview = options.Interview;
        try
        {
            interview.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            OutOfRange(problems, $"$.Interview.{ex.ParamName}", $"Interview.{ex.ParamName} is {Format(ex.ActualValue)}; {(cut < 0 ? message : message[..cut])}");
        }

        return interview;
    }

    private static bool CheckJson(HipPainRulesOptions options, List<ValidationProblem> problems)
    {
        var count = problems.Count;
        if (options.Json.MaximumBytes < 1)
        {
            OutOfRange(problems, "$.Json.MaximumBytes", $"Json.MaximumBytes is {options.Json.MaximumBytes}; it must be at least 1.");
        }

        if (options.Json.MaximumDepth is < 1 or > 64)
        {
            OutOfRange(problems, "$.Json.MaximumDepth", $"Json.MaximumDepth is {options.Json.MaximumDepth}; it must be between 1 and 64.");
        }

        if (options.Json.MaximumItems < 1)
        {
            OutOfRange(problems, "$.Json.MaximumItems", $"Json.MaximumItems is {options.Json.MaximumItems}; it must be at least 1.");
        }

        return problems.Count == count;
    }

    private static string ContentRoot(IServiceProvider services, HipPainRulesOptions options, List<ValidationProblem> problems)
    {
        if (options.ContentRootPath is { } configured)
        {
            if (Path.IsPathFullyQualified(configured))
            {
                return configured;
            }

            OutOfRange(problems, "$.ContentRootPath", $"ContentRootPath is '{configured}'; it must be an absolute path.");
        }

        return services.GetService<IHostEnvironment>()?.ContentRootPath is { Length: > 0 } hostRoot ? hostRoot : AppContext.BaseDirectory;
    }

    private static KnowledgeBase? Base(IServiceProvider services, HipPainRulesOptions options, string root, bool jsonValid, List<ValidationProblem> problems)
    {
        if (options.KnowledgeBaseFactory is not null && options.KnowledgeBasePath is not null)
        {
            return null;
        }

        if (options.KnowledgeBaseFactory is { } factory)
        {
            try
            {
                var knowledgeBase = factory(services);
                if (knowledgeBase is null)
                {
                    problems.Add(new ValidationProblem(HipPainRulesErrorCodes.DelegateFailed, "$.KnowledgeBaseFactory", "The knowledge-base delegate returned null."));
                }

                return knowledgeBase;
            }
#pragma warning disable CA1031 // Any failure of user code is reported with the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problems.Add(new ValidationProblem(HipPainRulesErrorCodes.DelegateFailed, "$.KnowledgeBaseFactory", $"The knowledge-base delegate threw {ex.GetType().Name}: {ex.Message}"));
                return null;
            }
        }

        return options.KnowledgeBasePath is { } path
            ? ReadFile(path, "$.KnowledgeBasePath", root, jsonValid, problems, stream => KnowledgeBaseJson.Read(stream, options.Json))
            : null;
    }

    // A file that cannot be opened is reported whatever the JSON limits, at the option that names it; one that opens is
    // read only when the limits are valid (invalid limits are reported already, and a reader cannot run with them). A
    // problem inside the file keeps its reader's code, path and position, with the file as its source.
    private static T? ReadFile<T>(string path, string optionPath, string root, bool jsonValid, List<ValidationProblem> problems, Func<Stream, T> read)
        where T : class
    {
        string full;
        try
        {
            full = Resolve(path, root);
        }
        catch (ArgumentException ex)
        {
            problems.Add(new ValidationProblem(HipPainRulesErrorCodes.FileUnreadable, optionPath, $"The path '{path}' is not valid: {ex.Message}"));
            return null;
        }

        Stream stream;
        try
        {
            stream = File.OpenRead(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(new ValidationProblem(HipPainRulesErrorCodes.FileUnreadable, optionPath, $"The file '{full}' cannot be read: {ex.Message}"));
            return null;
        }

        try
        {
            using (stream)
            {
                return jsonValid ? read(stream) : null;
            }
        }
        catch (ValidationException ex)
        {
            problems.AddRange(ex.Problems.Select(p => p.WithSource(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ValidationProblem(HipPainRulesErrorCodes.FileUnreadable, optionPath, $"The file '{full}' cannot be read: {ex.Message}"));
        }

        return null;
    }

    private static void OutOfRange(List<ValidationProblem> problems, string path, string message) =>
        problems.Add(new ValidationProblem(HipPainRulesErrorCodes.OptionOutOfRange, path, message));

    private static string Format(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
