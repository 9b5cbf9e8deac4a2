using System.Collections.Immutable;
using HipPain.Rules.DependencyInjection;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Samples.Web;

/// <summary>
/// The packs the page offers: <c>builtin</c>, the knowledge base the DI package provides, and
/// <c>endurance-clinic</c>, that base with the clinic overlay of <c>samples/packs</c> applied. Each pack's engine and
/// interviewers are built once per knowledge-base snapshot and shared: they are immutable and thread-safe.
/// </summary>
/// <threadsafety>Thread-safe.</threadsafety>
internal sealed class ClinicPacks
{
    /// <summary>The pack of the DI package's knowledge base.</summary>
    public const string BuiltIn = "builtin";

    /// <summary>The pack with the endurance-clinic overlay.</summary>
    public const string EnduranceClinic = "endurance-clinic";

    /// <summary>Every pack name, the default first.</summary>
    public static readonly ImmutableArray<string> Names = [BuiltIn, EnduranceClinic];

    private readonly IKnowledgeBaseProvider provider;
    private readonly KnowledgeBaseOverlay overlay;
    private Loaded? loaded;

    public ClinicPacks(IKnowledgeBaseProvider provider)
    {
        this.provider = provider;
        overlay = OverlayJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "packs", "endurance-clinic.overlay.json")));
    }

    /// <summary>The engine and interviewers of a pack, following the provider's current snapshot.</summary>
    /// <param name="name">A name from <see cref="Names"/>, compared without regard to case; null for the default.</param>
    /// <returns>The pack, or null when there is no pack of that name.</returns>
    public Pack? Find(string? name)
    {
        var current = Load();
        return string.IsNullOrEmpty(name) || string.Equals(name, BuiltIn, StringComparison.OrdinalIgnoreCase) ? current.BuiltIn
            : string.Equals(name, EnduranceClinic, StringComparison.OrdinalIgnoreCase) ? current.Clinic
            : null;
    }

    private Loaded Load()
    {
        var snapshot = provider.Current;
        var seen = Volatile.Read(ref loaded);
        if (seen is not null && seen.Generation == snapshot.Generation)
        {
            return seen;
        }

        // The overlay is checked against the base when it is applied: a conflict throws with every problem listed.
        var fresh = new Loaded(
            snapshot.Generation,
            new Pack(BuiltIn, snapshot.Engine, snapshot.Interviewer),
            new Pack(EnduranceClinic, new TriageEngine(overlay.ApplyTo(snapshot.KnowledgeBase))));
        Interlocked.CompareExchange(ref loaded, fresh, seen);
        return fresh;
    }

    private sealed record Loaded(long Generation, Pack BuiltIn, Pack Clinic);
}

/// <summary>A pack's engine and its interviewers for both audiences.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
internal sealed class Pack
{
    /// <summary>Makes a pack.</summary>
    /// <param name="name">The pack's name.</param>
    /// <param name="engine">The pack's engine.</param>
    /// <param name="clinician">The clinician interviewer the DI package registered for this engine, if any.</param>
    public Pack(string name, TriageEngine engine, Interviewer? clinician = null)
    {
        Name = name;
        Engine = engine;
        Clinician = clinician is { Audience: InterviewAudience.Clinician } && clinician.Engine == engine
            ? clinician
            : new Interviewer(engine, new InterviewOptions { Audience = InterviewAudience.Clinician });
        Patient = new Interviewer(engine, new InterviewOptions { Audience = InterviewAudience.Patient });
    }

    public string Name { get; }

    public TriageEngine Engine { get; }

    public KnowledgeBase KnowledgeBase => Engine.KnowledgeBase;

    public Interviewer Patient { get; }

    public Interviewer Clinician { get; }

    public Interviewer For(InterviewAudience audience) => audience == InterviewAudience.Patient ? Patient : Clinician;
}
