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
/// ranking is deterministic. Urgency comes from the red-flag gates alone, never from the ranking.
/// </para>
/// </remarks>
/// <threadsafety>Thread-safe: one instance can serve every request concurrently.</threadsafety>
public sealed class TriageEngine
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
        var problems = CaseValidator.Validate(patientCase, compiled);
        if (!problems.IsEmpty)
        {
            throw new CaseValidationException(problems);
        }

        var states = StatesOf(patientCase);
        var scored = new (CompiledCause Cause, double LogOdds, double Probability, ImmutableArray<Contribution> Contributions, ImmutableArray<PendingRule> Pending)[compiled.Causes.Length];
        for (var c = 0; c < compiled.Causes.Length; c++)
        {
            var cause = compiled.Causes[c];
            var (logOdds, contributions, pending) = Explain(cause, states, patientCase.Age, patientCase.Sex);
            scored[c] = (cause, logOdds, CompiledKnowledgeBase.Logistic(logOdds), contributions, pending);
        }

        Array.Sort(scored, static (a, b) =>
        {
            var byOdds = b.LogOdds.CompareTo(a.LogOdds);
            return byOdds != 0 ? byOdds : string.CompareOrdinal(a.Cause.Cause.Id, b.Cause.Cause.Id);
        });

        var redFlags = EvaluateRedFlags(states, patientCase);
        var urgency = UrgencyOf(redFlags);
        var total = scored.Sum(s => s.Probability);
        var differential = scored.Select((s, i) => new RankedCause(
            i + 1,
            s.Cause.Cause,
            s.Cause.PriorLogOdds,
            s.LogOdds,
            s.Probability,
            total > 0 ? s.Probability / total : 1.0 / scored.Length,
            s.Contributions,
            s.Pending,
            [.. redFlags.Where(r => r.Status == RedFlagStatus.Fired && r.RedFlag.SuspectedCauseIds.Contains(s.Cause.Cause.Id)).Select(r => r.RedFlag.Id)]))
            .ToImmutableArray();
        var plan = CarePlanner.Plan(compiled.Source, differential, redFlags, urgency, leadingCauseCount);
        return new TriageResult(patientCase, differential, urgency, redFlags, plan, compiled.Source, Version);
    }

    private FindingState[] StatesOf(PatientCase patientCase)
    {
        var states = new FindingState[compiled.FindingIndex.Count];
        foreach (var (findingId, state) in patientCase.Observations)
        {
            states[compiled.FindingIndex[findingId]] = state;
        }

        return states;
    }

    private (double LogOdds, ImmutableArray<Contribution> Contributions, ImmutableArray<PendingRule> Pending) Explain(CompiledCause cause, FindingState[] states, int? age, Sex sex)
    {
        var logOdds = cause.PriorLogOdds;
        var contributions = ImmutableArray.CreateBuilder<Contribution>();
        var pending = ImmutableArray.CreateBuilder<PendingRule>();
        foreach (var rule in cause.Rules)
        {
            if (rule.Criterion.Evaluate(states, age, sex) is not bool met)
            {
                if (rule.Rule.Criterion is CountCriterion)
                {
                    var ids = rule.Rule.Criterion.FindingIds();
                    var missing = ids.Where(id => states[compiled.FindingIndex[id]] == FindingState.Unknown).Distinct().ToImmutableArray();
                    if (missing.Length < ids.Count)
                    {
                        pending.Add(new PendingRule(rule.Rule, rule.Label, missing));
                    }
                }

                continue;
            }

            var log = met ? rule.LogPositive : rule.LogNegative;
            logOdds += log;
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
        return (logOdds, contributions.ToImmutable(), pending.ToImmutable());
    }

    private ImmutableArray<RedFlagOutcome> EvaluateRedFlags(FindingState[] states, PatientCase patientCase)
    {
        var outcomes = compiled.RedFlags.Select(r => new RedFlagOutcome(
            r.Flag,
            r.Criterion.Evaluate(states, patientCase.Age, patientCase.Sex) switch
            {
                true => RedFlagStatus.Fired,
                false => RedFlagStatus.RuledOut,
                null => RedFlagStatus.NotAssessed,
            }));
        return [.. outcomes.OrderByDescending(o => o.Status == RedFlagStatus.Fired).ThenByDescending(o => o.Status == RedFlagStatus.Fired ? o.RedFlag.Urgency : Urgency.SelfCare)];
    }

    private static Urgency UrgencyOf(ImmutableArray<RedFlagOutcome> redFlags)
    {
        var fired = redFlags.Where(r => r.Status == RedFlagStatus.Fired).Select(r => r.RedFlag.Urgency).DefaultIfEmpty(Urgency.SelfCare).Max();
        if (fired > Urgency.SelfCare)
        {
            return fired;
        }

        return redFlags.All(r => r.Status == RedFlagStatus.RuledOut) ? Urgency.SelfCare : Urgency.Routine;
    }
}
