using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HipPain.Rules.Cli.Lint;

/// <summary>
/// Maps the JSON paths the library reports (<c>$.causes[3].rules[0].ratio</c>, <c>$.findings['loc.groin']</c>; the
/// grammar of docs/errors.md) to a 1-based line and column in the document's text.
/// </summary>
internal sealed class JsonPositionIndex
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    private JsonPositionIndex()
    {
    }

    /// <summary>Indexes a document; a document that cannot be tokenised to its end is indexed up to the error.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The index.</returns>
    public static JsonPositionIndex Build(string json)
    {
        var index = new JsonPositionIndex();
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        try
        {
            index.Walk(bytes, lineStarts);
        }
        catch (JsonException)
        {
            // Keep what was indexed; the reader reports the syntax error itself.
        }

        return index;
    }

    /// <summary>The position of the longest prefix of <paramref name="path"/> found in the document.</summary>
    /// <param name="path">The library's path.</param>
    /// <returns>The 1-based line and column (1, 1 when nothing matches).</returns>
    public (int Line, int Column) Locate(string path)
    {
        var best = positions.GetValueOrDefault("$", (1, 1));
        var current = "$";
        var rest = path.StartsWith('$') ? path[1..] : string.Empty;
        var i = 0;
        while (i < rest.Length)
        {
            string next;
            if (rest[i] == '.')
            {
                var end = rest.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? rest.Length : end;
                next = current + "." + rest[(i + 1)..end];
                i = end;
            }
            else if (rest[i] == '[')
            {
                var end = FindClosingBracket(rest, i);
                if (end < 0)
                {
                    break;
                }

                // An index, or a quoted property name (['loc.groin']), which the index keeps as ".loc.groin".
                var key = rest[(i + 1)..end];
                if (key is ['\'', .., '\''])
                {
                    next = current + "." + key[1..^1];
                }
                else if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    next = current + "[" + key + "]";
                }
                else
                {
                    break;
                }

                i = end + 1;
            }
            else
            {
                break;
            }

            if (!positions.TryGetValue(next, out var position))
            {
                break;
            }

            best = position;
            current = next;
        }

        return best;
    }

    private static int FindClosingBracket(string text, int open)
    {
        // A quoted name may hold '.' and '/'; the library's ids never hold ']'.
        return text.IndexOf(']', open + 1);
    }

    private void Walk(byte[] bytes, List<int> lineStarts)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<Frame>();
        string? propertyName = null;
        while (reader.Read())
        {
            var position = Position(bytes, lineStarts, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    propertyName = reader.GetString();
                    var propertyPath = stack.Peek().Path + "." + propertyName;
                    positions.TryAdd(propertyPath, position);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = ValuePath(stack, propertyName);
                    positions.TryAdd(path, position);
                    stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    propertyName = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    positions.TryAdd(ValuePath(stack, propertyName), position);
                    propertyName = null;
                    break;
            }
        }
    }

    private static string ValuePath(Stack<Frame> stack, string? propertyName)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var parent = stack.Peek();
        if (parent.IsArray)
        {
            return parent.Path + "[" + (parent.NextIndex++).ToString(CultureInfo.InvariantCulture) + "]";
        }

        return parent.Path + "." + propertyName;
    }

    private static (int Line, int Column) Position(byte[] bytes, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
        return (line + 1, column);
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
