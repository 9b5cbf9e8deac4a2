using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HipPain.Rules.Cli.Lint;

/// <summary>
/// Maps the JSON paths the library reports (<c>$.causes[3].rules[0].ratio</c>, or id-keyed such as
/// <c>causes[gtps].rules[gtps/x]</c>) to a 1-based line and column in the document's text.
/// </summary>
internal sealed class JsonPositionIndex
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ArrayPath, string Id), int> idIndex = [];

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
        var rest = path.StartsWith('$') ? path[1..] : "." + path;
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

                var key = rest[(i + 1)..end];
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    if (!idIndex.TryGetValue((current, key.Trim('\'', '"')), out var found))
                    {
                        break;
                    }

                    key = found.ToString(CultureInfo.InvariantCulture);
                }

                next = current + "[" + key + "]";
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
        // Ids may hold '.' and '/', never ']'.
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
                    var path = ValuePath(stack, propertyName, out var parentArray, out var itemIndex);
                    positions.TryAdd(path, position);
                    stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray, parentArray, itemIndex));
                    propertyName = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    var valuePath = ValuePath(stack, propertyName, out _, out _);
                    positions.TryAdd(valuePath, position);
                    if (propertyName == "id" && reader.TokenType == JsonTokenType.String && stack.Peek() is { ParentArray: not null } owner)
                    {
                        idIndex.TryAdd((owner.ParentArray, reader.GetString()!), owner.Index);
                    }

                    propertyName = null;
                    break;
            }
        }
    }

    private static string ValuePath(Stack<Frame> stack, string? propertyName, out string? parentArray, out int itemIndex)
    {
        parentArray = null;
        itemIndex = -1;
        if (stack.Count == 0)
        {
            return "$";
        }

        var parent = stack.Peek();
        if (parent.IsArray)
        {
            itemIndex = parent.NextIndex++;
            parentArray = parent.Path;
            return parent.Path + "[" + itemIndex.ToString(CultureInfo.InvariantCulture) + "]";
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

    private sealed class Frame(string path, bool isArray, string? parentArray, int index)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public string? ParentArray { get; } = parentArray;

        public int Index { get; } = index;

        public int NextIndex { get; set; }
    }
}
