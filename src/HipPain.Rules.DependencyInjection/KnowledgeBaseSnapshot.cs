using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// A knowledge base, the engine compiled for it and the interviewer over that engine, swapped as one: a caller that takes
/// <see cref="IKnowledgeBaseProvider.Current"/> once and triages with its <see cref="Engine"/> always gets a
/// result stamped with the hash of <see cref="KnowledgeBase"/>, even while another thread reloads.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class KnowledgeBaseSnapshot
{
    private readonly Lazy<Interviewer> interviewer;

    internal KnowledgeBaseSnapshot(TriageEngine engine, InterviewOptions interviewOptions, long generation)
    {
        Engine = engine;
        Generation = generation;

        // Made at first use: an application that never interviews does not pay for it. The options were checked
        // when the configuration was composed, so making it cannot fail.
        interviewer = new Lazy<Interviewer>(() => new Interviewer(engine, interviewOptions), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The knowledge base.</summary>
    public KnowledgeBase KnowledgeBase => Engine.KnowledgeBase;

    /// <summary>The engine that scores against <see cref="KnowledgeBase"/>.</summary>
    public TriageEngine Engine { get; }

    /// <summary>
    /// The interviewer over <see cref="Engine"/>, with the settings of <see cref="HipPainRulesOptions.Interview"/>:
    /// an interview state made on this snapshot resumes only on a snapshot of the same knowledge-base hash
    /// (<c>HPI002</c> otherwise). For the other audience, make one with <c>new Interviewer(snapshot.Engine, options)</c>.
    /// </summary>
    public Interviewer Interviewer => interviewer.Value;

    /// <summary>1 for the knowledge base loaded at first resolution, then one more for every swap or reload.</summary>
    public long Generation { get; }

    /// <summary>Triages a case with this snapshot's engine.</summary>
    /// <param name="patientCase">The case.</param>
    /// <returns>The result, stamped with this snapshot's knowledge-base id, version and hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="Validation.CaseValidationException">The case has problems.</exception>
    public TriageResult Triage(PatientCase patientCase) => Engine.Triage(patientCase);

    /// <inheritdoc />
    public override string ToString() => $"#{Generation}: {KnowledgeBase}";
}
