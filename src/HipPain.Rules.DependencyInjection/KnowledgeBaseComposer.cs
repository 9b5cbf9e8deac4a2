using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.DependencyInjection;

/// <summary>Runs the configure delegates and turns the options into an engine, collecting every failure.</summary>
internal static class KnowledgeBaseComposer
{
    public static TriageEngine Compose(IServiceProvider services, IReadOnlyList<Action<HipPainRulesOptions>> configure, out TriageOptions triageOptions)
    {
        var options = new HipPainRulesOptions();
        var failures = new List<string>();
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
                failures.Add($"The configure delegate of AddHipPainRules call #{i + 1} threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        triageOptions = Check(options, failures);
        var knowledgeBase = Base(services, options, failures);
        var overlays = new List<(string Source, KnowledgeBaseOverlay Overlay)>();
        for (var i = 0; i < options.Overlays.Count; i++)
        {
            var (path, overlay) = options.Overlays[i];
            var source = path is null ? $"overlay #{i + 1} ({overlay})" : $"overlay file '{path}'";
            overlay ??= ReadFile(path!, source, failures, stream => OverlayJson.Read(stream, options.Json));
            if (overlay is not null)
            {
                overlays.Add((source, overlay));
            }
        }

        if (knowledgeBase is not null)
        {
            foreach (var (source, overlay) in overlays)
            {
                if (!overlay.TryApplyTo(knowledgeBase, out var applied, out var problems))
                {
                    failures.Add($"{source} does not apply to knowledge base '{knowledgeBase.Id}' {knowledgeBase.Version}: " + string.Join("; ", problems));
                    knowledgeBase = null;
                    break;
                }

                knowledgeBase = applied;
            }
        }

        if (failures.Count > 0 || knowledgeBase is null)
        {
            throw new HipPainRulesOptionsException(failures);
        }

        return new TriageEngine(knowledgeBase, triageOptions);
    }

    private static TriageOptions Check(HipPainRulesOptions options, List<string> failures)
    {
        if (options.KnowledgeBaseFactory is null && options.KnowledgeBasePath is null)
        {
            failures.Add("No knowledge base is configured: call UseKnowledgeBase(...) or UseKnowledgeBaseFile(...).");
        }
        else if (options.KnowledgeBaseFactory is not null && options.KnowledgeBasePath is not null)
        {
            failures.Add($"Both a knowledge-base delegate and the file '{options.KnowledgeBasePath}' are configured: choose one base and add overlays for the changes.");
        }

        if (options.Triage.LeadingCauseCount is < 1 or > TriageOptions.MaximumLeadingCauseCount)
        {
            failures.Add($"Triage.LeadingCauseCount is {options.Triage.LeadingCauseCount}; it must be between 1 and {TriageOptions.MaximumLeadingCauseCount}.");
        }

        if (options.Json.MaxBytes < 1)
        {
            failures.Add($"Json.MaxBytes is {options.Json.MaxBytes}; it must be at least 1.");
        }

        if (options.Json.MaxDepth is < 1 or > 64)
        {
            failures.Add($"Json.MaxDepth is {options.Json.MaxDepth}; it must be between 1 and 64.");
        }

        if (options.Json.MaxItems < 1)
        {
            failures.Add($"Json.MaxItems is {options.Json.MaxItems}; it must be at least 1.");
        }

        return new TriageOptions { LeadingCauseCount = Math.Clamp(options.Triage.LeadingCauseCount, 1, TriageOptions.MaximumLeadingCauseCount) };
    }

    private static KnowledgeBase? Base(IServiceProvider services, HipPainRulesOptions options, List<string> failures)
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
                    failures.Add("The knowledge-base delegate returned null.");
                }

                return knowledgeBase;
            }
#pragma warning disable CA1031 // Any failure of user code is reported with the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"The knowledge-base delegate threw {ex.GetType().Name}: {ex.Message}");
                return null;
            }
        }

        return options.KnowledgeBasePath is { } path
            ? ReadFile(path, $"knowledge-base file '{path}'", failures, stream => KnowledgeBaseJson.Read(stream, options.Json))
            : null;
    }

    private static T? ReadFile<T>(string path, string source, List<string> failures, Func<Stream, T> read)
        where T : class
    {
        try
        {
            using var stream = File.OpenRead(path);
            return read(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RulesJsonException or ValidationException or ArgumentException)
        {
            failures.Add($"{source}: {ex.Message}");
            return null;
        }
    }
}
