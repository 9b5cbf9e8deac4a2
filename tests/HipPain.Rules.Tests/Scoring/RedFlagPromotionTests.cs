using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>The promotion of causes named by fired red flags into the first three places, on cause indices alone.</summary>
public sealed class RedFlagPromotionTests
{
    private static int[] Promote(int causes, params (Urgency Urgency, int[] Causes)[] flagged)
    {
        var ranking = Enumerable.Range(0, causes).ToArray();
        RedFlagPromotion.Apply(ranking, flagged.Select(f => (f.Urgency, (IReadOnlyList<int>)f.Causes)));
        return ranking;
    }

    [Fact]
    public void Apply_FlaggedCauseFourth_TakesThirdPlaceAndTheRestKeepTheirOrder()
    {
        Assert.Equal([0, 1, 3, 2, 4, 5], Promote(6, (Urgency.Urgent, [3])));
    }

    [Fact]
    public void Apply_FlaggedCauseLast_TakesThirdPlace()
    {
        Assert.Equal([0, 1, 5, 2, 3, 4], Promote(6, (Urgency.Urgent, [5])));
    }

    [Fact]
    public void Apply_FlaggedCauseAlreadyThird_NothingMoves()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5], Promote(6, (Urgency.Urgent, [2])));
    }

    [Fact]
    public void Apply_OneFlaggedCauseInsideAndOneOutside_TheOutsideOneStillPromoted()
    {
        Assert.Equal([0, 1, 4, 2, 3, 5], Promote(6, (Urgency.Urgent, [1, 4])));
    }

    [Fact]
    public void Apply_TwoFlaggedCausesOutside_BothPromotedInPosteriorOrder()
    {
        Assert.Equal([0, 3, 5, 1, 2, 4], Promote(6, (Urgency.Urgent, [5]), (Urgency.Routine, [3])));
    }

    [Fact]
    public void Apply_FourFlaggedCausesOfOneUrgency_TheThreeMostProbableGuaranteed()
    {
        Assert.Equal([4, 5, 6, 0, 1, 2, 3, 7], Promote(8, (Urgency.Urgent, [7, 6, 5, 4])));
    }

    [Fact]
    public void Apply_CauseNamedByGatesOfTwoUrgencies_TakesTheHighest()
    {
        // Cause 7 is named by an Emergency gate as well as a Routine one, so it outranks the Urgent-only causes 4 to 6.
        var ranking = Promote(8, (Urgency.Routine, [7]), (Urgency.Urgent, [4, 5, 6]), (Urgency.Emergency, [7]));

        Assert.Equal([4, 5, 7, 0, 1, 2, 3, 6], ranking);
    }

    [Fact]
    public void Apply_AGateNamingThreeCausesBesideAGateNamingOne_EachGateKeepsACauseInTheFirstThree()
    {
        // An Emergency gate naming causes 4 to 6 fires with an Urgent gate naming cause 7: taking causes by urgency
        // alone would guarantee 4, 5 and 6 and leave 7 last, though its gate fired. Each gate first gets its most
        // probable cause (4, then 7), and the last place goes to the Emergency gate's next cause (5).
        Assert.Equal([4, 5, 7, 0, 1, 2, 3, 6], Promote(8, (Urgency.Emergency, [4, 5, 6]), (Urgency.Urgent, [7])));
    }

    [Fact]
    public void Apply_FourGatesWithDisjointCauses_TheThreeMostUrgentGatesKeepTheirCause()
    {
        // More gates than places: the two Emergency gates, then the first Urgent gate in the order given.
        Assert.Equal([4, 5, 6, 0, 1, 2, 3, 7], Promote(8, (Urgency.Urgent, [4]), (Urgency.Emergency, [5]), (Urgency.Emergency, [6]), (Urgency.Urgent, [7])));
    }

    /// <summary>
    /// On random gates (2 to 5 of them, each of a random urgency naming 1 to 4 of 4 to 12 causes): the result is a
    /// permutation; when the gates name three causes or fewer, all are in the first three; otherwise the first three are
    /// all named causes and, when at most three gates fire, each gate has one there; causes nobody names keep their
    /// posterior order. The seed decides everything, so a failure replays.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Apply_RandomGates_EveryFiredGateKeepsACauseInTheFirstThree(int seed)
    {
        var random = new Random(seed);
        var causes = random.Next(4, 13);
        var gates = Enumerable.Range(0, random.Next(2, 6))
            .Select(_ => ((Urgency)random.Next((int)Urgency.Routine, (int)Urgency.Emergency + 1), Enumerable.Range(0, causes).OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray()))
            .ToArray();
        var ranking = Promote(causes, gates);

        var named = gates.SelectMany(g => g.Item2).Distinct().ToList();
        var first = ranking.Take(3).ToHashSet();
        var permutation = ranking.Order().SequenceEqual(Enumerable.Range(0, causes));
        var allNamedFirst = named.Count > 3 ? first.All(named.Contains) : named.All(first.Contains);
        var everyGate = gates.Length > 3 || gates.All(g => g.Item2.Any(first.Contains));
        var unnamed = ranking.Where(c => !named.Contains(c)).ToList();
        return (permutation && allNamedFirst && everyGate && unnamed.SequenceEqual(unnamed.Order()))
            .Classify(named.Count > 3 && gates.Length <= 3, "more named causes than places, three gates or fewer")
            .Label($"seed {seed}: ranking [{string.Join(", ", ranking)}], gates {string.Join("; ", gates.Select(g => $"{g.Item1} [{string.Join(", ", g.Item2)}]"))}");
    }

    [Fact]
    public void Apply_NoFlaggedCause_NothingMoves()
    {
        Assert.Equal([0, 1, 2, 3], Promote(4, (Urgency.Emergency, [])));
        Assert.Equal([0, 1, 2, 3], Promote(4));
    }
}
