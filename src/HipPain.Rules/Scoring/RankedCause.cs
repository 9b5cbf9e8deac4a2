using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>A cause's place in the differential, with its probability and the explanation of how it got there.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class RankedCause
{
    private readonly TriageEvaluation evaluation;
    private readonly int causeIndex;
    private CauseExplanation? explanation;

    internal RankedCause(
        int rank,
        int posteriorRank,
        Cause cause,
        double priorLogOdds,
        double logOdds,
        double probability,
        double share,
        ImmutableArray<string> suspectedByRedFlags,
        TriageEvaluation evaluation,
        int causeIndex)
    {
        Rank = rank;
        PosteriorRank = posteriorRank;
        Cause = cause;
        PriorLogOdds = priorLogOdds;
        LogOdds = logOdds;
        Probability = probability;
        Share = share;
        SuspectedByRedFlagIds = suspectedByRedFlags;
        this.evaluation = evaluation;
        this.causeIndex = causeIndex;
    }

    /// <summary>
    /// The 1-based place in the differential, the order to work through: by posterior probability, except that causes
    /// named by fired red flags are placed in the first three, all of them when they are three or fewer, and always at
    /// least one for each fired gate (unless more than three gates with no cause in common fire; see
    /// <see cref="PosteriorRank"/> and docs/model.md). When an emergency gate fired, rank 1 is the cause named by the
    /// most fired emergency gates (ties by probability): the working diagnosis until that gate's same-day action
    /// excludes it. Otherwise rank 1 is the most likely cause unless three causes named by fired red flags must come
    /// first.
    /// </summary>
    public int Rank { get; }

    /// <summary>
    /// The 1-based rank by posterior probability alone (ties by cause id). It differs from <see cref="Rank"/> only when
    /// a fired red flag raised this cause into the first three or to the first place, or raised another cause past it.
    /// </summary>
    public int PosteriorRank { get; }

    /// <summary>The cause.</summary>
    public Cause Cause { get; }

    /// <summary>The prior probability (<see cref="Cause.Prior"/>).</summary>
    public double PriorProbability => Cause.Prior;

    /// <summary>The natural log of the prior odds.</summary>
    public double PriorLogOdds { get; }

    /// <summary>The natural log of the posterior odds: <see cref="PriorLogOdds"/> plus every contribution.</summary>
    public double LogOdds { get; }

    /// <summary>
    /// The posterior probability that this cause is present, from its own prior and likelihood ratios
    /// (independent per-cause model), in [0, 1].
    /// </summary>
    public double Probability { get; }

    /// <summary>This cause's <see cref="Probability"/> divided by the sum over the differential; the shares sum to 1.</summary>
    public double Share { get; }

    /// <summary>
    /// Every contribution, largest effect first (ties by rule id): each decided ungrouped rule, and for each evidence
    /// group the member or members that counted, with the decided members they stand for in
    /// <see cref="Contribution.Subsumed"/>. <see cref="LogOdds"/> is <see cref="PriorLogOdds"/> plus their sum.
    /// Built on first access (together with <see cref="Pending"/>) from the scored case; every access returns the same array.
    /// </summary>
    public ImmutableArray<Contribution> Contributions => Explanation.Contributions;

    /// <summary>
    /// Composite and graded rules the case has begun to answer but not yet decided, with the findings still unknown:
    /// the questions that would complete a clinical rule for this cause (none for a group whose joint figure counts).
    /// Built on first access (together with <see cref="Contributions"/>); every access returns the same array.
    /// </summary>
    public ImmutableArray<PendingRule> Pending => Explanation.Pending;

    /// <summary>The ids of fired red flags that name this cause; empty when none.</summary>
    public ImmutableArray<string> SuspectedByRedFlagIds { get; }

    /// <summary>The contributions for the cause, largest first.</summary>
    public IEnumerable<Contribution> For => Contributions.Where(c => c.Direction == ContributionDirection.For);

    /// <summary>The contributions against the cause, largest first.</summary>
    public IEnumerable<Contribution> Against => Contributions.Where(c => c.Direction == ContributionDirection.Against);

    /// <summary>The explanation, built once: a thread that loses the race to publish it takes the winner's.</summary>
    private CauseExplanation Explanation
    {
        get
        {
            var built = Volatile.Read(ref explanation);
            if (built is null)
            {
                var made = evaluation.Explain(causeIndex);
                built = Interlocked.CompareExchange(ref explanation, made, null) ?? made;
            }

            return built;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{Rank} {Cause.Name}: {Probability:P1}");
}
