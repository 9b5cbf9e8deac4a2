using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// Keeps a can't-miss cause out of the tail of the differential: every cause named by a fired red flag is ranked
/// in the first three. Probabilities are untouched; only the order of work changes.
/// </summary>
/// <remarks>
/// The causes named by fired gates are taken in order of the gate's urgency (highest first), then posterior rank.
/// The first three of them (all of them when fewer) are guaranteed a place in the first three ranks. The other places
/// of the first three go to the most probable remaining causes, and the first three keep their posterior order among
/// themselves; everything after keeps its posterior order. So a flagged cause already in the first three does not
/// move, one outside takes the third place (pushing the cause it displaces to fourth), and the most probable cause
/// stays first unless three or more flagged causes outrank it in urgency.
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

        var guaranteed = flagged
            .SelectMany(g => g.Causes.Select(c => (g.Urgency, Cause: c)))
            .GroupBy(x => x.Cause)
            .Select(g => (Cause: g.Key, Urgency: g.Max(x => x.Urgency)))
            .OrderByDescending(x => x.Urgency)
            .ThenBy(x => posteriorRank[x.Cause])
            .Take(Places)
            .Select(x => x.Cause)
            .ToHashSet();
        if (guaranteed.Count == 0 || guaranteed.All(c => posteriorRank[c] < Places))
        {
            return;
        }

        var places = Math.Min(Places, ranking.Length);
        var top = guaranteed
            .Concat(ranking.Where(c => !guaranteed.Contains(c)).Take(places - guaranteed.Count))
            .OrderBy(c => posteriorRank[c])
            .ToArray();
        var rest = ranking.Where(c => !top.Contains(c)).ToArray();
        top.CopyTo(ranking, 0);
        rest.CopyTo(ranking, top.Length);
    }
}
