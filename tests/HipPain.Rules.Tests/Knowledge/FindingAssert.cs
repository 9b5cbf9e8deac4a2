using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Checks shared by the tests of findings added to the vocabulary for what published cases state (facts addenda 49 to
/// 51): that no red-flag gate reads the finding, and that stating it moves exactly the causes that weigh it.
/// </summary>
internal static class FindingAssert
{
    /// <summary>No gate reads the finding: not in its criterion, its context (<see cref="RedFlag.AskWhen"/>) or its screening questions.</summary>
    public static void NoGateReads(KnowledgeBase kb, string findingId)
    {
        foreach (var gate in kb.RedFlags)
        {
            Assert.False(gate.Criterion.FindingIds().Contains(findingId), $"{gate.Id}'s criterion reads {findingId}");
            Assert.False(gate.AskWhen?.FindingIds().Contains(findingId) ?? false, $"{gate.Id}'s context reads {findingId}");
            Assert.DoesNotContain(findingId, gate.ScreeningFindingIds);
        }
    }

    /// <summary>
    /// Every cause's log-odds in <paramref name="with"/> differs from <paramref name="without"/> by exactly the log of
    /// its ratio in <paramref name="ratios"/>, and not at all for a cause the dictionary does not name.
    /// </summary>
    public static void OnlyTheseCausesMove(TriageResult without, TriageResult with, IReadOnlyDictionary<string, double> ratios)
    {
        Assert.Equal(without.Differential.Length, with.Differential.Length);
        foreach (var ranked in with.Differential)
        {
            var before = without.Differential.Single(r => r.Cause.Id == ranked.Cause.Id);
            var expected = ratios.TryGetValue(ranked.Cause.Id, out var ratio) ? Math.Log(ratio) : 0.0;
            Assert.Equal(expected, ranked.LogOdds - before.LogOdds, 12);
        }
    }
}
