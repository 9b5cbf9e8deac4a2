using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The plain reference implementation the optimised engine is checked against: no compilation, no index
/// arrays, straight loops over the model evaluating <see cref="Criterion.Evaluate(PatientCase)"/> directly.
/// Each cause's log-odds are its prior log-odds plus ln LR+ for each met rule and ln LR- for each rule
/// definitely not met, summed in authoring order.
/// </summary>
internal static class ReferenceScorer
{
    /// <summary>Posterior log-odds by cause, in the order of <see cref="KnowledgeBase.Causes"/>.</summary>
    public static double[] LogOdds(KnowledgeBase knowledgeBase, PatientCase patientCase)
    {
        var result = new double[knowledgeBase.Causes.Length];
        for (var c = 0; c < knowledgeBase.Causes.Length; c++)
        {
            var cause = knowledgeBase.Causes[c];
            var logOdds = Math.Log(cause.Prior / (1 - cause.Prior));
            foreach (var rule in knowledgeBase.RulesFor(cause.Id))
            {
                switch (rule.Criterion.Evaluate(patientCase))
                {
                    case true:
                        logOdds += Math.Log(rule.Ratio.Positive);
                        break;
                    case false:
                        logOdds += Math.Log(rule.Ratio.Negative);
                        break;
                }
            }

            result[c] = logOdds;
        }

        return result;
    }

    /// <summary>Cause indices ordered by log-odds, highest first, ties by cause id (ordinal).</summary>
    public static int[] Ranking(KnowledgeBase knowledgeBase, double[] logOdds)
    {
        var order = Enumerable.Range(0, logOdds.Length).ToList();
        order.Sort((a, b) =>
        {
            var byOdds = logOdds[b].CompareTo(logOdds[a]);
            return byOdds != 0 ? byOdds : string.CompareOrdinal(knowledgeBase.Causes[a].Id, knowledgeBase.Causes[b].Id);
        });
        return [.. order];
    }
}
