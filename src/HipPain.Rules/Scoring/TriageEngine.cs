using System.Collections.Immutable;
using System.Reflection;
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
/// prior odds plus the natural log of the likelihood ratio of every decided rule: LR+ when the rule's
/// criterion is met, LR- when it is definitely not met, nothing when it is undecided. Causes can coexist, so
/// the posteriors need not sum to 1; each lies in [0, 1]. <see cref="RankedCause.Share"/> normalises them
/// across the differential for display and sums to 1.
/// </para>
/// <para>
/// Ranking: by posterior log-odds, highest first; equal log-odds are ordered by cause id (ordinal), so the
/// ranking is deterministic. Urgency comes from the red-flag gates alone, never from the ranking: the urgency
/// settled so far (<see cref="TriageResult.Urgency"/>), the highest still possible while gates are undecided
/// (<see cref="TriageResult.HighestPossibleUrgency"/>), and the questions that would settle it, partly met gates
/// first (<see cref="TriageResult.SettlingFindingIds"/>).
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
    /// <returns>The immutable result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="CaseValidationException">The case has problems (unknown finding codes, contradictions, an age outside 0..120); the exception lists every one.</exception>
    public TriageResult Triage(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        var states = new FindingState[compiled.Tables.FindingCount];
        CopyStates(patientCase, states);
        var age = patientCase.Age ?? CriterionProgram.NoAge;
        var logOdds = new double[compiled.Tables.CauseCount];
        compiled.Tables.TryScore(states, age, patientCase.Sex, logOdds, out _);
        var ranking = new int[logOdds.Length];
        CauseRanking.Rank(logOdds, compiled.Tables.CauseIdOrder, ranking);

        var redFlags = RedFlagAssessment.Evaluate(compiled, states, age, patientCase.Sex, logOdds);
        var posteriorRank = new int[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            posteriorRank[ranking[r]] = r + 1;
        }

        RedFlagPromotion.Apply(ranking, redFlags.Outcomes
            .Where(o => o.Status == RedFlagStatus.Fired)
            .Select(o => (o.RedFlag.Urgency, (IReadOnlyList<int>)[.. o.RedFlag.SuspectedCauseIds.Select(id => compiled.CauseIndex[id])])));
        var total = 0.0;
        foreach (var c in ranking)
        {
            total += CompiledKnowledgeBase.Logistic(logOdds[c]);
        }

        var differential = ImmutableArray.CreateBuilder<RankedCause>(ranking.Length);
        foreach (var c in ranking)
        {
            var cause = compiled.Causes[c];
            var (contributions, pending) = Explain(cause, states, age, patientCase.Sex);
            var probability = CompiledKnowledgeBase.Logistic(logOdds[c]);
            differential.Add(new RankedCause(
                differential.Count + 1,
                posteriorRank[c],
                cause.Cause,
                cause.PriorLogOdds,
                logOdds[c],
                probability,
                total > 0 ? probability / total : 1.0 / ranking.Length,
                contributions,
                pending,
                [.. redFlags.Outcomes.Where(r => r.Status == RedFlagStatus.Fired && r.RedFlag.SuspectedCauseIds.Contains(cause.Cause.Id)).Select(r => r.RedFlag.Id)]));
        }

        var ranked = differential.MoveToImmutable();
        var plan = CarePlanner.Plan(compiled.Source, ranked, redFlags.Outcomes, redFlags.Urgency, leadingCauseCount);
        return new TriageResult(patientCase, ranked, redFlags, plan, compiled.Source, Version);
    }

    /// <summary>
    /// Each decided rule's contribution and each partly answered composite rule of one cause. The cause's
    /// log-odds come from the scoring tables; the contributions sum to the same value up to rounding.
    /// </summary>
    private (ImmutableArray<Contribution> Contributions, ImmutableArray<PendingRule> Pending) Explain(CompiledCause cause, FindingState[] states, int age, Sex sex)
    {
        var contributions = ImmutableArray.CreateBuilder<Contribution>();
        var pending = ImmutableArray.CreateBuilder<PendingRule>();
        foreach (var rule in cause.Rules)
        {
            if (CriterionProgram.ToNullable(compiled.Program.Evaluate(rule.Root, states, age, sex)) is not bool met)
            {
                if (rule.Rule.Criterion is CountCriterion)
                {
                    var missing = rule.Findings.Where(f => states[f.Index] == FindingState.Unknown).Select(f => f.Id).ToImmutableArray();
                    if (missing.Length < rule.Findings.Length)
                    {
                        pending.Add(new PendingRule(rule.Rule, rule.Label, missing));
                    }
                }

                continue;
            }

            var log = met ? rule.LogPositive : rule.LogNegative;
            var label = rule.Label + (rule.Rule.Criterion switch
            {
                FindingCriterion f => (f.Expected == FindingState.Present) == met ? ": present" : ": absent",
                _ => met ? ": met" : ": not met",
            });
            contributions.Add(new Contribution(rule.Rule, label, met, met ? rule.Rule.Ratio.Positive : rule.Rule.Ratio.Negative, log));
        }

        contributions.Sort(static (a, b) =>
        {
            var bySize = Math.Abs(b.LogOdds).CompareTo(Math.Abs(a.LogOdds));
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        return (contributions.ToImmutable(), pending.ToImmutable());
    }
}
