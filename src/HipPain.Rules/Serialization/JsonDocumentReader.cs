using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads a JSON document in three steps: loads at most <c>MaximumBytes</c>; scans it once with a
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
        var limits = (options ?? JsonReadOptions.Default).Snapshot();
        return Read(Utf8Of(json, limits, format), typeInfo, limits, format);
    }

    /// <summary>
    /// Checks a document as <c>Read</c> does (an unpaired surrogate, invalid UTF-8 and invalid escapes, duplicate
    /// properties, size, depth and length limits, a root object with <c>formatVersion</c> 1; HPJ001 to HPJ003 with a
    /// path, line and byte) and returns its UTF-8 bytes without a BOM, for a reader that walks the document itself.
    /// </summary>
    public static ReadOnlyMemory<byte> Checked(string json, JsonReadOptions? options, string format)
    {
        var limits = (options ?? JsonReadOptions.Default).Snapshot();
        ReadOnlyMemory<byte> utf8 = Utf8Of(json, limits, format);
        if (utf8.Span.StartsWith(Bom))
        {
            utf8 = utf8[Bom.Length..];
        }

        Scan(utf8.Span, limits.MaximumDepth, limits.MaximumItems, format);
        return utf8;
    }

    private static byte[] Utf8Of(string json, (int MaximumBytes, int MaximumDepth, int MaximumItems) limits, string format)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Counts an unpaired surrogate as the 3 bytes of U+FFFD; the strict conversion below reports it.
        var count = Encoding.UTF8.GetByteCount(json);
        if (count > limits.MaximumBytes)
        {
            throw TooLarge(Prefix(json, limits.MaximumBytes), count, limits.MaximumBytes, format, exact: true);
        }

        var bytes = new byte[count];
        if (Utf8.FromUtf16(json, bytes, out var charsRead, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var (line, position) = Locate(bytes, written);
            throw new RulesJsonException(
                ErrorCodes.JsonMalformed,
                string.Create(CultureInfo.InvariantCulture, $"The text has an unpaired surrogate (U+{(int)json[charsRead]:X4}) at character {charsRead + 1}; it cannot be encoded as UTF-8."),
                PathAt(bytes.AsSpan(0, written)),
                line,
                position);
        }

        return bytes;
    }

    /// <summary>Reads a document from its UTF-8 bytes, for example the raw text of a <see cref="JsonElement"/>.</summary>
    public static T Read<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, JsonReadOptions? options, string format)
        where T : class
    {
        var limits = (options ?? JsonReadOptions.Default).Snapshot();
        if (utf8.Length > limits.MaximumBytes)
        {
            throw TooLarge(utf8[..limits.MaximumBytes], utf8.Length, limits.MaximumBytes, format, exact: true);
        }

        return Read(utf8.ToArray(), typeInfo, limits, format);
    }

    /// <summary>
    /// Reads a document from a JSON element, for example one property of a larger request body; paths are relative to
    /// it. On .NET 9 and later its own UTF-8 bytes are checked like a stream's, so invalid UTF-8 is HPJ001 at its line
    /// and byte rather than the <see cref="InvalidOperationException"/> of <see cref="JsonElement.GetRawText"/>. An
    /// undefined element is HPJ001, its message naming <c>what</c> the element must be ("a case object").
    /// </summary>
    public static T Read<T>(JsonElement element, JsonTypeInfo<T> typeInfo, JsonReadOptions? options, string format, string what)
        where T : class
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The element is undefined (default JsonElement); it must be {what}.", "$", null, null);
        }

#if NET9_0_OR_GREATER
        return Read(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), typeInfo, options, format);
#else
        string text;
        try
        {
            text = element.GetRawText();
        }
        catch (InvalidOperationException ex)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, "The element's text is not valid UTF-8.", "$", null, null, ex);
        }

        return Read(text, typeInfo, options, format);
#endif
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
            if (buffer.Length > limits.MaximumBytes)
            {
                throw TooLarge(buffer.GetBuffer().AsSpan(0, limits.MaximumBytes), buffer.Length, limits.MaximumBytes, format, exact: false);
            }
        }

        return Read(buffer.ToArray(), typeInfo, limits, format);
    }

    private static T Read<T>(byte[] bytes, JsonTypeInfo<T> typeInfo, (int MaximumBytes, int MaximumDepth, int MaximumItems) limits, string format)
        where T : class
    {
        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith(Bom))
        {
            utf8 = utf8[Bom.Length..];
        }

        Scan(utf8, limits.MaximumDepth, limits.MaximumItems, format);
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo)
                ?? throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The {format} document is null; it must be a JSON object.", "$", 1, 1);
        }
        catch (JsonException ex)
        {
            // The serializer reports the position after the offending value; point at its start instead.
            var (line, position) = ex.Path is { } path && FindValue(utf8, ProblemPath.Normalize(path)) is long offset
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
                    var frame = frames[^1];
                    frame.Property = null; // an invalid name is reported at its object's path
                    var name = ValidString(ref reader, utf8, frames, "property name");
                    frame.Property = name;
                    if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                    {
                        throw Malformed($"Duplicate property '{name}': a property may appear only once in an object.", PathOf(frames), utf8, reader.TokenStartIndex);
                    }

                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    var done = frames[^1];
                    frames.RemoveAt(frames.Count - 1);
                    if (ReferenceEquals(done, tooLong))
                    {
                        throw Limit(
                            $"The array has {done.Count.ToString(CultureInfo.InvariantCulture)} items; the limit MaximumItems is {maxItems.ToString(CultureInfo.InvariantCulture)}.",
                            PathOf(frames),
                            utf8,
                            tooLongOffset);
                    }

                    continue;
                }

                // A value: count it in its array, check its text and the depth of a new container.
                if (frames.Count > 0 && frames[^1].IsArray && ++frames[^1].Count > maxItems && tooLong is null)
                {
                    tooLong = frames[^1];
                    tooLongOffset = reader.TokenStartIndex;
                }

                var text = token == JsonTokenType.String ? ValidString(ref reader, utf8, frames, "string") : null;
                if (token == JsonTokenType.Number && (!reader.TryGetDouble(out var number) || !double.IsFinite(number)))
                {
                    // 1e400 reads as infinity: no field of these formats accepts it, and it could not be written back.
                    throw Malformed(
                        $"The number {Encoding.UTF8.GetString(reader.ValueSpan)} is outside the range of a double; numbers must be finite.",
                        PathOf(frames),
                        utf8,
                        reader.TokenStartIndex);
                }

                if (frames.Count == 1 && frames[0].Property == "formatVersion" && !frames[0].IsArray)
                {
                    versionOffset = reader.TokenStartIndex;
                    versionText = text ?? Encoding.UTF8.GetString(reader.ValueSpan);
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
                            $"The nesting depth reaches {(frames.Count + 1).ToString(CultureInfo.InvariantCulture)}; the limit MaximumDepth is {maxDepth.ToString(CultureInfo.InvariantCulture)}.",
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

    /// <summary>
    /// The text of the current string or property name, after checking that it is valid UTF-8 without unpaired
    /// surrogate escapes: <see cref="Utf8JsonReader"/> checks neither until a value is read as a string, and then
    /// throws <see cref="InvalidOperationException"/>.
    /// </summary>
    private static string ValidString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, List<Frame> frames, string what)
    {
        var raw = reader.ValueSpan;
        if ((reader.ValueIsEscaped || !Utf8.IsValid(raw)) && FindInvalid(raw, reader.ValueIsEscaped) is (int offset, string problem))
        {
            // The value starts one byte after its opening quote.
            throw Malformed($"The {what} is {problem}", PathOf(frames), utf8, reader.TokenStartIndex + 1 + offset);
        }

        return reader.GetString()!;
    }

    /// <summary>The offset and description of the first invalid UTF-8 byte or unpaired surrogate escape in a raw JSON string, or null.</summary>
    private static (int Offset, string Problem)? FindInvalid(ReadOnlySpan<byte> raw, bool escaped)
    {
        var pendingHigh = -1;
        var i = 0;
        while (i < raw.Length)
        {
            if (escaped && raw[i] == (byte)'\\')
            {
                // The reader has already checked that every escape is complete: \u has four hex digits.
                var unit = raw[i + 1] == (byte)'u' ? int.Parse(raw.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : -1;
                var isLow = unit is >= 0xDC00 and <= 0xDFFF;
                if (pendingHigh >= 0 && !isLow)
                {
                    return HighWithoutLow(raw, pendingHigh);
                }

                if (isLow && pendingHigh < 0)
                {
                    return (i, $"not valid Unicode: {Escape(raw, i)} is a low surrogate escape with no high surrogate escape before it.");
                }

                pendingHigh = unit is >= 0xD800 and <= 0xDBFF ? i : -1;
                i += unit >= 0 ? 6 : 2;
                continue;
            }

            if (pendingHigh >= 0)
            {
                return HighWithoutLow(raw, pendingHigh);
            }

            var status = Rune.DecodeFromUtf8(raw[i..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var reason = status == OperationStatus.NeedMoreData || (i + consumed < raw.Length && consumed > 0 && (raw[i + consumed] & 0xC0) != 0x80 && IsLead(raw[i]))
                    ? "starts a character that is cut short"
                    : "cannot appear in UTF-8 text";
                return (i, string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8: byte 0x{raw[i]:X2} {reason}."));
            }

            i += consumed;
        }

        return pendingHigh >= 0 ? HighWithoutLow(raw, pendingHigh) : null;
    }

    private static bool IsLead(byte value) => value is >= 0xC2 and <= 0xF4;

    private static (int, string) HighWithoutLow(ReadOnlySpan<byte> raw, int offset) =>
        (offset, $"not valid Unicode: {Escape(raw, offset)} is a high surrogate escape with no low surrogate escape after it.");

    private static string Escape(ReadOnlySpan<byte> raw, int offset) => Encoding.ASCII.GetString(raw.Slice(offset, 6));

    /// <summary>The JSON path where reading a prefix of a document stops: the place of an error found before parsing.</summary>
    private static string PathAt(ReadOnlySpan<byte> prefix)
    {
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 1024 }));
        var frames = new List<Frame>();
        var afterMember = false;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    frames[^1].Property = Encoding.UTF8.GetString(reader.ValueSpan);
                    afterMember = false;
                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    afterMember = true;
                    continue;
                }

                if (frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1].Count++;
                }

                afterMember = token is not (JsonTokenType.StartObject or JsonTokenType.StartArray);
                if (!afterMember)
                {
                    frames.Add(new Frame(token == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // The prefix is not well-formed: the path read so far is the best there is.
        }

        // After a complete member, the place is its object, not the member.
        if (afterMember && frames.Count > 0 && !frames[^1].IsArray)
        {
            frames[^1].Property = null;
        }

        return PathOf(frames);
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes of the text's UTF-8 form (fewer when a character straddles the limit).</summary>
    private static byte[] Prefix(string json, int maxBytes)
    {
        var bytes = 0;
        var chars = 0;
        while (chars < json.Length)
        {
            var pair = char.IsHighSurrogate(json[chars]) && chars + 1 < json.Length && char.IsLowSurrogate(json[chars + 1]);
            var size = pair ? 4 : json[chars] < 0x80 ? 1 : json[chars] < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            chars += pair ? 2 : 1;
        }

        return Encoding.UTF8.GetBytes(json.ToCharArray(0, chars));
    }

    private static RulesJsonException TooLarge(ReadOnlySpan<byte> prefix, long actual, int limit, string format, bool exact)
    {
        var (line, position) = Locate(prefix, prefix.Length);
        return new RulesJsonException(
            ErrorCodes.JsonLimitExceeded,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The {format} document is {(exact ? string.Empty : "more than ")}{(exact ? actual : limit)} bytes; the limit MaximumBytes is {limit}."),
            PathAt(prefix),
            line,
            position);
    }

    private static RulesJsonException Malformed(string message, string path, ReadOnlySpan<byte> utf8, long offset)
    {
        var (line, position) = Locate(utf8, offset);
        return new RulesJsonException(ErrorCodes.JsonMalformed, message, path, line, position);
    }

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
            ProblemPath.AppendName(path, name);
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
        var mapped = text.LastIndexOf("' could not be mapped", StringComparison.Ordinal);
        if (text.StartsWith(unmapped, StringComparison.Ordinal) && mapped >= unmapped.Length)
        {
            return $"Unknown property '{text[unmapped.Length..mapped]}': the {format} format (version {FormatVersion}) has no such property here.";
        }

        const string converted = "could not be converted to ";
        var type = text.IndexOf(converted, StringComparison.Ordinal);
        if (type >= 0)
        {
            var target = text[(type + converted.Length)..].TrimEnd('.');
            var expected = target switch
            {
                _ when target.Contains("System.String", StringComparison.Ordinal) => "a string",
                _ when target.Contains("System.Int32", StringComparison.Ordinal) => "a whole number from -2147483648 to 2147483647",
                _ when target.Contains("System.Double", StringComparison.Ordinal) => "a number",
                _ when target.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "an array",
                _ => "an object",
            };
            return $"The value has the wrong JSON type or is out of range: expected {expected}.";
        }

        return text;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Count { get; set; }

        public string? Property { get; set; }

        /// <summary>The property names seen so far in an object, to refuse duplicates; null until the first.</summary>
        public HashSet<string>? Names { get; set; }
    }
}
