using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The outcome of triaging one case: the ranked, explained differential, the urgency set by the red-flag
/// gates (settled so far, the highest still possible, and the questions that would settle it), and the care plan. Stamped with the knowledge base's id, version and content hash and the engine's
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
        RedFlagAssessment redFlags,
        CarePlan plan,
        KnowledgeBase knowledgeBase,
        string engineVersion)
    {
        Case = patientCase;
        Differential = differential;
        Urgency = redFlags.Urgency;
        HighestPossibleUrgency = redFlags.HighestPossibleUrgency;
        RedFlags = redFlags.Outcomes;
        UndecidedRedFlags = redFlags.Undecided;
        SettlingFindingIds = redFlags.SettlingFindingIds;
        Plan = plan;
        KnowledgeBaseId = knowledgeBase.Id;
        KnowledgeBaseVersion = knowledgeBase.Version;
        KnowledgeBaseHash = knowledgeBase.ContentHash;
        DerivedFrom = knowledgeBase.DerivedFrom;
        EngineVersion = engineVersion;
        Source = knowledgeBase;
    }

    /// <summary>The knowledge base that produced the result, for its wording when the result is written.</summary>
    internal KnowledgeBase Source { get; }

    /// <summary>The case that was triaged.</summary>
    public PatientCase Case { get; }

    /// <summary>
    /// Every cause of the knowledge base in the order to work through: most likely first, except that every cause named
    /// by a fired red flag is placed in the first three (<see cref="RankedCause.PosteriorRank"/> gives the order by
    /// probability alone).
    /// </summary>
    public ImmutableArray<RankedCause> Differential { get; }

    /// <summary>
    /// The urgency settled so far: the highest of the fired gates; <see cref="Urgency.SelfCare"/> only when every gate
    /// was ruled out; otherwise <see cref="Urgency.Routine"/>. Unknown answers can still raise it up to
    /// <see cref="HighestPossibleUrgency"/>.
    /// </summary>
    public Urgency Urgency { get; }

    /// <summary>
    /// The highest urgency still possible given the unknown findings: <see cref="Urgency"/> raised to the urgency of
    /// every undecided gate. Equal to <see cref="Urgency"/> when every gate is decided.
    /// </summary>
    public Urgency HighestPossibleUrgency { get; }

    /// <summary>
    /// True when the urgency is provisional: an undecided gate could still raise it (<see cref="HighestPossibleUrgency"/>
    /// is above <see cref="Urgency"/>). Show it as "Routine so far, could be Emergency" and ask
    /// <see cref="SettlingFindingIds"/>.
    /// </summary>
    public bool IsUrgencyProvisional => HighestPossibleUrgency > Urgency;

    /// <summary>
    /// Every red-flag gate with its status: the fired ones first (most urgent first), then the undecided ones in the
    /// order of <see cref="UndecidedRedFlags"/>, then the ruled-out ones in authoring order.
    /// </summary>
    public ImmutableArray<RedFlagOutcome> RedFlags { get; }

    /// <summary>
    /// The undecided gates, the one to settle first first: partly met gates (<see cref="RedFlagOutcome.IsPartlyMet"/>)
    /// before untouched ones; then the furthest towards firing (<see cref="RedFlagOutcome.Progress"/>); then the most
    /// urgent; then the gate whose most probable suspected cause has the highest posterior probability; then authoring
    /// order.
    /// </summary>
    public ImmutableArray<RedFlagOutcome> UndecidedRedFlags { get; }

    /// <summary>
    /// The questions that would settle the urgency: the codes of <see cref="RedFlagOutcome.SettlingFindingIds"/> of every
    /// gate in <see cref="UndecidedRedFlags"/>, in that order, each once. Empty when every gate is decided.
    /// </summary>
    public ImmutableArray<string> SettlingFindingIds { get; }

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

    /// <summary>
    /// The bases the knowledge base was made from by overlays, the original first (<see cref="KnowledgeBase.DerivedFrom"/>):
    /// with <see cref="KnowledgeBaseId"/>, the chain of overlays applied. Empty when no overlay was applied.
    /// </summary>
    public ImmutableArray<KnowledgeBaseStamp> DerivedFrom { get; }

    /// <summary>The engine's version (the assembly's informational version).</summary>
    public string EngineVersion { get; }

    /// <summary>The most likely cause.</summary>
    public RankedCause Leading => Differential[0];
}
