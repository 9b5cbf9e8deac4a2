using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// Keeps a can't-miss cause out of the tail of the differential: causes named by fired red flags are ranked in the
/// first three, every fired gate has one there, and when an emergency gate fired, the cause it names comes first.
/// Probabilities are untouched; only the order of work changes.
/// </summary>
/// <remarks>
/// <para>
/// When gates of urgency <see cref="Urgency.Emergency"/> fired, the cause named by the most of them (ties by posterior
/// rank) is the working diagnosis until the gate's same-day action excludes it (rule R7, facts addendum 29: septic
/// arthritis "until proven otherwise", Coakley 2006). It is guaranteed a place first and takes the first place.
/// </para>
/// <para>
/// Up to three causes are guaranteed a place in the first three ranks, chosen in two rounds. First, one cause per
/// fired gate: the gates are taken most urgent first (then in the order given), and each gate that no cause chosen so
/// far already represents contributes its most probable named cause. Then, while places remain, the other named
/// causes, in order of the highest urgency of a gate naming them, then posterior rank. So when fired gates name three
/// causes or fewer, all of them are guaranteed; when they name more, no fired gate is left without a cause in the
/// first three (unless more than three gates with disjoint causes fire), and a gate naming several causes cannot crowd
/// out the single cause of another gate.
/// </para>
/// <para>
/// The other places of the first three go to the most probable remaining causes, and the first three keep their
/// posterior order among themselves after the working diagnosis, if any; everything after keeps its posterior order.
/// So without an emergency gate, a flagged cause already in the first three does not move, one outside takes the
/// third place (pushing the cause it displaces to fourth), and the most probable cause stays first unless it is not
/// named and three named causes are guaranteed.
/// </para>
/// </remarks>
internal static class RedFlagPromotion
{
    /// <summary>The number of leading places a flagged cause is guaranteed.</summary>
    public const int Places = 3;

    /// <summary>Reorders <paramref name="ranking"/> (cause indices in posterior order) in place.</summary>
    /// <param name="ranking">Cause indices, most probable first; rewritten in working order.</param>
    /// <param name="flagged">For each fired gate, its urgency and the indices of the causes it names.</param>
    public static void Apply(int[] ranking, IEnumerable<(Urgency Urgency, IReadOnlyList<int> Causes)> flagged)
    {
        var posteriorRank = new int[ranking.Length];
        for (var r = 0; r < ranking.Length; r++)
        {
            posteriorRank[ranking[r]] = r;
        }

        var gates = flagged.Where(g => g.Causes.Count > 0).OrderByDescending(g => g.Urgency).ToList();
        // Rule R7 first: the working diagnosis of the fired emergency gates is guaranteed before any other cause.
        var working = WorkingDiagnosis(gates, posteriorRank);
        var guaranteed = new HashSet<int>();
        if (working >= 0)
        {
            guaranteed.Add(working);
        }

        foreach (var gate in gates)
        {
            if (guaranteed.Count == Places)
            {
                break;
            }

            if (!gate.Causes.Any(guaranteed.Contains))
            {
                guaranteed.Add(gate.Causes.MinBy(c => posteriorRank[c]));
            }
        }

        var others = gates
            .SelectMany(g => g.Causes.Select(c => (g.Urgency, Cause: c)))
            .GroupBy(x => x.Cause)
            .Select(g => (Cause: g.Key, Urgency: g.Max(x => x.Urgency)))
            .Where(x => !guaranteed.Contains(x.Cause))
            .OrderByDescending(x => x.Urgency)
            .ThenBy(x => posteriorRank[x.Cause])
            .Select(x => x.Cause);
        foreach (var cause in others)
        {
            if (guaranteed.Count == Places)
            {
                break;
            }

            guaranteed.Add(cause);
        }

        if (guaranteed.Count == 0 || (guaranteed.All(c => posteriorRank[c] < Places) && (working < 0 || ranking[0] == working)))
        {
            return;
        }

        var places = Math.Min(Places, ranking.Length);
        var top = guaranteed
            .Concat(ranking.Where(c => !guaranteed.Contains(c)).Take(places - guaranteed.Count))
            .OrderBy(c => c == working ? 0 : 1)
            .ThenBy(c => posteriorRank[c])
            .ToArray();
        var rest = ranking.Where(c => !top.Contains(c)).ToArray();
        top.CopyTo(ranking, 0);
        rest.CopyTo(ranking, top.Length);
    }

    /// <summary>
    /// The cause that takes the first place because fired emergency gates name it (rule R7, facts addendum 29): the
    /// cause named by the most fired <see cref="Urgency.Emergency"/> gates, ties by posterior rank; -1 when no
    /// emergency gate naming a cause fired. <see cref="Apply"/> guarantees it a place before any other cause.
    /// </summary>
    private static int WorkingDiagnosis(List<(Urgency Urgency, IReadOnlyList<int> Causes)> gates, int[] posteriorRank)
    {
        var working = -1;
        var mostGates = 0;
        foreach (var cause in gates.Where(g => g.Urgency == Urgency.Emergency).SelectMany(g => g.Causes).Distinct())
        {
            var naming = gates.Count(g => g.Urgency == Urgency.Emergency && g.Causes.Contains(cause));
            if (naming > mostGates || (naming == mostGates && posteriorRank[cause] < posteriorRank[working]))
            {
                working = cause;
                mostGates = naming;
            }
        }

        return working;
    }
}
