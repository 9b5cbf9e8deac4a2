using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Scoring;

/// <summary>
/// Ranks the likely causes of a runner's hip pain from a case's findings, explains every rank, escalates red
/// flags and proposes a plan. One engine serves one knowledge base; it compiles the base once and is then
/// stateless.
/// </summary>
/// <remarks>
/// <para>
/// Probability model: each cause is scored as its own hypothesis ("this cause is present" against "it is
/// not"), the way the published likelihood ratios were measured. Its posterior log-odds are the log of its
/// prior odds plus the natural log of the likelihood ratio of every decided ungrouped rule (LR+ when the rule's
/// criterion is met, LR- when it is definitely not met, a graded rule's entry for the number of its parts met,
/// nothing when it is undecided), plus what each evidence group counts once: its first decided joint figure, or
/// else its strongest decided member for the cause plus its strongest against (see <see cref="EvidenceGroup"/>). Causes can coexist, so
/// the posteriors need not sum to 1; each lies in [0, 1]. <see cref="RankedCause.Share"/> normalises them
/// across the differential for display and sums to 1.
/// </para>
/// <para>
/// Ranking: by posterior log-odds, highest first; equal log-odds are ordered by cause id (ordinal), so the
/// ranking is deterministic. Urgency comes from the red-flag gates alone, never from the ranking: the urgency
/// settled so far (<see cref="TriageResult.Urgency"/>), the highest still possible while gates are undecided
/// (<see cref="TriageResult.HighestPossibleUrgency"/>), and the questions that would settle it, those of the gates the
/// case points at first (<see cref="TriageResult.SettlingFindingIds"/>).
/// </para>
/// <para>
/// Two ways in, one compiled core: <see cref="Triage"/> returns the full immutable result, and the span API
/// (<see cref="CopyStates"/>, <see cref="Score"/>, <see cref="Rank"/>, <see cref="ScoreBatch"/>) writes
/// log-odds and rankings into the caller's buffers without allocating. Both give bitwise the same log-odds
/// and ranking. See <c>docs/benchmarks.md</c> for what each costs.
/// </para>
/// </remarks>
/// <threadsafety>Thread-safe: one instance can serve every request concurrently.</threadsafety>
public sealed partial class TriageEngine
{
    private readonly CompiledKnowledgeBase compiled;
    private readonly int leadingCauseCount;

    /// <summary>Creates an engine for a knowledge base.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    public TriageEngine(KnowledgeBase knowledgeBase, TriageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        options ??= new TriageOptions();
        options.Validate();
        leadingCauseCount = options.LeadingCauseCount;
        compiled = new CompiledKnowledgeBase(knowledgeBase);
    }

    /// <summary>The engine's version: the informational version of the HipPain.Rules assembly.</summary>
    public static string Version { get; } =
        typeof(TriageEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(TriageEngine).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The knowledge base the engine scores against.</summary>
    public KnowledgeBase KnowledgeBase => compiled.Source;

    /// <summary>The compiled form of the knowledge base, shared with the interviewer so that it compiles nothing twice.</summary>
    internal CompiledKnowledgeBase Compiled => compiled;

    /// <summary>Checks a case against the knowledge base without scoring it.</summary>
    /// <param name="patientCase">The case.</param>
    /// <returns>Every problem, in the order of the case; empty when the case is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    public ImmutableArray<ValidationProblem> Validate(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        return CaseValidator.Validate(patientCase, compiled);
    }

    /// <summary>Triages a case: ranks, explains, gates and plans.</summary>
    /// <param name="patientCase">The case.</param>
    /// <returns>
    /// The immutable result. The ranking, probabilities and urgency are computed here; each cause's explanation, the
    /// red-flag outcomes and the care plan are built from the same scored case on first access (once, thread-safely).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="CaseValidationException">The case has problems (unknown finding codes, contradictions, an age outside 0..120); the exception lists every one.</exception>
    public TriageResult Triage(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        var tables = compiled.Tables;
        var states = new FindingState[tables.FindingCount];
        CopyStates(patientCase, states);
        var age = patientCase.Age ?? CriterionProgram.NoAge;
        var sex = patientCase.Sex;
        var logOdds = new double[tables.CauseCount];
        tables.TryScore(states, age, sex, logOdds, out _);
        var ranking = new int[logOdds.Length];
        CauseRanking.Rank(logOdds, tables.CauseIdOrder, ranking);

        // The gates' outcomes settle the urgency and the promotion of flagged causes now; the full assessment (settling
        // questions, progress, order) waits for the first read of the result's red flags.
        var flags = compiled.RedFlags;
        Span<int> gateOutcomes = flags.Length <= StackLimit ? stackalloc int[flags.Length] : new int[flags.Length];
        var gates = compiled.Gates;
        Span<ulong> known = gates.MaskWords <= StackLimit ? stackalloc ulong[gates.MaskWords] : new ulong[gates.MaskWords];
        var fired = gates.Evaluate(states, age, sex, known, gateOutcomes);

        Span<int> posteriorRank = ranking.Length <= StackLimit ? stackalloc int[ranking.Length] : new int[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            posteriorRank[ranking[r]] = r + 1;
        }

        // The fired gates, most urgent first, then in authoring order: the order of the result's red flags.
        var firedInOrder = fired == 0 ? [] : FiredInOrder(gateOutcomes, fired);
        if (fired > 0)
        {
            RedFlagPromotion.Apply(ranking, firedInOrder.Select(g => (flags[g].Flag.Urgency, (IReadOnlyList<int>)flags[g].SuspectedCauses)));
        }

        // Probabilities and shares in the order of the differential (the order the sum is taken in).
        Span<double> probabilities = ranking.Length <= StackLimit ? stackalloc double[ranking.Length] : new double[ranking.Length];
        Span<double> shares = ranking.Length <= StackLimit ? stackalloc double[ranking.Length] : new double[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            probabilities[r] = Posterior.Probability(logOdds[ranking[r]]);
        }

        Posterior.Normalise(probabilities, shares);
        var evaluation = new TriageEvaluation(compiled, states, age, sex, logOdds, leadingCauseCount);
        var differential = new RankedCause[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            var c = ranking[r];
            var cause = compiled.Causes[c];
            differential[r] = new RankedCause(
                r + 1,
                posteriorRank[c],
                cause.Cause,
                cause.PriorLogOdds,
                logOdds[c],
                probabilities[r],
                shares[r],
                fired == 0 ? [] : SuspectedBy(c, firedInOrder),
                evaluation,
                c);
        }

        return new TriageResult(
            patientCase,
            ImmutableCollectionsMarshal.AsImmutableArray(differential),
            UrgencyRule.Settled(gateOutcomes, compiled.RedFlagUrgencies),
            UrgencyRule.HighestPossible(gateOutcomes, compiled.RedFlagUrgencies),
            evaluation,
            Version);
    }

    /// <summary>The most buffer slots <see cref="Triage"/> takes from the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>The indices of the fired gates, most urgent first, ties in authoring order.</summary>
    private int[] FiredInOrder(ReadOnlySpan<int> gateOutcomes, int fired)
    {
        var order = new int[fired];
        var next = 0;
        for (var g = 0; g < gateOutcomes.Length; g++)
        {
            if (gateOutcomes[g] == CriterionProgram.Met)
            {
                order[next++] = g;
            }
        }

        var urgencies = compiled.RedFlagUrgencies;
        Array.Sort(order, (a, b) =>
        {
            var byUrgency = urgencies[b].CompareTo(urgencies[a]);
            return byUrgency != 0 ? byUrgency : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>The ids of the fired gates (in <paramref name="firedInOrder"/>'s order) that suspect a cause.</summary>
    private ImmutableArray<string> SuspectedBy(int cause, int[] firedInOrder)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var g in firedInOrder)
        {
            if (Array.IndexOf(compiled.RedFlags[g].SuspectedCauses, cause) >= 0)
            {
                ids.Add(compiled.RedFlags[g].Flag.Id);
            }
        }

        return ids.ToImmutable();
    }
}
