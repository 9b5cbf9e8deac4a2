using HipPain.Rules.Accuracy;
using System.Collections.Immutable;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
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

    private static readonly Lazy<IReadOnlyList<PatientInterviewLength.SetLength>> ShippedInterviews =
        new(() => PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance));

    private static ImmutableArray<ComparedInterview> CompareInterviewsWith(KnowledgeBase overlaid) =>
        InterviewComparison.Compare(ShippedInterviews.Value, PatientInterviewLength.Measure(Repository.Root, overlaid));

    [Fact]
    public void TheShippedBaseBesideItself_EveryPatientInterviewIsIdentical()
    {
        var interviews = CompareInterviewsWith(BuiltInKnowledgeBase.Instance);

        Assert.True(interviews.Length > 800, $"{interviews.Length} interviews");
        Assert.All(interviews, i => Assert.True(i.IsIdentical, $"{i.Set} {i.Shipped.Case}"));
        var text = InterviewComparison.Render(interviews);
        Assert.Contains($"{interviews.Length} identical; 0 with the same counts", text, StringComparison.Ordinal);
        Assert.Contains("none asks fewer red-flag questions (0 ask more).", text, StringComparison.Ordinal);
        Assert.Contains("| (none) | | | |", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Facts addendum 57's C2 and C3, the low back in the sacroiliac and lumbar pain maps, as an overlay: low-back pain
    /// weighs less, patient interviews stop asking it, and so never reach the cauda equina questions its answer opens.
    /// The check that kept that change out, made by the comparison.
    /// </summary>
    [Fact]
    public void TheLowBackInTwoPainMaps_CostsPatientInterviewsTheirCaudaEquinaQuestions()
    {
        // The two pain maps as the base has them, each with its cause's low-back rule added.
        var builder = new KnowledgeBaseOverlayBuilder("addendum-57-c2-c3", "1");
        foreach (var causeId in (string[])["sacroiliac-joint-pain", "lumbar-radicular"])
        {
            var painMap = BuiltInKnowledgeBase.Instance.GroupsFor(causeId).Single(g => g.Id == $"{causeId}/pain-map");
            builder.OverrideGroup(painMap.Id, [.. painMap.Members, new EvidenceGroupMember($"{causeId}/loc.lower-back", false)]);
        }

        Assert.True(builder.Build().TryApplyTo(BuiltInKnowledgeBase.Instance, out var overlaid, out var problems), string.Join("; ", problems));

        var interviews = CompareInterviewsWith(overlaid);

        var fewer = interviews.Where(i => i.AsksFewerRedFlagQuestions).ToList();
        Assert.Equal(LowBackFewer, fewer.Count);
        var sij = Assert.Single(fewer, i => i.Shipped.Case == "pc-sij-04");
        Assert.Contains("loc.lower-back=yes", sij.Shipped.Asked);
        Assert.Contains("sym.saddle-anaesthesia=no", sij.Shipped.Asked);
        Assert.DoesNotContain(sij.Overlaid.Asked, a => a.StartsWith("loc.lower-back", StringComparison.Ordinal) || a.StartsWith("sym.saddle-anaesthesia", StringComparison.Ordinal));
        Assert.Contains($"**{LowBackFewer} ask fewer red-flag questions**", InterviewComparison.Render(interviews), StringComparison.Ordinal);
    }

    /// <summary>
    /// R1 adds a gate whose finding every patient interview then asks, and yet four interviews reach fewer red-flag
    /// questions: validation/held-back/README.md, R1's section.
    /// </summary>
    [Fact]
    public void TheHeldBackRestPainGate_AsksMostPatientsOneMoreRedFlagQuestion_ButFourFewer()
    {
        var interviews = CompareInterviewsWith(HeldBackOverlay.Load("constant-rest-pain.overlay.json"));

        Assert.Equal(RestPainFewer, interviews.Count(i => i.AsksFewerRedFlagQuestions));
        Assert.Equal(RestPainMore, interviews.Count(i => i.Overlaid.RedFlagQuestions > i.Shipped.RedFlagQuestions));
        Assert.Contains(interviews, i => i.Shipped.Case == "pc16-oa-01" && i.AsksFewerRedFlagQuestions);
    }

    /// <summary>The three held-back cells cost one patient interview its cauda equina questions (validation/held-back/README.md).</summary>
    [Fact]
    public void TheHeldBackCells_CostOnePatientInterviewItsCaudaEquinaQuestions()
    {
        var interviews = CompareInterviewsWith(HeldBackOverlay.Load("s8-s11-s12.overlay.json"));

        var fewer = Assert.Single(interviews, i => i.AsksFewerRedFlagQuestions);
        Assert.Equal("pc16-oa-01", fewer.Shipped.Case);
        Assert.Equal((7, 4), (fewer.Shipped.RedFlagQuestions, fewer.Overlaid.RedFlagQuestions));
        Assert.Contains("sym.saddle-anaesthesia=no", fewer.Shipped.Asked);
        Assert.DoesNotContain(fewer.Overlaid.Asked, a => a.StartsWith("sym.saddle-anaesthesia", StringComparison.Ordinal));
    }

    /// <summary>
    /// The same candidates when each interview starts from the pain regions the case states, as a patient marks them on
    /// the web sample's body map: the contexts come from the map, and only one interview (a fall that is no longer asked)
    /// still loses red-flag questions (validation/held-back/README.md; docs/interview.md).
    /// </summary>
    [Fact]
    public void WithThePainMapFirst_TheCandidatesKeepTheirRedFlagQuestions_ButOne()
    {
        var shipped = PatientInterviewLength.Measure(Repository.Root, BuiltInKnowledgeBase.Instance, painMapFirst: true);

        var cells = InterviewComparison.Compare(shipped, PatientInterviewLength.Measure(Repository.Root, HeldBackOverlay.Load("s8-s11-s12.overlay.json"), painMapFirst: true));
        var restPain = InterviewComparison.Compare(shipped, PatientInterviewLength.Measure(Repository.Root, HeldBackOverlay.Load("constant-rest-pain.overlay.json"), painMapFirst: true));

        Assert.DoesNotContain(cells, i => i.AsksFewerRedFlagQuestions);
        Assert.DoesNotContain(restPain, i => i.AsksFewerRedFlagQuestions);
        Assert.Contains("starting from age, sex and the pain regions the case states", InterviewComparison.Render(cells, painMapFirst: true), StringComparison.Ordinal);
    }

    private const int LowBackFewer = 14;

    private const int RestPainFewer = 4;

    private const int RestPainMore = 768;
}
