using HipPain.Rules.Accuracy;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The committed published-case sets as theory data, read from <see cref="HoldoutBatch.All"/> and the reserved batch, so
/// that a batch is checked by every mechanical test from the commit that adds it to the accuracy tool.
/// </summary>
public static class PublishedSetPaths
{
    /// <summary>Every holdout batch, oldest first, then the reserved batch.</summary>
    public static TheoryData<string> HoldoutsAndReserved => [.. HoldoutPaths(), PublishedCaseSet.ReservedBatchRelativePath];

    /// <summary>The first set, then every holdout batch: every set a report scores.</summary>
    public static TheoryData<string> Scored => [PublishedCaseSet.RelativePath, .. HoldoutPaths()];

    /// <summary>The scored sets, then the reserved batch.</summary>
    public static TheoryData<string> ScoredAndReserved => [PublishedCaseSet.RelativePath, .. HoldoutPaths(), PublishedCaseSet.ReservedBatchRelativePath];

    private static IEnumerable<string> HoldoutPaths() => HoldoutBatch.All.Select(b => b.RelativePath);
}
