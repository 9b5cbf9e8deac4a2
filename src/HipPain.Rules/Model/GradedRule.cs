using System.Collections.Immutable;
using System.Globalization;

namespace HipPain.Rules.Model;

/// <summary>
/// A graded rule: a published table with one likelihood ratio for each number of its parts met, 0 to n, so that a
/// clinical prediction rule such as Kocher's (0 to 4 predictors) keeps its gradient. An entry may be null when the
/// source reports no figure for that count.
/// </summary>
/// <remarks>
/// With <c>met</c> parts met and <c>open</c> parts undecided, the count can still end anywhere in
/// [<c>met</c>, <c>met + open</c>]. The rule is decided when every count still possible has the same entry (in
/// particular once every part is decided); it then applies that entry, or nothing when the entry is null. Otherwise
/// it is undecided and changes nothing, so an unknown answer is neutral.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class GradedRule : DiagnosticRule
{
    internal GradedRule(string id, string causeId, ImmutableArray<Criterion> parts, ImmutableArray<double?> ratiosByCount, Evidence evidence, string? description)
        : base(id, causeId, evidence, description)
    {
        Parts = parts;
        RatiosByCount = ratiosByCount;
    }

    /// <summary>The parts counted.</summary>
    public ImmutableArray<Criterion> Parts { get; }

    /// <summary>
    /// The likelihood ratio for each number of parts met: entry <c>k</c> applies when exactly <c>k</c> parts are met;
    /// <c>Parts.Length + 1</c> entries. A null entry means the source gives no figure for that count.
    /// </summary>
    public ImmutableArray<double?> RatiosByCount { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> FindingIds() => [.. Parts.SelectMany(p => p.FindingIds())];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Id}: graded({string.Join(", ", Parts)}) -> {CauseId} [{string.Join(", ", RatiosByCount.Select(r => r is double v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-"))}]";
}
