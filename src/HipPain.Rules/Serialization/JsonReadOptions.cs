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
    /// <summary>The default <see cref="MaxBytes"/>: 4 MiB (4,194,304 bytes).</summary>
    public const int DefaultMaxBytes = KnowledgeBaseLimits.MaxJsonBytes;

    /// <summary>The default <see cref="MaxDepth"/>: 32 levels of nested objects and arrays.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The default <see cref="MaxItems"/>: 10,000 items in one array.</summary>
    public const int DefaultMaxItems = KnowledgeBaseLimits.MaxItems;

    /// <summary>The largest document accepted, in UTF-8 bytes; at least 1. Default <see cref="DefaultMaxBytes"/>.</summary>
    public int MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The deepest nesting of objects and arrays accepted (the root object is depth 1); 1 to 64. Default <see cref="DefaultMaxDepth"/>.</summary>
    public int MaxDepth { get; set; } = DefaultMaxDepth;

    /// <summary>The most items accepted in any one array; at least 1. Default <see cref="DefaultMaxItems"/>.</summary>
    public int MaxItems { get; set; } = DefaultMaxItems;

    internal static JsonReadOptions Default { get; } = new();

    internal (int MaxBytes, int MaxDepth, int MaxItems) Snapshot()
    {
        var (bytes, depth, items) = (MaxBytes, MaxDepth, MaxItems);
        if (bytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), bytes, "MaxBytes must be at least 1.");
        }

        if (depth is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), depth, "MaxDepth must be between 1 and 64.");
        }

        if (items < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxItems), items, "MaxItems must be at least 1.");
        }

        return (bytes, depth, items);
    }
}
