using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The accuracy tool's <c>--overlay</c>: the base a run scores is the built-in base with each overlay file applied in
/// order, refused with a line that names the file and the problem, and refused outright by the modes that read the
/// shipped base only. The held-back package (<c>validation/held-back/</c>) is such an overlay.
/// </summary>
public sealed class ScoredBaseTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hippain-scored-base-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Overlay(string version, string changes) =>
        $$"""{ "formatVersion": 1, "id": "clinic", "version": "{{version}}"{{(changes.Length == 0 ? "" : ", " + changes)}} }""";

    [Fact]
    public void OverlayPaths_EachOptionInOrder_AndAnOptionWithoutAFileAsAnEmptyName()
    {
        Assert.Equal(["a.json", "b.json", ""], ScoredBase.OverlayPaths(["--holdout", "--overlay", "a.json", "--details", "--overlay", "b.json", "--overlay"]));
        Assert.Equal([""], ScoredBase.OverlayPaths(["--overlay", "--published"]));
        Assert.Empty(ScoredBase.OverlayPaths(["--holdout"]));
    }

    [Fact]
    public void UnknownOption_AMisspeltOption_Named_KnownOnesAndValuesPass()
    {
        Assert.Equal("--overaly", ScoredBase.UnknownOption(["--holdout", "--overaly", "x.json"]));
        Assert.Null(ScoredBase.UnknownOption(["--holdout", "--details", "--cause", "gtps", "--overlay", "x.json"]));
        Assert.Null(ScoredBase.UnknownOption(["--reserved-statements", "rf.hip-prosthesis", "loc.groin", "--cause", "iliopsoas"]));
    }

    [Fact]
    public void TryLoad_NoOverlay_TheBuiltInBaseItself()
    {
        Assert.True(ScoredBase.TryLoad(["--holdout"], BuiltInKnowledgeBase.Instance, out var scored, out var error));

        Assert.Same(BuiltInKnowledgeBase.Instance, scored);
        Assert.Null(error);
    }

    [Fact]
    public void TryLoad_TwoOverlays_AppliedInOrder_TheSecondOnTheFirstsResult()
    {
        var first = Write("first.json", Overlay("1", """ "findingNumbers": [ { "id": "rf.hip-prosthesis", "presentRate": 0.05 } ] """));
        var second = Write("second.json", Overlay("2", """ "findingNumbers": [ { "id": "rf.steroid-use", "presentRate": 0.02 } ] """));

        Assert.True(ScoredBase.TryLoad(["--published", "--overlay", first, "--overlay", second], BuiltInKnowledgeBase.Instance, out var scored, out var error));

        Assert.Null(error);
        Assert.Equal(("clinic", "2"), (scored.Id, scored.Version));
        Assert.Equal(0.05, scored.Findings.Single(f => f.Id == Findings.HipProsthesis).PresentRate);
        Assert.Equal(0.02, scored.Findings.Single(f => f.Id == Findings.SteroidUse).PresentRate);
        Assert.Contains("not the shipped base", ScoredBase.Banner(scored, BuiltInKnowledgeBase.Instance, [first, second]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--write")]
    [InlineData("--ceiling")]
    [InlineData("--case-mix")]
    [InlineData("--reserved-statements")]
    public void TryLoad_AModeThatReadsTheShippedBaseOnly_RefusedNamingIt(string mode)
    {
        var path = Write("empty.json", Overlay("1", ""));

        Assert.False(ScoredBase.TryLoad([mode, "--overlay", path], BuiltInKnowledgeBase.Instance, out var scored, out var error));

        Assert.Same(BuiltInKnowledgeBase.Instance, scored);
        Assert.Contains(mode, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--interview")]
    [InlineData("--patient-interview")]
    public void TryLoad_TheInterviewModes_InterviewWithTheOverlaidBase(string mode)
    {
        var path = Write("interview.json", Overlay("1", ""));

        Assert.True(ScoredBase.TryLoad([mode, "--overlay", path], BuiltInKnowledgeBase.Instance, out var scored, out var error), error);

        Assert.NotSame(BuiltInKnowledgeBase.Instance, scored);
        Assert.Equal("clinic", scored.Id);
    }

    [Fact]
    public void TryLoad_NoFileNamedOrNoSuchFile_RefusedNamingWhat()
    {
        Assert.False(ScoredBase.TryLoad(["--holdout", "--overlay"], BuiltInKnowledgeBase.Instance, out _, out var noName));
        Assert.Contains("takes the path", noName, StringComparison.Ordinal);

        var missing = Path.Combine(folder, "missing.json");
        Assert.False(ScoredBase.TryLoad(["--holdout", "--overlay", missing], BuiltInKnowledgeBase.Instance, out _, out var noFile));
        Assert.Contains(missing, noFile, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_ADocumentThatDoesNotRead_RefusedWithTheFileCodePathAndLine()
    {
        var path = Write("text.json", Overlay("1", """
            "findingNumbers": [ { "id": "rf.hip-prosthesis", "presentRate": "rare" } ]
            """));

        Assert.False(ScoredBase.TryLoad(["--holdout", "--overlay", path], BuiltInKnowledgeBase.Instance, out _, out var error));

        Assert.StartsWith(path + ": HPJ001 at $.findingNumbers[0].presentRate (line 1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_AnOverlayThatDoesNotApply_EveryProblemOnItsOwnLine()
    {
        var path = Write("wrong.json", Overlay("1", """
            "appliesTo": { "id": "another-base" }, "findingNumbers": [ { "id": "rf.none", "presentRate": 0.1 } ]
            """));

        var first = Write("first.json", Overlay("1", """ "findingNumbers": [ { "id": "rf.hip-prosthesis", "presentRate": 0.05 } ] """));
        Assert.False(ScoredBase.TryLoad(["--holdout", "--overlay", first, "--overlay", path], BuiltInKnowledgeBase.Instance, out var scored, out var error));

        // The first overlay applied, but the run scores nothing overlaid: the caller keeps the built-in base.
        Assert.Same(BuiltInKnowledgeBase.Instance, scored);
        var lines = error!.Split(Environment.NewLine);
        Assert.Contains(lines, l => l.StartsWith(path + ": HPK053 at $.appliesTo.id: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(path + ": HPK051 at $.findingNumbers[0].id: ", StringComparison.Ordinal) && l.Contains("'rf.none'", StringComparison.Ordinal));
    }

    [Fact]
    public void HeldBackPackage_AppliesToTheShippedBase_AndChangesOnlyItsThreeCells()
    {
        var scored = HeldBackOverlay.Load("s8-s11-s12.overlay.json");

        // A rule's text names its id, criterion, cause and ratio (or graded table).
        var shipped = BuiltInKnowledgeBase.Instance.Rules.Select(r => (r.Id, Text: r.ToString())).ToList();
        var held = scored.Rules.Select(r => (r.Id, Text: r.ToString())).ToList();
        Assert.Equal(
            ["deep-gluteal-syndrome/sym.leg-pain-below-knee", "muscle-strain/loc.posterior-thigh", "pubic-ramus-stress-fracture/loc.buttock"],
            held.Except(shipped).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["muscle-strain/loc.posterior-thigh", "pubic-ramus-stress-fracture/loc.buttock"],
            shipped.Except(held).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(BuiltInKnowledgeBase.Instance.RedFlags.Length, scored.RedFlags.Length);
    }

    [Fact]
    public void RestPainCandidate_AppliesToTheShippedBase_AndAddsOnlyItsUrgentGate()
    {
        var scored = HeldBackOverlay.Load("constant-rest-pain.overlay.json");

        Assert.Equal(
            BuiltInKnowledgeBase.Instance.Rules.Select(r => r.ToString()),
            scored.Rules.Select(r => r.ToString()));
        var added = Assert.Single(scored.RedFlags, f => BuiltInKnowledgeBase.Instance.RedFlags.All(s => s.Id != f.Id));
        Assert.Equal("rf.constant-rest-pain", added.Id);
        Assert.Equal(Urgency.Urgent, added.Urgency);
        Assert.Equal(["malignancy"], added.SuspectedCauseIds);
        Assert.Equal(BuiltInKnowledgeBase.Instance.RedFlags.Length + 1, scored.RedFlags.Length);
    }
}
