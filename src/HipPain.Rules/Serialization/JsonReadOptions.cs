using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Limits that protect a reader of knowledge-base, overlay and case JSON from documents that are too large
/// or too deep. Exceeding a limit throws a <see cref="RulesJsonException"/> with code HPJ003 that names the
/// limit, its value and the document's actual value.
/// </summary>
/// <threadsafety>The reader copies the values when it starts, so an instance may be shared once configured; do not change it while a read is running.</threadsafety>
public sealed class JsonReadOptions
{
    /// <summary>The default <see cref="MaximumBytes"/>: 4 MiB (4,194,304 bytes).</summary>
    public const int DefaultMaximumBytes = KnowledgeBaseLimits.MaximumJsonBytes;

    /// <summary>The default <see cref="MaximumDepth"/>: 32 levels of nested objects and arrays.</summary>
    public const int DefaultMaximumDepth = 32;

    /// <summary>The default <see cref="MaximumItems"/>: 10,000 items in one array.</summary>
    public const int DefaultMaximumItems = KnowledgeBaseLimits.MaximumItems;

    /// <summary>The largest document accepted, in UTF-8 bytes; at least 1. Default <see cref="DefaultMaximumBytes"/>.</summary>
    public int MaximumBytes { get; set; } = DefaultMaximumBytes;

    /// <summary>The deepest nesting of objects and arrays accepted (the root object is depth 1); 1 to 64. Default <see cref="DefaultMaximumDepth"/>.</summary>
    public int MaximumDepth { get; set; } = DefaultMaximumDepth;

    /// <summary>The most items accepted in any one array; at least 1. Default <see cref="DefaultMaximumItems"/>.</summary>
    public int MaximumItems { get; set; } = DefaultMaximumItems;

    internal static JsonReadOptions Default { get; } = new();

    internal (int MaximumBytes, int MaximumDepth, int MaximumItems) Snapshot()
    {
        var (bytes, depth, items) = (MaximumBytes, MaximumDepth, MaximumItems);
        if (bytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumBytes), bytes, "MaximumBytes must be at least 1.");
        }

        if (depth is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumDepth), depth, "MaximumDepth must be between 1 and 64.");
        }

        if (items < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumItems), items, "MaximumItems must be at least 1.");
        }

        return (bytes, depth, items);
    }
}
