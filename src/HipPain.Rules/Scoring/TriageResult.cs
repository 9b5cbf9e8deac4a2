using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The outcome of triaging one case: the ranked, explained differential, the urgency set by the red-flag
/// gates, and the care plan. Stamped with the knowledge base's id, version and content hash and the engine's
/// version, so that any result can be replayed. Decision support for a clinician, not a diagnosis.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class TriageResult
{
    /// <summary>The sentence every presentation of a result should carry.</summary>
    public const string Disclaimer =
        "Decision support for clinicians, not a diagnosis: the ranking is a probability estimate from published likelihood ratios, and red flags are escalated regardless of rank.";

    internal TriageResult(
        PatientCase patientCase,
        ImmutableArray<RankedCause> differential,
        Urgency urgency,
        ImmutableArray<RedFlagOutcome> redFlags,
        CarePlan plan,
        KnowledgeBase knowledgeBase,
        string engineVersion)
    {
        Case = patientCase;
        Differential = differential;
        Urgency = urgency;
        RedFlags = redFlags;
        Plan = plan;
        KnowledgeBaseId = knowledgeBase.Id;
        KnowledgeBaseVersion = knowledgeBase.Version;
        KnowledgeBaseHash = knowledgeBase.ContentHash;
        EngineVersion = engineVersion;
    }

    /// <summary>The case that was triaged.</summary>
    public PatientCase Case { get; }

    /// <summary>Every cause of the knowledge base, most likely first.</summary>
    public ImmutableArray<RankedCause> Differential { get; }

    /// <summary>The urgency: the highest of the fired gates; <see cref="Urgency.SelfCare"/> only when every gate was ruled out; otherwise <see cref="Urgency.Routine"/>.</summary>
    public Urgency Urgency { get; }

    /// <summary>Every red-flag gate with its status, fired ones first.</summary>
    public ImmutableArray<RedFlagOutcome> RedFlags { get; }

    /// <summary>The fired red flags.</summary>
    public IEnumerable<RedFlag> FiredRedFlags => RedFlags.Where(r => r.Status == RedFlagStatus.Fired).Select(r => r.RedFlag);

    /// <summary>The care plan.</summary>
    public CarePlan Plan { get; }

    /// <summary>The id of the knowledge base that produced the result.</summary>
    public string KnowledgeBaseId { get; }

    /// <summary>The version of the knowledge base that produced the result.</summary>
    public string KnowledgeBaseVersion { get; }

    /// <summary>The content hash of the knowledge base that produced the result.</summary>
    public string KnowledgeBaseHash { get; }

    /// <summary>The engine's version (the assembly's informational version).</summary>
    public string EngineVersion { get; }

    /// <summary>The most likely cause.</summary>
    public RankedCause Leading => Differential[0];
}
