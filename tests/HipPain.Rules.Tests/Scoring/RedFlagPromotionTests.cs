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

    [Fact]
    public void Apply_NoFlaggedCause_NothingMoves()
    {
        Assert.Equal([0, 1, 2, 3], Promote(4, (Urgency.Emergency, [])));
        Assert.Equal([0, 1, 2, 3], Promote(4));
    }
}
