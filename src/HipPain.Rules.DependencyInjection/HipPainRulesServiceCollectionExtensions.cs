using HipPain.Rules.DependencyInjection;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers HipPain.Rules with a service collection.</summary>
/// <threadsafety>Call at startup, from one thread, like every registration on an <see cref="IServiceCollection"/>. The services it registers are thread-safe.</threadsafety>
public static class HipPainRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons and only when not already registered, an <see cref="IKnowledgeBaseProvider"/>,
    /// the <see cref="KnowledgeBase"/>, the <see cref="TriageEngine"/> and the <see cref="Interviewer"/>, and a
    /// hosted service that makes the knowledge base when a generic host starts. The knowledge base is made at host
    /// start, or without a host at the first resolution of any of them: the base from
    /// <see cref="HipPainRulesOptions"/>, then its overlays; every problem is reported at once, with its code, in a
    /// <see cref="HipPainRulesOptionsException"/>, which stops the host. The registered <see cref="KnowledgeBase"/>,
    /// <see cref="TriageEngine"/> and <see cref="Interviewer"/> are those of the provider's first snapshot
    /// (generation 1) and do not follow swaps; inject <see cref="IKnowledgeBaseProvider"/> to follow reloads.
    /// </summary>
    /// <remarks>
    /// Calling it again adds no service: its <paramref name="configure"/> runs after the earlier ones, on the
    /// same options, like <c>Configure&lt;TOptions&gt;</c>.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the base and the overlays; may be null when a later call configures them.</param>
    /// <returns>The service collection, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddHipPainRules(this IServiceCollection services, Action<HipPainRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registration = services.FirstOrDefault(d => d.ServiceType == typeof(HipPainRulesRegistration))?.ImplementationInstance as HipPainRulesRegistration;
        if (registration is null)
        {
            registration = new HipPainRulesRegistration();
            services.TryAddSingleton(registration);
        }

        if (configure is not null)
        {
            registration.Add(configure);
        }

        services.TryAddSingleton<IKnowledgeBaseProvider>(sp => new KnowledgeBaseProvider(sp, sp.GetRequiredService<HipPainRulesRegistration>()));
        services.TryAddSingleton(sp => InitialSnapshot(sp).KnowledgeBase);
        services.TryAddSingleton(sp => InitialSnapshot(sp).Engine);
        services.TryAddSingleton(sp => InitialSnapshot(sp).Interviewer);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HipPainRulesStartupCheck>());
        return services;
    }

    // The registered base, engine and interviewer are always of one snapshot: the provider's first snapshot, whichever is resolved
    // first and however many swaps happened before. A provider registered by the application gives its current one.
    private static KnowledgeBaseSnapshot InitialSnapshot(IServiceProvider services)
    {
        var provider = services.GetRequiredService<IKnowledgeBaseProvider>();
        return provider is KnowledgeBaseProvider own ? own.Initial : provider.Current;
    }
}
