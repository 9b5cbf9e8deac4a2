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
        // Cause 7 is named by an Emergency gate as well as a Routine one, so it outranks the Urgent-only causes 4 to 6,
        // and as the only cause of a fired emergency gate it takes the first place (rule R7).
        var ranking = Promote(8, (Urgency.Routine, [7]), (Urgency.Urgent, [4, 5, 6]), (Urgency.Emergency, [7]));

        Assert.Equal([7, 4, 5, 0, 1, 2, 3, 6], ranking);
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
        // More gates than places: the two Emergency gates, then the first Urgent gate in the order given. Each emergency
        // gate names one cause, so the more probable of the two (5) takes the first place (rule R7).
        Assert.Equal([5, 4, 6, 0, 1, 2, 3, 7], Promote(8, (Urgency.Urgent, [4]), (Urgency.Emergency, [5]), (Urgency.Emergency, [6]), (Urgency.Urgent, [7])));
    }

    [Fact]
    public void Apply_EmergencyGateCauseThird_TakesTheFirstPlaceAndTheOthersKeepTheirOrder()
    {
        // Rule R7: the infection gate's single cause stands third by probability and becomes the working diagnosis.
        Assert.Equal([2, 0, 1, 3, 4], Promote(5, (Urgency.Emergency, [2])));
    }

    [Fact]
    public void Apply_EmergencyGateCauseOutsideTheFirstThree_TakesTheFirstPlace()
    {
        Assert.Equal([5, 0, 1, 2, 3, 4], Promote(6, (Urgency.Emergency, [5])));
    }

    [Fact]
    public void Apply_UrgentGateCauseThird_DoesNotMove()
    {
        // R7 is for emergency gates only: an urgent gate's cause keeps its place inside the first three.
        Assert.Equal([0, 1, 2, 3, 4], Promote(5, (Urgency.Urgent, [2])));
    }

    [Fact]
    public void Apply_OneEmergencyGateNamingSeveralCauses_ItsMostProbableCauseLeads()
    {
        Assert.Equal([3, 4, 5, 0, 1, 2], Promote(6, (Urgency.Emergency, [5, 3, 4])));
    }

    [Fact]
    public void Apply_TwoEmergencyGates_TheCauseBothNameLeadsThoughLessProbable()
    {
        // Cause 4 is named by both emergency gates, cause 1 by one: 4 is the working diagnosis, then the rest of the
        // first three in posterior order (0, the most probable unnamed cause, and 1).
        Assert.Equal([4, 0, 1, 2, 3, 5], Promote(6, (Urgency.Emergency, [1, 4]), (Urgency.Emergency, [4])));
    }

    [Fact]
    public void Apply_WorkingDiagnosisNamedByTwoEmergencyGates_LeavesRoomForAnotherGate()
    {
        // Four gates: cause 7 answers both emergency gates, so both urgent gates can keep a cause in the first three
        // as well. Without R7, the emergency gates took 5 and 6 and the last urgent gate went unrepresented.
        Assert.Equal([7, 3, 4, 0, 1, 2, 5, 6], Promote(8, (Urgency.Urgent, [4]), (Urgency.Emergency, [5, 7]), (Urgency.Emergency, [6, 7]), (Urgency.Urgent, [3])));
    }

    /// <summary>
    /// On random gates (2 to 5 of them, each of a random urgency naming 1 to 4 of 4 to 12 causes): the result is a
    /// permutation; when the gates name three causes or fewer, all are in the first three; otherwise the first three are
    /// all named causes and, when at most three gates fire, each gate has one there; when an emergency gate fires, the
    /// first place holds a cause named by the most emergency gates, the most probable such cause (rule R7); causes
    /// nobody names keep their posterior order. The seed decides everything, so a failure replays.
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
        var emergency = gates.Where(g => g.Item1 == Urgency.Emergency).ToList();
        var mostNamed = emergency.Count == 0 ? 0 : named.Max(c => emergency.Count(g => g.Item2.Contains(c)));
        var workingFirst = emergency.Count == 0
            || (emergency.Count(g => g.Item2.Contains(ranking[0])) == mostNamed
                && named.Where(c => emergency.Count(g => g.Item2.Contains(c)) == mostNamed).All(c => c >= ranking[0]));
        return (permutation && allNamedFirst && everyGate && workingFirst && unnamed.SequenceEqual(unnamed.Order()))
            .Classify(named.Count > 3 && gates.Length <= 3, "more named causes than places, three gates or fewer")
            .Classify(emergency.Count > 0, "an emergency gate fired")
            .Label($"seed {seed}: ranking [{string.Join(", ", ranking)}], gates {string.Join("; ", gates.Select(g => $"{g.Item1} [{string.Join(", ", g.Item2)}]"))}");
    }

    [Fact]
    public void Apply_NoFlaggedCause_NothingMoves()
    {
        Assert.Equal([0, 1, 2, 3], Promote(4, (Urgency.Emergency, [])));
        Assert.Equal([0, 1, 2, 3], Promote(4));
    }
}
