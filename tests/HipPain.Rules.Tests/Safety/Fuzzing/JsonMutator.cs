using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HipPain.Rules.Tests.Safety.Fuzzing;

/// <summary>
/// Makes malformed variants of a valid JSON document, deterministically from a <see cref="Random"/>: byte edits
/// (flips, inserted bytes from a dictionary of troublemakers, deletions, truncation, repeats), escapes spliced into
/// strings (unpaired surrogates, control characters), and structural edits on the parsed tree (a value replaced by
/// one of another type or an extreme one, a property removed, renamed, duplicated or added, an array item repeated
/// or moved, deep nesting, long arrays). Each variant applies one to three edits.
/// </summary>
public static class JsonMutator
{
    private static readonly byte[][] Troublemakers =
    [
        [0xFE], [0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0x00],
        "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(),
        ":"u8.ToArray(), "null"u8.ToArray(), "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u0000"u8.ToArray(), "/*x*/"u8.ToArray(),
        "1e400"u8.ToArray(), "-0"u8.ToArray(), "NaN"u8.ToArray(), "\n"u8.ToArray(), "\t"u8.ToArray(),
    ];

    private static readonly string[] PropertyNames =
    [
        "id", "cause", "formatVersion", "prior", "positive", "negative", "criterion", "allOf", "anyOf", "atLeast", "of", "present", "absent",
        "age", "sex", "minimum", "maximum", "suspects", "rules", "findings", "causes", "redFlags", "observations", "findingId", "state",
        "urgency", "evidence", "citation", "level", "status", "kind", "region", "line", "treatmentId", "unknown", "$schema", "\ud800x", "",
        "graded", "parts", "ratios", "groups", "members", "rule", "joint", "addGroups", "overrideGroups", "disableGroups", "format",
        "knowledgeBase", "hash", "case", "audience", "startingObservations", "differential", "probability", "settled", "highestPossible",
    ];

    /// <summary>Properties whose content the structural edits pick half the time when a run asks for it: evidence groups and graded rules.</summary>
    public static IReadOnlySet<string> GroupsAndGraded { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "graded", "groups", "addGroups", "overrideGroups", "disableGroups",
    };

    /// <summary>The kinds of edit, for the report.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "flip byte", "insert bytes", "delete bytes", "truncate", "repeat bytes", "splice escape", "lone surrogate character",
        "replace value", "remove property", "add property", "duplicate property", "rename property", "repeat item", "move item",
        "deep nesting", "long array",
    ];

    /// <summary>A malformed variant of <paramref name="seed"/> and the names of the edits applied.</summary>
    public static (byte[] Bytes, string Edits) Mutate(byte[] seed, Random rng) => Mutate(seed, rng, null);

    /// <summary>
    /// A malformed variant of <paramref name="seed"/> and the names of the edits applied; with <paramref name="focus"/>,
    /// each structural edit picks, half the time, a node inside a property of that name (the whole node included).
    /// </summary>
    public static (byte[] Bytes, string Edits) Mutate(byte[] seed, Random rng, IReadOnlySet<string>? focus)
    {
        var bytes = seed;
        var edits = new List<string>();
        var count = rng.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var kind = rng.Next(Kinds.Count);
            var next = Apply(kind, bytes, rng, focus);
            if (next is not null)
            {
                bytes = next;
                edits.Add(Kinds[kind]);
            }
        }

        return (bytes, edits.Count == 0 ? "none" : string.Join(" + ", edits));
    }

    private static byte[]? Apply(int kind, byte[] bytes, Random rng, IReadOnlySet<string>? focus) => kind switch
    {
        0 => Flip(bytes, rng),
        1 => Insert(bytes, rng.Next(bytes.Length + 1), Troublemakers[rng.Next(Troublemakers.Length)]),
        2 => Delete(bytes, rng),
        3 => bytes.Length == 0 ? null : bytes[..rng.Next(bytes.Length)],
        4 => Repeat(bytes, rng),
        5 => SpliceEscape(bytes, rng),
        6 => LoneSurrogate(bytes, rng),
        _ => Structural(kind, bytes, rng, focus),
    };

    private static byte[] Flip(byte[] bytes, Random rng)
    {
        if (bytes.Length == 0)
        {
            return [(byte)rng.Next(256)];
        }

        var copy = bytes.ToArray();
        copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] insert) => [.. bytes[..at], .. insert, .. bytes[at..]];

    private static byte[] Delete(byte[] bytes, Random rng)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var start = rng.Next(bytes.Length);
        var length = Math.Min(bytes.Length - start, rng.Next(1, 16));
        return [.. bytes[..start], .. bytes[(start + length)..]];
    }

    private static byte[] Repeat(byte[] bytes, Random rng)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var start = rng.Next(bytes.Length);
        var length = Math.Min(bytes.Length - start, rng.Next(1, 64));
        return Insert(bytes, start, bytes[start..(start + length)]);
    }

    /// <summary>An escape inserted right after an opening quote: inside a property name or a string value.</summary>
    private static byte[]? SpliceEscape(byte[] bytes, Random rng)
    {
        var quotes = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'"').ToArray();
        if (quotes.Length == 0)
        {
            return null;
        }

        string[] escapes = ["\\ud800", "\\udc00", "\\udbff\\udfff", "\\ud800\\u0041", "\\u0000", "\\u001f", "\\u2028", "\\x", "\\u12"];
        return Insert(bytes, quotes[rng.Next(quotes.Length)] + 1, Encoding.ASCII.GetBytes(escapes[rng.Next(escapes.Length)]));
    }

    /// <summary>
    /// A lone surrogate character in the text: encoded as UTF-8 the replacement (EF BF BD) stands in, so through
    /// the string API the reader sees the surrogate itself; see <see cref="FuzzInput.Text"/>.
    /// </summary>
    private static byte[]? LoneSurrogate(byte[] bytes, Random rng)
    {
        var quotes = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'"').ToArray();
        return quotes.Length == 0 ? null : Insert(bytes, quotes[rng.Next(quotes.Length)] + 1, FuzzInput.LoneSurrogateMarker);
    }

    /// <summary>A structural edit, or null when the bytes do not parse as a tree (JsonNode parses lazily: any step may find that).</summary>
    private static byte[]? Structural(int kind, byte[] bytes, Random rng, IReadOnlySet<string>? focus)
    {
        try
        {
            return StructuralEdit(kind, bytes, rng, focus);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static byte[]? StructuralEdit(int kind, byte[] bytes, Random rng, IReadOnlySet<string>? focus)
    {
        var root = JsonNode.Parse(bytes);
        if (root is null)
        {
            return null;
        }

        var nodes = new List<JsonNode>();
        var focused = new List<JsonNode>();
        Collect(root, nodes, focused, focus, inFocus: false);
        var from = focused.Count > 0 && rng.Next(2) == 0 ? focused : nodes;
        var target = from[rng.Next(from.Count)];
        switch (kind)
        {
            case 7:
                if (target.Parent is null)
                {
                    return null;
                }

                Replace(target, RandomValue(rng));
                break;
            case 8 when target is JsonObject removeFrom && removeFrom.Count > 0:
                removeFrom.Remove(removeFrom.ElementAt(rng.Next(removeFrom.Count)).Key);
                break;
            case 9 when target is JsonObject addTo:
                var name = PropertyNames[rng.Next(PropertyNames.Length)];
                if (addTo.ContainsKey(name))
                {
                    return null;
                }

                addTo[name] = RandomValue(rng);
                break;
            case 10 when target is JsonObject duplicateIn && duplicateIn.Count > 0:
                return DuplicateProperty(root.ToJsonString(), duplicateIn.ElementAt(rng.Next(duplicateIn.Count)).Key, rng);
            case 11 when target is JsonObject renameIn && renameIn.Count > 0:
                var (key, value) = renameIn.ElementAt(rng.Next(renameIn.Count));
                var renamed = PropertyNames[rng.Next(PropertyNames.Length)];
                if (renameIn.ContainsKey(renamed))
                {
                    return null;
                }

                renameIn.Remove(key);
                renameIn[renamed] = value;
                break;
            case 12 when target is JsonArray repeatIn && repeatIn.Count > 0:
                repeatIn.Add(repeatIn[rng.Next(repeatIn.Count)]?.DeepClone());
                break;
            case 13 when target is JsonArray moveIn && moveIn.Count > 1:
                var item = moveIn[rng.Next(moveIn.Count)];
                moveIn.Remove(item);
                moveIn.Insert(rng.Next(moveIn.Count + 1), item);
                break;
            case 14 when target.Parent is not null:
                JsonNode nested = JsonValue.Create(1);
                for (var level = 0; level < rng.Next(20, 80); level++)
                {
                    nested = rng.Next(2) == 0 ? new JsonArray(nested) : new JsonObject { ["allOf"] = new JsonArray(nested) };
                }

                Replace(target, nested);
                break;
            case 15 when target.Parent is not null:
                var array = new JsonArray();
                var length = rng.Next(2) == 0 ? 10_001 : rng.Next(100, 2_000);
                for (var i = 0; i < length; i++)
                {
                    array.Add(rng.Next(3) == 0 ? (JsonNode?)null : JsonValue.Create(i));
                }

                Replace(target, array);
                break;
            default:
                return null;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes, List<JsonNode> focused, IReadOnlySet<string>? focus, bool inFocus)
    {
        nodes.Add(node);
        if (inFocus)
        {
            focused.Add(node);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes, focused, focus, inFocus || focus?.Contains(name) == true);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes, focused, focus, inFocus);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static JsonNode? RandomValue(Random rng) => rng.Next(22) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(0),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(1e308),
        5 => JsonValue.Create(5e-324),
        6 => JsonValue.Create(3_000_000_000L),
        7 => JsonValue.Create(0.5),
        8 => JsonValue.Create(string.Empty),
        9 => JsonValue.Create(new string('x', rng.Next(1_000, 20_000))),
        10 => JsonValue.Create("naïve ✓ \u4e2d"),
        11 => new JsonArray(),
        12 => new JsonObject(),
        13 => JsonValue.Create("present"),
        14 => JsonValue.Create("unknownName"),
        15 => JsonValue.Create(1),
        16 => JsonValue.Create(2),
        17 => JsonValue.Create(121),
        18 => new JsonObject { ["present"] = "a" },
        19 => new JsonArray(JsonValue.Create("a"), null),
        20 => JsonValue.Create(" "),
        _ => JsonValue.Create(rng.Next().ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The text with one property of an object written twice, with the first value changed.</summary>
    private static byte[]? DuplicateProperty(string json, string name, Random rng)
    {
        var key = JsonSerializer.Serialize(name) + ":";
        var at = json.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var extra = key + (RandomValue(rng)?.ToJsonString() ?? "null") + ",";
        return Encoding.UTF8.GetBytes(json.Insert(at, extra));
    }
}
