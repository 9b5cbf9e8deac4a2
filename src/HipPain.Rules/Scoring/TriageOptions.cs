namespace HipPain.Rules.Scoring;

/// <summary>Settings of a <see cref="TriageEngine"/>.</summary>
/// <threadsafety>Immutable once passed to the engine (the engine copies the values).</threadsafety>
public sealed class TriageOptions
{
    /// <summary>The largest allowed <see cref="LeadingCauseCount"/>.</summary>
    public const int MaximumLeadingCauseCount = 50;

    /// <summary>How many top-ranked causes the care plan covers, besides causes named by fired red flags. 1 to 50; default 3.</summary>
    public int LeadingCauseCount { get; set; } = 3;

    internal void Validate()
    {
        if (LeadingCauseCount is < 1 or > MaximumLeadingCauseCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(LeadingCauseCount),
                LeadingCauseCount,
                $"LeadingCauseCount must be between 1 and {MaximumLeadingCauseCount}.");
        }
    }
}
