using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Vignettes;

public sealed class VignetteAccuracyTests
{
    private static readonly Lazy<string> Root = new(() => Repository.Root);

    private static readonly Lazy<IReadOnlyList<Vignette>> All = new(() => VignetteSet.Load(Path.Combine(Root.Value, VignetteSet.RelativePath)));

    private static readonly Lazy<AccuracyReport> Report = new(() => AccuracyEvaluator.Evaluate(BuiltInKnowledgeBase.Instance, All.Value));

    [Fact]
    public void Interview_EveryVignette_KeepsTheFloorsAndNeverUnderTriages()
    {
        // The interview asks only what each vignette states; stopping early must not cost what the floors protect.
        var interviewer = new HipPain.Rules.Interview.Interviewer(new HipPain.Rules.Scoring.TriageEngine(BuiltInKnowledgeBase.Instance));

        var report = InterviewReplay.Evaluate(interviewer, All.Value);

        Assert.Equal(0, report.UnderTriagedCount);
        Assert.True(
            report.Top3Count >= AccuracyReport.Top3Floor * report.Outcomes.Length,
            $"Top 3 after the interview is {report.Top3Count} of {report.Outcomes.Length}, below the floor of {AccuracyReport.Top3Floor:P0}.");
        Assert.All(report.Outcomes, o => Assert.True(o.Asked <= o.Stated, $"{o.Vignette.Id}: asked {o.Asked} of {o.Stated}."));
    }

    [Fact]
    public void Vignettes_File_HasAtLeast40WithSourcesAndKnownIds()
    {
        var kb = BuiltInKnowledgeBase.Instance;

        Assert.True(All.Value.Count >= 40, $"Expected at least 40 vignettes, found {All.Value.Count}.");
        Assert.Equal(All.Value.Count, All.Value.Select(v => v.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(All.Value, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Source), v.Id);
            Assert.True(kb.TryGetCause(v.Reference, out _), $"{v.Id}: unknown reference '{v.Reference}'.");
            Assert.All(v.Alternatives, id => Assert.True(kb.TryGetCause(id, out _), $"{v.Id}: unknown alternative '{id}'."));
            Assert.DoesNotContain(v.Reference, v.Alternatives);
        });
    }

    [Fact]
    public void Vignettes_EveryCase_IsValidForTheBuiltInBase()
    {
        var engine = new HipPain.Rules.Scoring.TriageEngine(BuiltInKnowledgeBase.Instance);

        Assert.All(All.Value, v => Assert.True(engine.Validate(v.ToCase()).IsEmpty, string.Join("; ", engine.Validate(v.ToCase()))));
    }

    [Fact]
    public void Vignettes_EveryCause_HasAtLeastOneVignette()
    {
        var references = All.Value.Select(v => v.Reference).ToHashSet(StringComparer.Ordinal);

        Assert.All(BuiltInKnowledgeBase.Instance.Causes, c => Assert.Contains(c.Id, references));
    }

    [Fact]
    public void Evaluate_BuiltInBase_Top3AtLeastTheFloor()
    {
        var report = Report.Value;

        Assert.True(report.Top3 >= AccuracyReport.Top3Floor, AccuracyDocument.Summary(report));
    }

    [Fact]
    public void Evaluate_BuiltInBase_NoUrgentOrEmergencyVignetteUnderTriaged()
    {
        var under = Report.Value.Outcomes.Where(o => o.UnderTriaged).Select(o => $"{o.Vignette.Id}: {o.Urgency} < {o.Vignette.ExpectedUrgency}");

        Assert.Empty(under);
    }

    [Fact]
    public void Evaluate_UrgentVignettes_NameTheReferenceInAFiredFlagOrRankIt()
    {
        var urgent = Report.Value.Outcomes.Where(o => o.Vignette.ExpectedUrgency >= Urgency.Urgent).ToList();

        Assert.NotEmpty(urgent);
        Assert.All(urgent, o => Assert.NotEmpty(o.FiredRedFlags));
    }

    [Fact]
    public void AccuracyDocument_Committed_MatchesTheCurrentResults()
    {
        var current = File.ReadAllText(Repository.PathOf(AccuracyDocument.RelativePath));
        var expected = GeneratedSection.Splice(current, AccuracyDocument.RenderAll(Report.Value, PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Root.Value), HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, Root.Value), CaseMixSensitivity.Evaluate(BuiltInKnowledgeBase.Instance, Root.Value)));

        GoldenFile.AssertCurrent(AccuracyDocument.RelativePath, expected, "the vignette or published-case results changed (the tool's --write option rewrites it too)");
    }
}
