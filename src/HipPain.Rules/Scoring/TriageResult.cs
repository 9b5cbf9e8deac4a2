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
    /// <remarks>A property, not a constant, so that the other packages (FHIR, the CLI) show the wording of the HipPain.Rules they run with.</remarks>
    public static string Disclaimer { get; } =
        "Decision support for clinicians, not a diagnosis: the ranking is a probability estimate from published likelihood ratios, and red flags are escalated regardless of rank.";

    private readonly TriageEvaluation evaluation;
    private RedFlagAssessment? redFlags;
    private CarePlan? plan;

    internal TriageResult(
        PatientCase patientCase,
        ImmutableArray<RankedCause> differential,
        Urgency urgency,
        Urgency highestPossibleUrgency,
        TriageEvaluation evaluation,
        string engineVersion)
    {
        var knowledgeBase = evaluation.Compiled.Source;
        this.evaluation = evaluation;
        Case = patientCase;
        Differential = differential;
        Urgency = urgency;
        HighestPossibleUrgency = highestPossibleUrgency;
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
    /// Every cause of the knowledge base in the order to work through: most likely first, except that causes named by
    /// fired red flags are placed in the first three, each fired gate keeping at least one there, and the cause of a
    /// fired emergency gate comes first (<see cref="RankedCause.Rank"/>; <see cref="RankedCause.PosteriorRank"/> gives
    /// the order by probability alone).
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
    /// order of <see cref="UndecidedRedFlags"/>, then the ruled-out ones in authoring order. Built on first access of
    /// this, <see cref="UndecidedRedFlags"/>, <see cref="SettlingFindingIds"/> or <see cref="Plan"/>; every access
    /// returns the same array.
    /// </summary>
    public ImmutableArray<RedFlagOutcome> RedFlags => RedFlagAssessment.Outcomes;

    /// <summary>
    /// The undecided gates, the one to settle first first: partly met gates (<see cref="RedFlagOutcome.IsPartlyMet"/>)
    /// before untouched ones; among the untouched, those in their context (no <see cref="RedFlag.AskWhen"/>, or it is
    /// met) first; then the most urgent; then the furthest towards firing (<see cref="RedFlagOutcome.Progress"/>);
    /// then the gate whose most probable suspected cause has the highest posterior probability; then authoring order.
    /// One exception puts the emergency form of a cause the case points at before its urgent form: an untouched gate
    /// more urgent than a partly met gate that names one of the same suspected causes stands just before that gate, and
    /// one more urgent than a fired gate naming one of them stands before every less urgent undecided gate (docs/model.md).
    /// Built on first access, with <see cref="RedFlags"/>.
    /// </summary>
    public ImmutableArray<RedFlagOutcome> UndecidedRedFlags => RedFlagAssessment.Undecided;

    /// <summary>
    /// The questions that would settle the urgency: the codes of <see cref="RedFlagOutcome.SettlingFindingIds"/> of every
    /// gate in <see cref="UndecidedRedFlags"/>, in that order, each once. Empty when every gate is decided. Built on
    /// first access, with <see cref="RedFlags"/>.
    /// </summary>
    public ImmutableArray<string> SettlingFindingIds => RedFlagAssessment.SettlingFindingIds;

    /// <summary>The fired red flags.</summary>
    public IEnumerable<RedFlag> FiredRedFlags => RedFlags.Where(r => r.Status == RedFlagStatus.Fired).Select(r => r.RedFlag);

    /// <summary>The care plan. Built on first access; every access returns the same plan.</summary>
    public CarePlan Plan
    {
        get
        {
            var built = Volatile.Read(ref plan);
            if (built is null)
            {
                var made = CarePlanner.Plan(Source, Differential, RedFlags, Urgency, evaluation.LeadingCauseCount);
                built = Interlocked.CompareExchange(ref plan, made, null) ?? made;
            }

            return built;
        }
    }

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

    /// <summary>The red-flag assessment, built once: a thread that loses the race to publish it takes the winner's.</summary>
    private RedFlagAssessment RedFlagAssessment
    {
        get
        {
            var built = Volatile.Read(ref redFlags);
            if (built is null)
            {
                var made = evaluation.AssessRedFlags();
                built = Interlocked.CompareExchange(ref redFlags, made, null) ?? made;
            }

            return built;
        }
    }

    /// <summary>The most likely cause.</summary>
    public RankedCause Leading => Differential[0];
}
