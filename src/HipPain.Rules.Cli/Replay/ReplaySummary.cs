namespace HipPain.Rules.Cli.Replay;

/// <summary>The counts of a replay.</summary>
/// <param name="Cases">Case files replayed.</param>
/// <param name="Unchanged">Cases with nothing compared changed.</param>
/// <param name="Changed">Cases with any change.</param>
/// <param name="Errors">Cases that could not be read or triaged on either side.</param>
/// <param name="LeadingChanged">Cases whose leading cause changed.</param>
/// <param name="TopThreeChanged">Cases whose top-three set changed.</param>
/// <param name="UrgencyRaised">Cases whose settled urgency rose.</param>
/// <param name="UrgencyDropped">Cases whose settled urgency fell.</param>
/// <param name="PossibleUrgencyRaised">Cases whose highest possible urgency rose.</param>
/// <param name="PossibleUrgencyDropped">Cases whose highest possible urgency fell.</param>
/// <param name="AnyUrgencyDropped">Cases whose settled or highest possible urgency fell.</param>
internal sealed record ReplaySummary(
    int Cases,
    int Unchanged,
    int Changed,
    int Errors,
    int LeadingChanged,
    int TopThreeChanged,
    int UrgencyRaised,
    int UrgencyDropped,
    int PossibleUrgencyRaised,
    int PossibleUrgencyDropped,
    int AnyUrgencyDropped)
{
    /// <summary>Counts the comparisons.</summary>
    /// <param name="comparisons">The comparisons.</param>
    /// <returns>The summary.</returns>
    public static ReplaySummary Of(IReadOnlyCollection<CaseComparison> comparisons) => new(
        comparisons.Count,
        comparisons.Count(c => !c.IsError && !c.Changed),
        comparisons.Count(c => c.Changed),
        comparisons.Count(c => c.IsError),
        comparisons.Count(c => c.LeadingChanged),
        comparisons.Count(c => c.TopThreeChanged),
        comparisons.Count(c => c.UrgencyRaised),
        comparisons.Count(c => c.UrgencyDropped),
        comparisons.Count(c => c.PossibleUrgencyRaised),
        comparisons.Count(c => c.PossibleUrgencyDropped),
        comparisons.Count(c => c.UrgencyDropped || c.PossibleUrgencyDropped));

    /// <summary>The number of cases showing a <c>--fail-on</c> change.</summary>
    /// <param name="failOn">One of <see cref="Commands.ReplayCommand.FailOnValues"/>.</param>
    /// <returns>The count.</returns>
    public int Count(string failOn) => failOn switch
    {
        "urgency-drop" => AnyUrgencyDropped,
        "leading-change" => LeadingChanged,
        "top3-change" => TopThreeChanged,
        "any-change" => Changed,
        _ => throw new ArgumentOutOfRangeException(nameof(failOn), failOn, "Not a --fail-on value."),
    };
}
