namespace HipPain.Rules.Model;

/// <summary>
/// The limits every knowledge base keeps. <c>KnowledgeBaseBuilder.Build</c> (and so reading a knowledge base from
/// JSON and applying an overlay) refuses a base beyond them with code HPK018, checking each before walking
/// anything it bounds. They are chosen so that whatever <c>Build</c> accepts, <c>KnowledgeBaseJson.Write</c>
/// writes and <c>KnowledgeBaseJson.Read</c> reads back with its default limits.
/// </summary>
/// <threadsafety>Constants; thread-safe.</threadsafety>
public static class KnowledgeBaseLimits
{
    /// <summary>
    /// The deepest nesting of a criterion: 10. A single finding, an age band or a sex is depth 1; a composite is one
    /// more than its deepest part. Clinical prediction rules nest 2 or 3 deep.
    /// </summary>
    public const int MaximumCriterionDepth = 10;

    /// <summary>
    /// The most parts in one criterion, counting the criterion itself and every part at every level, a part used in
    /// several places once for each place: 1,000.
    /// </summary>
    public const int MaximumCriterionSize = 1_000;

    /// <summary>
    /// The most items in one list: findings, treatments, causes, red flags, the rules or recommendations of one
    /// cause, the suspected causes of one red flag. 10,000, the JSON reader's default <c>MaximumItems</c>.
    /// </summary>
    public const int MaximumItems = 10_000;

    /// <summary>
    /// The largest knowledge base, as an upper bound of the UTF-8 bytes of its JSON form, computed without writing
    /// it: 4 MiB (4,194,304 bytes), the JSON reader's default <c>MaximumBytes</c>.
    /// </summary>
    public const int MaximumJsonBytes = 4 * 1024 * 1024;
}
