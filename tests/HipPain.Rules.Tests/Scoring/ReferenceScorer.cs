using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The plain reference implementation the optimised engine is checked against: no compilation, no index arrays,
/// straight loops over the model evaluating <see cref="Criterion.Evaluate(PatientCase)"/> directly, written from the
/// definitions in docs/model.md. Each cause's log-odds are its prior log-odds, plus the log ratio of each decided
/// ungrouped rule, plus what each of its evidence groups contributes.
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
            foreach (var rule in knowledgeBase.RulesFor(cause.Id).Where(r => !knowledgeBase.TryGetGroupOf(r.Id, out _)))
            {
                if (Outcome(rule, patientCase) is { HasFigure: true } outcome)
                {
                    logOdds += outcome.Log;
                }
            }

            foreach (var group in knowledgeBase.GroupsFor(cause.Id))
            {
                logOdds += GroupLog(knowledgeBase, group, patientCase);
            }

            result[c] = logOdds;
        }

        return result;
    }

    /// <summary>
    /// What a group adds: the first joint member (in member order) decided with a figure, alone; otherwise the largest
    /// positive log ratio among the decided members (or 0) plus the most negative one (or 0).
    /// </summary>
    public static double GroupLog(KnowledgeBase knowledgeBase, EvidenceGroup group, PatientCase patientCase)
    {
        var decided = group.Members
            .Select(m => (m.IsJoint, Outcome: knowledgeBase.TryGetRule(m.RuleId, out var rule) ? Outcome(rule, patientCase) : null))
            .Where(m => m.Outcome is { HasFigure: true })
            .ToList();
        var joint = decided.FirstOrDefault(m => m.IsJoint);
        if (joint.Outcome is { } figure)
        {
            return figure.Log;
        }

        var logs = decided.Select(m => m.Outcome!.Log).ToList();
        return logs.Where(l => l > 0).DefaultIfEmpty(0).Max() + logs.Where(l => l < 0).DefaultIfEmpty(0).Min();
    }

    /// <summary>
    /// A rule's outcome for the case: null when undecided; else whether it has a figure and its log. A criterion rule is
    /// decided when its criterion is; a graded rule when every count of parts met still possible has the same entry.
    /// </summary>
    public static RuleOutcome? Outcome(DiagnosticRule rule, PatientCase patientCase)
    {
        switch (rule)
        {
            case CriterionRule c:
                return c.Criterion.Evaluate(patientCase) switch
                {
                    true => new RuleOutcome(true, Math.Log(c.Ratio.Positive)),
                    false => new RuleOutcome(true, Math.Log(c.Ratio.Negative)),
                    null => null,
                };
            case GradedRule g:
                var outcomes = g.Parts.Select(p => p.Evaluate(patientCase)).ToList();
                var met = outcomes.Count(o => o == true);
                var open = outcomes.Count(o => o is null);
                var entries = Enumerable.Range(met, open + 1).Select(k => g.RatiosByCount[k]).Distinct().ToList();
                return entries.Count != 1 ? null : entries[0] is double ratio ? new RuleOutcome(true, Math.Log(ratio)) : new RuleOutcome(false, 0);
            default:
                throw new NotSupportedException(rule.GetType().Name);
        }
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

    /// <summary>A decided rule's outcome: whether the source gives a figure for it, and the natural log of that figure (0 without one).</summary>
    public sealed record RuleOutcome(bool HasFigure, double Log);
}
