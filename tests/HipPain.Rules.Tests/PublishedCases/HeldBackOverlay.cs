using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Serialization;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>The overlays of <c>validation/held-back/</c>, read and applied to the shipped base as the accuracy tool does.</summary>
internal static class HeldBackOverlay
{
    /// <summary>The shipped base with one held-back overlay applied, after checking the file against the overlay schema.</summary>
    /// <param name="fileName">The file's name in <c>validation/held-back/</c>.</param>
    public static KnowledgeBase Load(string fileName)
    {
        var path = Path.Combine(Repository.Root, "validation", "held-back", fileName);
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, File.ReadAllText(path)));

        // A failure here after a new base version: re-base the overlay (its appliesTo, and any ratio derived from the
        // priors), then measure it again with the command in validation/held-back/README.md.
        Assert.True(ScoredBase.TryLoad(["--overlay", path], BuiltInKnowledgeBase.Instance, out var overlaid, out var error), error);
        return overlaid;
    }
}
