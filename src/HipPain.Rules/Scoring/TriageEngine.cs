using System.Collections.Immutable;
using System.Globalization;
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
    /// Each decided rule's contribution and each partly answered composite or graded rule of one cause. Ungrouped
    /// criterion rules contribute on their own; each evidence group (and each ungrouped graded rule) contributes what
    /// <see cref="ScoringTables.EvaluateGroup"/> counts, the members that counted naming the ones they stand for. The
    /// cause's log-odds come from the scoring tables; the contributions sum to the same value up to rounding.
    /// </summary>
    private (ImmutableArray<Contribution> Contributions, ImmutableArray<PendingRule> Pending) Explain(CompiledCause cause, FindingState[] states, int age, Sex sex)
    {
        var contributions = ImmutableArray.CreateBuilder<Contribution>();
        var pending = ImmutableArray.CreateBuilder<PendingRule>();
        foreach (var rule in cause.Rules)
        {
            if (rule.Group >= 0)
            {
                continue;
            }

            var outcome = compiled.Program.Evaluate(rule.Root, states, age, sex);
            if (outcome == CriterionProgram.Undecided)
            {
                AddPending(rule, states, pending);
                continue;
            }

            var criterionRule = (CriterionRule)rule.Rule;
            var met = outcome == CriterionProgram.Met;
            var factor = met ? criterionRule.Ratio.Positive : criterionRule.Ratio.Negative;
            contributions.Add(new Contribution(rule.Rule, CriterionLabel(rule, met), met, null, factor, Math.Log(factor), null, []));
        }

        foreach (var group in cause.Groups)
        {
            ExplainGroup(group, states, age, sex, contributions, pending);
        }

        contributions.Sort(static (a, b) =>
        {
            var bySize = Math.Abs(b.LogOdds).CompareTo(Math.Abs(a.LogOdds));
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        return (contributions.ToImmutable(), pending.ToImmutable());
    }

    /// <summary>
    /// The contributions of one group: its joint figure, or its strongest member for and its strongest against (or, when
    /// every decided member is neutral, the first of them), each listing the decided members it stands for.
    /// </summary>
    private void ExplainGroup(int group, FindingState[] states, int age, Sex sex, ImmutableArray<Contribution>.Builder contributions, ImmutableArray<PendingRule>.Builder pending)
    {
        var tables = compiled.Tables;
        var evidenceGroup = tables.Groups[group];
        tables.EvaluateGroup(group, states, age, sex, out var joint, out var strongestFor, out var strongestAgainst);
        var decided = new List<(int Member, Contribution Contribution)>();
        for (var m = tables.GroupMemberStart[group]; m < tables.GroupMemberStart[group + 1]; m++)
        {
            var rule = compiled.Rules[tables.MemberRule[m]];
            var outcome = tables.MemberOutcome(m, states, age, sex, out var log);
            if (outcome == ScoringTables.MemberUndecided)
            {
                // Once a joint figure counts, no other member's answer can change the group.
                if (joint < 0)
                {
                    AddPending(rule, states, pending);
                }

                continue;
            }

            decided.Add((m, MemberContribution(rule, outcome, log, states, age, sex, evidenceGroup, [])));
        }

        if (decided.Count == 0)
        {
            return;
        }

        int[] heads = joint >= 0 ? [joint]
            : strongestFor >= 0 || strongestAgainst >= 0 ? [.. new[] { strongestFor, strongestAgainst }.Where(m => m >= 0)]
            : [decided[0].Member];
        foreach (var head in heads)
        {
            var subsumed = decided.Where(d => !heads.Contains(d.Member) && StandsFor(head, d.Contribution.LogOdds)).Select(d => d.Contribution).ToImmutableArray();
            var own = decided.First(d => d.Member == head).Contribution;
            contributions.Add(new Contribution(own.Rule, own.Label, own.CriterionMet, own.PartsMet, own.Factor, own.LogOdds, evidenceGroup, subsumed));
        }

        // Joint (or neutral-only): every other decided member. For: the others for, and the neutral ones. Against: the
        // others against, and the neutral ones when no member is for.
        bool StandsFor(int head, double log) =>
            head == joint
            || (strongestFor < 0 && strongestAgainst < 0)
            || (head == strongestFor ? log >= 0 : log < 0 || (log == 0 && strongestFor < 0));
    }

    private Contribution MemberContribution(CompiledRule rule, int outcome, double log, FindingState[] states, int age, Sex sex, EvidenceGroup? group, ImmutableArray<Contribution> subsumed)
    {
        if (rule.Rule is CriterionRule criterionRule)
        {
            var met = compiled.Program.Evaluate(rule.Root, states, age, sex) == CriterionProgram.Met;
            return new Contribution(rule.Rule, CriterionLabel(rule, met), met, null, met ? criterionRule.Ratio.Positive : criterionRule.Ratio.Negative, log, group, subsumed);
        }

        var graded = (GradedRule)rule.Rule;
        compiled.Program.CountParts(rule.Root, states, age, sex, out var partsMet, out var open);
        var count = open == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{partsMet} of {graded.Parts.Length} met")
            : string.Create(CultureInfo.InvariantCulture, $"{partsMet} to {partsMet + open} of {graded.Parts.Length} met");
        var label = $"{rule.Label}: {count}" + (outcome == ScoringTables.MemberNoFigure ? " (no published figure for this count)" : string.Empty);
        return new Contribution(rule.Rule, label, null, partsMet, graded.RatiosByCount[partsMet] ?? 1.0, log, group, subsumed);
    }

    private static string CriterionLabel(CompiledRule rule, bool met) => rule.Label + (((CriterionRule)rule.Rule).Criterion switch
    {
        FindingCriterion f => (f.Expected == FindingState.Present) == met ? ": present" : ": absent",
        _ => met ? ": met" : ": not met",
    });

    /// <summary>Lists an undecided composite or graded rule that the case has begun to answer, with the findings it still needs.</summary>
    private static void AddPending(CompiledRule rule, FindingState[] states, ImmutableArray<PendingRule>.Builder pending)
    {
        if (rule.Rule is CriterionRule { Criterion: not CountCriterion })
        {
            return;
        }

        var missing = rule.Findings.Where(f => states[f.Index] == FindingState.Unknown).Select(f => f.Id).ToImmutableArray();
        if (missing.Length < rule.Findings.Length)
        {
            pending.Add(new PendingRule(rule.Rule, rule.Label, missing));
        }
    }
}
