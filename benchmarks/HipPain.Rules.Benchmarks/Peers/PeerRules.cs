using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Benchmarks.Peers;

/// <summary>
/// One outcome of a diagnostic rule as a peer engine sees it. For a criterion rule: a rule that fires when the
/// criterion is met (weight ln LR+) or one that fires when it is definitely not met (weight ln LR-). For a graded
/// rule: one rule per stretch of equal entries [a, b] of its table, firing when at least a parts are met and at least
/// n - b are not, that is when every count still possible has that entry. Peers are generated from these, so they
/// follow the knowledge base as it grows.
/// </summary>
/// <param name="Name">A unique rule name for the peer: the rule id and <c>:met</c>, <c>:not-met</c> or <c>:a-b</c>.</param>
/// <param name="CauseIndex">The cause whose log-odds the outcome changes (index in <see cref="KnowledgeBase.Causes"/>).</param>
/// <param name="WhenMet">For a criterion rule, true for the met outcome and false for the not-met outcome.</param>
/// <param name="Criterion">The criterion of a criterion rule; null for a graded rule.</param>
/// <param name="Parts">The parts of a graded rule; empty for a criterion rule.</param>
/// <param name="MinimumMet">For a graded outcome: how many parts must be met.</param>
/// <param name="MinimumNotMet">For a graded outcome: how many parts must be definitely not met.</param>
/// <param name="LogRatio">The natural log of the outcome's likelihood ratio.</param>
/// <param name="Group">The index of the rule's evidence group in <see cref="KnowledgeBase.Groups"/>; -1 for none.</param>
/// <param name="Member">The rule's position among its group's members; -1 for none.</param>
/// <param name="IsJoint">True when the rule is a joint member of its group.</param>
public sealed record PeerOutcome(
    string Name,
    int CauseIndex,
    bool WhenMet,
    Criterion? Criterion,
    ImmutableArray<Criterion> Parts,
    int MinimumMet,
    int MinimumNotMet,
    double LogRatio,
    int Group,
    int Member,
    bool IsJoint);

/// <summary>The scores a peer engine computed for one case and the ranking it implies.</summary>
/// <param name="LogOdds">Posterior log-odds by cause index.</param>
/// <param name="Ranking">Cause indices, most likely first.</param>
public sealed record PeerResult(double[] LogOdds, int[] Ranking);

/// <summary>What every peer shares: the outcome list, the priors, the case encoding and the aggregation.</summary>
public static class PeerRules
{
    /// <summary>
    /// The outcomes of every rule, rules in the knowledge base's order. An outcome whose ratio is 1 is left out, except
    /// for a joint member of a group, whose figure counts alone even when it is 1. A graded entry without a figure has no
    /// outcome: it changes nothing, as an undecided rule.
    /// </summary>
    public static PeerOutcome[] Outcomes(KnowledgeBase knowledgeBase)
    {
        var causeIndex = knowledgeBase.Causes.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var membership = knowledgeBase.Groups
            .SelectMany((g, group) => g.Members.Select((m, member) => (m.RuleId, Group: group, Member: member, m.IsJoint)))
            .ToDictionary(m => m.RuleId, m => (m.Group, m.Member, m.IsJoint), StringComparer.Ordinal);
        var outcomes = new List<PeerOutcome>();
        foreach (var cause in knowledgeBase.Causes)
        {
            foreach (var rule in knowledgeBase.RulesFor(cause.Id))
            {
                var (group, member, joint) = membership.TryGetValue(rule.Id, out var m) ? m : (-1, -1, false);
                var c = causeIndex[cause.Id];
                switch (rule)
                {
                    case CriterionRule r:
                        if (r.Ratio.Positive != 1 || joint)
                        {
                            outcomes.Add(new PeerOutcome(r.Id + ":met", c, true, r.Criterion, [], 0, 0, Math.Log(r.Ratio.Positive), group, member, joint));
                        }

                        if (r.Ratio.Negative != 1 || joint)
                        {
                            outcomes.Add(new PeerOutcome(r.Id + ":not-met", c, false, r.Criterion, [], 0, 0, Math.Log(r.Ratio.Negative), group, member, joint));
                        }

                        break;
                    case GradedRule g:
                        // A graded rule alone is its own joint member: its figure counts whatever it is.
                        joint |= group < 0;
                        var n = g.Parts.Length;
                        for (var a = 0; a <= n;)
                        {
                            var b = a;
                            while (b < n && Nullable.Equals(g.RatiosByCount[b + 1], g.RatiosByCount[a]))
                            {
                                b++;
                            }

                            if (g.RatiosByCount[a] is double ratio && (ratio != 1 || joint))
                            {
                                outcomes.Add(new PeerOutcome($"{g.Id}:{a}-{b}", c, true, null, g.Parts, a, n - b, Math.Log(ratio), group, member, joint));
                            }

                            a = b + 1;
                        }

                        break;
                }
            }
        }

        return [.. outcomes];
    }

    /// <summary>Prior log-odds by cause index.</summary>
    public static double[] PriorLogOdds(KnowledgeBase knowledgeBase) =>
        [.. knowledgeBase.Causes.Select(c => Math.Log(c.Prior / (1 - c.Prior)))];

    /// <summary>The case's finding states as integers (0 unknown, 1 present, 2 absent) by finding index.</summary>
    public static int[] EncodeStates(KnowledgeBase knowledgeBase, IReadOnlyDictionary<string, int> findingIndex, PatientCase patientCase)
    {
        var states = new int[knowledgeBase.Findings.Length];
        foreach (var (findingId, state) in patientCase.Observations)
        {
            states[findingIndex[findingId]] = (int)state;
        }

        return states;
    }

    /// <summary>Finding index by code.</summary>
    public static Dictionary<string, int> FindingIndex(KnowledgeBase knowledgeBase) =>
        knowledgeBase.Findings.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    /// <summary>
    /// Adds the fired outcomes' weights to the priors and ranks by log-odds, ties by cause id: ungrouped outcomes in
    /// outcome order, then each evidence group once, by the group rule of docs/model.md: its first joint member (in
    /// member order) that fired, alone; otherwise its largest positive weight that fired plus its most negative one.
    /// </summary>
    public static PeerResult Aggregate(KnowledgeBase knowledgeBase, double[] priorLogOdds, PeerOutcome[] outcomes, bool[] fired)
    {
        var logOdds = (double[])priorLogOdds.Clone();
        var groups = new List<PeerOutcome>[knowledgeBase.Groups.Length];
        for (var k = 0; k < outcomes.Length; k++)
        {
            if (!fired[k])
            {
                continue;
            }

            if (outcomes[k].Group < 0)
            {
                logOdds[outcomes[k].CauseIndex] += outcomes[k].LogRatio;
            }
            else
            {
                (groups[outcomes[k].Group] ??= []).Add(outcomes[k]);
            }
        }

        foreach (var members in groups.Where(g => g is not null))
        {
            var ordered = members!.OrderBy(o => o.Member).ToList();
            var joint = ordered.FirstOrDefault(o => o.IsJoint);
            logOdds[ordered[0].CauseIndex] += joint is not null
                ? joint.LogRatio
                : ordered.Select(o => o.LogRatio).Where(l => l > 0).DefaultIfEmpty(0).Max() + ordered.Select(o => o.LogRatio).Where(l => l < 0).DefaultIfEmpty(0).Min();
        }

        var ranking = Enumerable.Range(0, logOdds.Length).ToArray();
        Array.Sort(ranking, (a, b) =>
        {
            var byOdds = logOdds[b].CompareTo(logOdds[a]);
            return byOdds != 0 ? byOdds : string.CompareOrdinal(knowledgeBase.Causes[a].Id, knowledgeBase.Causes[b].Id);
        });
        return new PeerResult(logOdds, ranking);
    }
}
