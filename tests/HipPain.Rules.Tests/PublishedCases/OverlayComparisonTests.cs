using HipPain.Rules.Accuracy;
using System.Collections.Immutable;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The accuracy tool's <c>--compare</c>: every scored set on the shipped base beside an overlaid base, the sets that lose
/// a case by the counts the floors hold, and the cases that moved.
/// </summary>
public sealed class OverlayComparisonTests
{
    private static readonly Lazy<IReadOnlyList<Vignette>> Vignettes =
        new(() => VignetteSet.Load(Path.Combine(Repository.Root, VignetteSet.RelativePath)));

    private static ImmutableArray<ComparedSet> CompareWith(KnowledgeBase overlaid)
    {
        var shipped = BuiltInKnowledgeBase.Instance;
        return OverlayComparison.Compare(
            (AccuracyEvaluator.Evaluate(shipped, Vignettes.Value), AccuracyEvaluator.Evaluate(overlaid, Vignettes.Value)),
            PublishedAccuracy.Evaluate(shipped, Repository.Root),
            HoldoutAccuracy.EvaluateAll(shipped, Repository.Root),
            PublishedAccuracy.Evaluate(overlaid, Repository.Root),
            HoldoutAccuracy.EvaluateAll(overlaid, Repository.Root));
    }

    [Fact]
    public void TheShippedBaseBesideItself_LosesNothing_AndMovesNoCase()
    {
        var sets = CompareWith(BuiltInKnowledgeBase.Instance);

        Assert.Equal("Vignettes", sets[0].Name);
        Assert.Equal(["Development half", "Test half"], sets.Skip(1).Take(2).Select(s => s.Name));
        Assert.Equal(FigurePrecision.EverySetPooled, sets[^1].Name);
        Assert.DoesNotContain(sets, s => s.LosesACase);

        var text = OverlayComparison.Render(sets);
        Assert.Contains("No set loses a case.", text, StringComparison.Ordinal);
        Assert.Contains("| (none) | | | | | |", text, StringComparison.Ordinal);
        Assert.Contains($"Beside the shipped base, {BuiltInKnowledgeBase.Id} {BuiltInKnowledgeBase.Version}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeldBackRestPainGate_LosesTheSeventhBatchATop3Case_AndLeavesFiveFewerUnderTriaged()
    {
        var sets = CompareWith(HeldBackOverlay.Load("constant-rest-pain.overlay.json"));

        // The figures of validation/held-back/README.md: a failure here means the README's R1 table is out of date.
        var losing = Assert.Single(sets, s => s.LosesACase);
        Assert.Equal("Seventh batch", losing.Name);
        Assert.True(losing.LosesTop3);
        Assert.False(losing.LosesTop1);
        Assert.False(losing.LosesUrgency);
        var pooled = sets[^1];
        Assert.Equal(50, pooled.Shipped.UnderTriagedAllowingProvisionalCount);
        Assert.Equal(45, pooled.Overlaid.UnderTriagedAllowingProvisionalCount);
        Assert.Equal(70, pooled.Shipped.OverTriagedCount);
        Assert.Equal(74, pooled.Overlaid.OverTriagedCount);

        var text = OverlayComparison.Render(sets);
        Assert.Contains("Sets that lose a case: Seventh batch (top-3).", text, StringComparison.Ordinal);
        Assert.Contains("| Seventh batch | `pc7-dgs-01` | deep-gluteal-syndrome | 3 -> 4 | Routine -> Urgent | no -> no |", text, StringComparison.Ordinal);

        // The pooled rows repeat the batches' cases, so each moved case is listed once.
        Assert.Single(text.Split('\n'), line => line.Contains("`pc13-malig-03`", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoRunsOfDifferentCases_AreRefused()
    {
        var shipped = BuiltInKnowledgeBase.Instance;
        var all = AccuracyEvaluator.Evaluate(shipped, Vignettes.Value);
        var fewer = AccuracyEvaluator.Evaluate(shipped, [.. Vignettes.Value.Skip(1)]);
        var published = PublishedAccuracy.Evaluate(shipped, Repository.Root);
        var holdouts = HoldoutAccuracy.EvaluateAll(shipped, Repository.Root);

        var ex = Assert.Throws<InvalidOperationException>(() => OverlayComparison.Compare((all, fewer), published, holdouts, published, holdouts));
        Assert.Contains("Vignettes", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => OverlayComparison.Compare((all, all), published, holdouts, published, [.. holdouts.Skip(1)]));
    }
}
