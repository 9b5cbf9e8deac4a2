using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// What <c>AddHipPainRules</c> registers: one base knowledge base (from a delegate, an instance or a JSON
/// file), then clinic overlays applied in the order they are added, the engine's settings and the interviewer's.
/// The options are checked when a generic host starts (or, without a host, when the knowledge base, the engine, the
/// interviewer or the provider is first resolved); every problem is reported at once, with its code, in a
/// <see cref="HipPainRulesOptionsException"/>.
/// </summary>
/// <remarks>
/// A relative file path is resolved against <see cref="ContentRootPath"/> when it is set; otherwise against the
/// host's content root (<c>IHostEnvironment.ContentRootPath</c>) when the service provider has an
/// <c>IHostEnvironment</c> (any generic or web host); otherwise against <see cref="AppContext.BaseDirectory"/>, the
/// folder of the application's assemblies, where packs copied to the output folder are found whatever the working
/// directory. The current directory is never used.
/// </remarks>
/// <example>
/// <code>
/// builder.Services.AddHipPainRules(o => o
///     .UseKnowledgeBase(() => HipPain.Rules.Knowledge.BuiltInKnowledgeBase.Instance)
///     .AddOverlayFile("packs/endurance-clinic.overlay.json"));
/// </code>
/// </example>
/// <threadsafety>Not thread-safe; configure it on one thread inside the configure delegate. The delegate may run again on <see cref="IKnowledgeBaseProvider.Reload"/>.</threadsafety>
public sealed class HipPainRulesOptions
{
    private readonly List<OverlaySource> overlays = [];

    /// <summary>The delegate that makes the base knowledge base, or null when none is set.</summary>
    public Func<IServiceProvider, KnowledgeBase>? KnowledgeBaseFactory { get; set; }

    /// <summary>The path of a knowledge-base JSON file to use as the base, or null when none is set.</summary>
    public string? KnowledgeBasePath { get; set; }

    /// <summary>Limits for reading the knowledge-base and overlay files (defaults: 4 MiB, depth 32, 10,000 items per array).</summary>
    public JsonReadOptions Json { get; } = new();

    /// <summary>The engine's settings.</summary>
    public TriageOptions Triage { get; } = new();

    /// <summary>
    /// The settings of the registered <see cref="Interviewer"/> (and of <see cref="KnowledgeBaseSnapshot.Interviewer"/>):
    /// the audience (clinician by default; set <see cref="InterviewOptions.Audience"/> to
    /// <see cref="InterviewAudience.Patient"/> for a patient-facing interview), the stop rule and the costs.
    /// </summary>
    public InterviewOptions Interview { get; } = new();

    /// <summary>
    /// The folder that relative knowledge-base and overlay paths are resolved against; must be an absolute path.
    /// Null (the default) for the host's content root, or <see cref="AppContext.BaseDirectory"/> without a host.
    /// </summary>
    public string? ContentRootPath { get; set; }

    internal IReadOnlyList<OverlaySource> Overlays => overlays;

    /// <summary>Uses a knowledge base as the base, for example one built with the DSL.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>These options, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public HipPainRulesOptions UseKnowledgeBase(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        KnowledgeBaseFactory = _ => knowledgeBase;
        return this;
    }

    /// <summary>Uses the knowledge base a delegate returns as the base, for example <c>() =&gt; BuiltInKnowledgeBase.Instance</c>.</summary>
    /// <param name="factory">The delegate; it runs at first resolution and on every reload.</param>
    /// <returns>These options, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public HipPainRulesOptions UseKnowledgeBase(Func<KnowledgeBase> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        KnowledgeBaseFactory = _ => factory();
        return this;
    }

    /// <summary>Uses the knowledge base a delegate makes from the services as the base.</summary>
    /// <param name="factory">The delegate; it runs at first resolution and on every reload.</param>
    /// <returns>These options, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public HipPainRulesOptions UseKnowledgeBase(Func<IServiceProvider, KnowledgeBase> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        KnowledgeBaseFactory = factory;
        return this;
    }

    /// <summary>Reads the base from a knowledge-base JSON file (format version 1) at first resolution and on every reload.</summary>
    /// <param name="path">The file's path, absolute or relative to the content root (see the remarks on <see cref="HipPainRulesOptions"/>).</param>
    /// <returns>These options, so calls chain.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public HipPainRulesOptions UseKnowledgeBaseFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        KnowledgeBasePath = path;
        return this;
    }

    /// <summary>Applies a clinic overlay JSON file after the base and the overlays added before it.</summary>
    /// <param name="path">The file's path, absolute or relative to the content root (see the remarks on <see cref="HipPainRulesOptions"/>).</param>
    /// <returns>These options, so calls chain.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public HipPainRulesOptions AddOverlayFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        overlays.Add(new OverlaySource(path, null));
        return this;
    }

    /// <summary>Applies an overlay after the base and the overlays added before it.</summary>
    /// <param name="overlay">The overlay, for example from <see cref="OverlayJson.Read(string)"/>.</param>
    /// <returns>These options, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overlay"/> is null.</exception>
    public HipPainRulesOptions AddOverlay(KnowledgeBaseOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        overlays.Add(new OverlaySource(null, overlay));
        return this;
    }

    internal sealed record OverlaySource(string? Path, KnowledgeBaseOverlay? Overlay);
}
