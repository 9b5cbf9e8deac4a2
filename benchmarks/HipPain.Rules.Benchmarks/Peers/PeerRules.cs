using HipPain.Rules.Model;

namespace HipPain.Rules.Benchmarks.Peers;

/// <summary>
/// One outcome of a diagnostic rule as a peer engine sees it: a rule that fires when the criterion is met
/// (weight ln LR+) or one that fires when it is definitely not met (weight ln LR-). Peers are generated from
/// these, so they follow the knowledge base as it grows.
/// </summary>
/// <param name="Name">A unique rule name for the peer: the rule id and <c>:met</c> or <c>:not-met</c>.</param>
/// <param name="CauseIndex">The cause whose log-odds the outcome changes (index in <see cref="KnowledgeBase.Causes"/>).</param>
/// <param name="WhenMet">True for the met outcome, false for the not-met outcome.</param>
/// <param name="Criterion">The rule's criterion.</param>
/// <param name="LogRatio">ln LR+ or ln LR-.</param>
public sealed record PeerOutcome(string Name, int CauseIndex, bool WhenMet, Criterion Criterion, double LogRatio);

/// <summary>The scores a peer engine computed for one case and the ranking it implies.</summary>
/// <param name="LogOdds">Posterior log-odds by cause index.</param>
/// <param name="Ranking">Cause indices, most likely first.</param>
public sealed record PeerResult(double[] LogOdds, int[] Ranking);

/// <summary>What every peer shares: the outcome list, the priors, the case encoding and the aggregation.</summary>
public static class PeerRules
{
    /// <summary>Two outcomes per rule (met, not met), rules in the knowledge base's order; outcomes whose ratio is 1 are left out.</summary>
    public static PeerOutcome[] Outcomes(KnowledgeBase knowledgeBase)
    {
        var causeIndex = knowledgeBase.Causes.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var outcomes = new List<PeerOutcome>();
        foreach (var cause in knowledgeBase.Causes)
        {
            foreach (var rule in knowledgeBase.RulesFor(cause.Id))
            {
                if (rule.Ratio.Positive != 1)
                {
                    outcomes.Add(new PeerOutcome(rule.Id + ":met", causeIndex[cause.Id], true, rule.Criterion, Math.Log(rule.Ratio.Positive)));
                }

                if (rule.Ratio.Negative != 1)
                {
                    outcomes.Add(new PeerOutcome(rule.Id + ":not-met", causeIndex[cause.Id], false, rule.Criterion, Math.Log(rule.Ratio.Negative)));
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

    /// <summary>Adds the fired outcomes' weights to the priors in outcome order and ranks by log-odds, ties by cause id.</summary>
    public static PeerResult Aggregate(KnowledgeBase knowledgeBase, double[] priorLogOdds, PeerOutcome[] outcomes, bool[] fired)
    {
        var logOdds = (double[])priorLogOdds.Clone();
        for (var k = 0; k < outcomes.Length; k++)
        {
            if (fired[k])
            {
                logOdds[outcomes[k].CauseIndex] += outcomes[k].LogRatio;
            }
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
