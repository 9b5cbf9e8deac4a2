using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads a JSON document in three steps: loads at most <c>MaxBytes</c>; scans it once with a
/// <see cref="Utf8JsonReader"/> to check well-formedness, depth, array sizes and the format version, keeping
/// the JSON path for every error; then deserializes it with the source-generated context.
/// </summary>
internal static class JsonDocumentReader
{
    /// <summary>The only format version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo, JsonReadOptions? options, string format)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        var limits = (options ?? JsonReadOptions.Default).Snapshot();
        var count = Encoding.UTF8.GetByteCount(json);
        if (count > limits.MaxBytes)
        {
            throw TooLarge(count, limits.MaxBytes, format, exact: true);
        }

        return Read(Encoding.UTF8.GetBytes(json), typeInfo, limits, format);
    }

    public static T Read<T>(Stream stream, JsonTypeInfo<T> typeInfo, JsonReadOptions? options, string format)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(stream);
        var limits = (options ?? JsonReadOptions.Default).Snapshot();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxBytes)
            {
                throw TooLarge(buffer.Length, limits.MaxBytes, format, exact: false);
            }
        }

        return Read(buffer.ToArray(), typeInfo, limits, format);
    }

    private static T Read<T>(byte[] bytes, JsonTypeInfo<T> typeInfo, (int MaxBytes, int MaxDepth, int MaxItems) limits, string format)
        where T : class
    {
        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith(Bom))
        {
            utf8 = utf8[Bom.Length..];
        }

        Scan(utf8, limits.MaxDepth, limits.MaxItems, format);
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo)
                ?? throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The {format} document is null; it must be a JSON object.", "$", 1, 1);
        }
        catch (JsonException ex)
        {
            // The serializer reports the position after the offending value; point at its start instead.
            var (line, position) = ex.Path is { } path && FindValue(utf8, path) is long offset
                ? Locate(utf8, offset)
                : ((ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
            throw new RulesJsonException(ErrorCodes.JsonMalformed, Describe(ex.Message, format), ex.Path, line, position, ex);
        }
    }

    /// <summary>The byte offset where the value at a JSON path starts, or null when the document has no such value.</summary>
    private static long? FindValue(ReadOnlySpan<byte> utf8, string path)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new List<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1].Property = reader.GetString();
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    if (frames.Count > 0 && frames[^1].IsArray)
                    {
                        frames[^1].Count++;
                    }

                    if (PathOf(frames) == path)
                    {
                        return reader.TokenStartIndex;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                    }

                    break;
            }
        }

        return null;
    }

    private static void Scan(ReadOnlySpan<byte> utf8, int maxDepth, int maxItems, string format)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = maxDepth + 1,
        });
        var frames = new List<Frame>();
        int? version = null;
        string? versionText = null;
        long versionOffset = 0;
        var rootIsObject = false;
        Frame? tooLong = null;
        long tooLongOffset = 0;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    frames[^1].Property = reader.GetString();
                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    var done = frames[^1];
                    frames.RemoveAt(frames.Count - 1);
                    if (ReferenceEquals(done, tooLong))
                    {
                        throw Limit(
                            $"The array has {done.Count.ToString(CultureInfo.InvariantCulture)} items; the limit MaxItems is {maxItems.ToString(CultureInfo.InvariantCulture)}.",
                            PathOf(frames),
                            utf8,
                            tooLongOffset);
                    }

                    continue;
                }

                // A value: count it in its array, check the depth of a new container.
                if (frames.Count > 0 && frames[^1].IsArray && ++frames[^1].Count > maxItems && tooLong is null)
                {
                    tooLong = frames[^1];
                    tooLongOffset = reader.TokenStartIndex;
                }

                if (frames.Count == 1 && frames[0].Property == "formatVersion" && !frames[0].IsArray)
                {
                    versionOffset = reader.TokenStartIndex;
                    versionText = token == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                    version = token == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : null;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (frames.Count == 0)
                    {
                        rootIsObject = token == JsonTokenType.StartObject;
                    }

                    if (frames.Count + 1 > maxDepth)
                    {
                        throw Limit(
                            $"The nesting depth reaches {(frames.Count + 1).ToString(CultureInfo.InvariantCulture)}; the limit MaxDepth is {maxDepth.ToString(CultureInfo.InvariantCulture)}.",
                            PathOf(frames),
                            utf8,
                            reader.TokenStartIndex);
                    }

                    frames.Add(new Frame(token == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException ex)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, Describe(ex.Message, format), PathOf(frames), ex.LineNumber + 1, ex.BytePositionInLine + 1, ex);
        }

        if (!rootIsObject)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, $"A {format} document must be a JSON object.", "$", 1, 1);
        }

        if (versionText is null)
        {
            throw new RulesJsonException(
                ErrorCodes.JsonUnsupportedFormatVersion,
                $"The {format} document has no formatVersion; add \"formatVersion\": {FormatVersion}.",
                "$",
                1,
                1);
        }

        if (version != FormatVersion)
        {
            var (line, position) = Locate(utf8, versionOffset);
            throw new RulesJsonException(
                ErrorCodes.JsonUnsupportedFormatVersion,
                $"formatVersion {versionText} is not supported; this version of HipPain.Rules reads {format} documents of formatVersion {FormatVersion} only.",
                "$.formatVersion",
                line,
                position);
        }
    }

    private static RulesJsonException TooLarge(long actual, int limit, string format, bool exact) => new(
        ErrorCodes.JsonLimitExceeded,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The {format} document is {(exact ? string.Empty : "more than ")}{actual} bytes; the limit MaxBytes is {limit}."),
        null,
        null,
        null);

    private static RulesJsonException Limit(string message, string path, ReadOnlySpan<byte> utf8, long offset)
    {
        var (line, position) = Locate(utf8, offset);
        return new RulesJsonException(ErrorCodes.JsonLimitExceeded, message, path, line, position);
    }

    /// <summary>The 1-based line and byte position of a byte offset.</summary>
    private static (long Line, long Position) Locate(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline);
    }

    /// <summary>The JSON path of the current value.</summary>
    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            AppendSegment(path, frame);
        }

        return path.ToString();
    }

    private static void AppendSegment(StringBuilder path, Frame frame)
    {
        if (frame.IsArray)
        {
            if (frame.Count > 0)
            {
                path.Append('[').Append((frame.Count - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }
        else if (frame.Property is { } name)
        {
            if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                path.Append('.').Append(name);
            }
            else
            {
                path.Append("['").Append(name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }
    }

    /// <summary>The serializer's message without its 0-based location suffix, with internal type names replaced.</summary>
    private static string Describe(string message, string format)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        var text = cut >= 0 ? message[..cut] : message;
        const string unmapped = "The JSON property '";
        if (text.StartsWith(unmapped, StringComparison.Ordinal) && text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\'', unmapped.Length);
            return $"Unknown property '{text[unmapped.Length..end]}'; the {format} format (version {FormatVersion}) has no such property.";
        }

        if (text.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return "The value has the wrong JSON type for this property (for example a string where a number is expected, or an object where an array is expected).";
        }

        return text;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Count { get; set; }

        public string? Property { get; set; }
    }
}
