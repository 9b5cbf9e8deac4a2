using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The parts of a result built on first access (each cause's explanation, the red-flag outcomes, the plan): built once,
/// the same whichever thread reads them first, and equal to a result read in another order.
/// </summary>
public sealed class TriageResultLazyTests
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    private static readonly PatientCase Case = PatientCase.Create(
        67,
        Sex.Female,
        Observation.Present("loc.groin"),
        Observation.Present("tim.night-pain"),
        Observation.Present("exam.gt-tenderness"),
        Observation.Absent("sym.fever"));

    [Fact]
    public void LazyParts_ReadTwice_ReturnTheSameInstances()
    {
        var result = Engine.Triage(Case);

        Assert.Same(result.Plan, result.Plan);
        Assert.True(result.RedFlags == result.RedFlags, "RedFlags should return the same array on every access.");
        Assert.True(result.Leading.Contributions == result.Leading.Contributions, "Contributions should return the same array on every access.");
        Assert.True(result.Leading.Pending == result.Leading.Pending, "Pending should return the same array on every access.");
    }

    [Fact]
    public void LazyParts_ReadFromManyThreadsAtOnce_EqualASerialRead()
    {
        var expected = TriageResultJson.Write(Engine.Triage(Case));
        for (var round = 0; round < 20; round++)
        {
            var result = Engine.Triage(Case);
            using var start = new Barrier(4);
            var seen = new object?[4];
            Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                seen[t] = (t % 2) switch
                {
                    0 => result.Differential[round % result.Differential.Length].Contributions.Length,
                    _ => result.Plan,
                };
            });

            Assert.Same(seen[1], seen[3]);
            Assert.Equal(expected, TriageResultJson.Write(result));
        }
    }

    [Fact]
    public void LazyParts_ReadPlanBeforeExplanation_GiveTheSameJsonAsTheOtherOrder()
    {
        var planFirst = Engine.Triage(Case);
        _ = planFirst.Plan;
        _ = planFirst.SettlingFindingIds;
        var explanationFirst = Engine.Triage(Case);
        _ = explanationFirst.Differential.Select(d => d.Contributions.Length).Sum();

        Assert.Equal(TriageResultJson.Write(explanationFirst), TriageResultJson.Write(planFirst));
    }
}
