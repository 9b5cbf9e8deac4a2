using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// One case scored against a compiled base: its finding states, age, sex and posterior log-odds, kept by the result so
/// that the parts a caller may never read (each cause's explanation, the red-flag assessment, the care plan) are built
/// on first access from exactly what <see cref="TriageEngine.Triage"/> scored. Never written after construction; every
/// method is a pure function of it, so two threads building the same part get equal values.
/// </summary>
internal sealed class TriageEvaluation
{
    private readonly FindingState[] states;

    public TriageEvaluation(CompiledKnowledgeBase compiled, FindingState[] states, int age, Sex sex, double[] logOdds, int leadingCauseCount)
    {
        Compiled = compiled;
        this.states = states;
        Age = age;
        Sex = sex;
        LogOdds = logOdds;
        LeadingCauseCount = leadingCauseCount;
    }

    public CompiledKnowledgeBase Compiled { get; }

    /// <summary>The age, or <see cref="CriterionProgram.NoAge"/>.</summary>
    public int Age { get; }

    public Sex Sex { get; }

    /// <summary>Posterior log-odds by cause index. Never written.</summary>
    public double[] LogOdds { get; }

    /// <summary>How many leading causes the plan covers (<see cref="TriageOptions.LeadingCauseCount"/>).</summary>
    public int LeadingCauseCount { get; }

    /// <summary>Every red-flag gate's status, the urgency and the settling questions (built again on each call).</summary>
    public RedFlagAssessment AssessRedFlags() => RedFlagAssessment.Evaluate(Compiled, states, Age, Sex, LogOdds);

    /// <summary>
    /// Each decided rule's contribution and each partly answered composite or graded rule of one cause. Ungrouped
    /// criterion rules contribute on their own; each evidence group (and each ungrouped graded rule) contributes what
    /// <see cref="ScoringTables.EvaluateGroup"/> counts, the members that counted naming the ones they stand for. The
    /// cause's log-odds come from the scoring tables; the contributions sum to the same value up to rounding.
    /// </summary>
    public CauseExplanation Explain(int causeIndex)
    {
        var cause = Compiled.Causes[causeIndex];
        var contributions = ImmutableArray.CreateBuilder<Contribution>();
        var pending = ImmutableArray.CreateBuilder<PendingRule>();
        foreach (var rule in cause.Rules)
        {
            if (rule.Group >= 0)
            {
                continue;
            }

            var outcome = Compiled.Program.Evaluate(rule.Root, states, Age, Sex);
            if (outcome == CriterionProgram.Undecided)
            {
                AddPending(rule, pending);
                continue;
            }

            var criterionRule = (CriterionRule)rule.Rule;
            var met = outcome == CriterionProgram.Met;
            var factor = met ? criterionRule.Ratio.Positive : criterionRule.Ratio.Negative;
            contributions.Add(new Contribution(rule.Rule, CriterionLabel(rule, met), met, null, factor, Math.Log(factor), null, []));
        }

        foreach (var group in cause.Groups)
        {
            ExplainGroup(group, contributions, pending);
        }

        contributions.Sort(static (a, b) =>
        {
            var bySize = Math.Abs(b.LogFactor).CompareTo(Math.Abs(a.LogFactor));
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        });
        return new CauseExplanation(contributions.ToImmutable(), pending.ToImmutable());
    }

    /// <summary>
    /// The contributions of one group: its joint figure, or its strongest member for and its strongest against (or, when
    /// every decided member is neutral, the first of them), each listing the decided members it stands for.
    /// </summary>
    private void ExplainGroup(int group, ImmutableArray<Contribution>.Builder contributions, ImmutableArray<PendingRule>.Builder pending)
    {
        var tables = Compiled.Tables;
        var evidenceGroup = tables.Groups[group];
        tables.EvaluateGroup(group, states, Age, Sex, out var joint, out var strongestFor, out var strongestAgainst);
        var decided = new List<(int Member, Contribution Contribution)>();
        for (var m = tables.GroupMemberStart[group]; m < tables.GroupMemberStart[group + 1]; m++)
        {
            var rule = Compiled.Rules[tables.MemberRule[m]];
            var outcome = tables.MemberOutcome(m, states, Age, Sex, out var log);
            if (outcome == ScoringTables.MemberUndecided)
            {
                // Once a joint figure counts, no other member's answer can change the group.
                if (joint < 0)
                {
                    AddPending(rule, pending);
                }

                continue;
            }

            decided.Add((m, MemberContribution(rule, outcome, log, evidenceGroup, [])));
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
            var subsumed = decided.Where(d => !heads.Contains(d.Member) && StandsFor(head, d.Contribution.LogFactor)).Select(d => d.Contribution).ToImmutableArray();
            var own = decided.First(d => d.Member == head).Contribution;
            contributions.Add(new Contribution(own.Rule, own.Label, own.CriterionMet, own.PartsMet, own.Factor, own.LogFactor, evidenceGroup, subsumed));
        }

        // Joint (or neutral-only): every other decided member. For: the others for, and the neutral ones. Against: the
        // others against, and the neutral ones when no member is for.
        bool StandsFor(int head, double log) =>
            head == joint
            || (strongestFor < 0 && strongestAgainst < 0)
            || (head == strongestFor ? log >= 0 : log < 0 || (log == 0 && strongestFor < 0));
    }

    private Contribution MemberContribution(CompiledRule rule, int outcome, double log, EvidenceGroup? group, ImmutableArray<Contribution> subsumed)
    {
        if (rule.Rule is CriterionRule criterionRule)
        {
            var met = Compiled.Program.Evaluate(rule.Root, states, Age, Sex) == CriterionProgram.Met;
            return new Contribution(rule.Rule, CriterionLabel(rule, met), met, null, met ? criterionRule.Ratio.Positive : criterionRule.Ratio.Negative, log, group, subsumed);
        }

        var graded = (GradedRule)rule.Rule;
        Compiled.Program.CountParts(rule.Root, states, Age, Sex, out var partsMet, out var open);
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
    private void AddPending(CompiledRule rule, ImmutableArray<PendingRule>.Builder pending)
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

/// <summary>One cause's contributions and pending rules, built together on first access.</summary>
internal sealed class CauseExplanation(ImmutableArray<Contribution> contributions, ImmutableArray<PendingRule> pending)
{
    public ImmutableArray<Contribution> Contributions { get; } = contributions;

    public ImmutableArray<PendingRule> Pending { get; } = pending;
}
