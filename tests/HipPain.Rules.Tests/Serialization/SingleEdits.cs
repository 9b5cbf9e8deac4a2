using System.Globalization;
using System.Text.Json.Nodes;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: every single edit of a JSON document, for the tests that check a schema and the library agree on the
/// form of a document (<see cref="OverlaySchemaReaderAgreementTests"/>, <see cref="CaseSchemaReaderAgreementTests"/>,
/// <see cref="TextPackSchemaReaderAgreementTests"/>):
/// each property removed, an unknown property added to each object, each value replaced by null, an empty or blank
/// string, a word, a control character, a number (negative, fractional, 2), a boolean, an array or an object.
/// </summary>
internal static class SingleEdits
{
    private static readonly JsonNode?[] Replacements =
        [null, "", " ", "x", "\u001f", -1, 0, 0.5, 2, true, new JsonArray(), new JsonObject()];

    /// <summary>Every single edit of <paramref name="document"/>: a property removed or added, or a value replaced.</summary>
    public static IEnumerable<(string Name, JsonNode Document)> Of(JsonNode document)
    {
        var paths = new List<(string Path, JsonNode Node)>();
        Collect(document, "$", paths);
        foreach (var (path, node) in paths)
        {
            if (node is JsonObject obj)
            {
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    yield return ($"remove {path}{Step(key)}", Edited(document, path, copy => copy.AsObject().Remove(key)));
                }

                yield return ($"add {path}.unknownProperty", Edited(document, path, copy => copy.AsObject()["unknownProperty"] = 1));
            }

            if (path != "$")
            {
                foreach (var replacement in Replacements)
                {
                    var text = replacement?.ToJsonString() ?? "null";
                    yield return ($"{path} = {text}", Replaced(document, path, replacement));
                }
            }
        }
    }

    /// <summary>
    /// Every property of <paramref name="document"/> renamed once to each string replacement (empty, blank, a word, a
    /// control character): for documents whose keys are ids, such as a text pack's sections.
    /// </summary>
    public static IEnumerable<(string Name, JsonNode Document)> KeysRenamed(JsonNode document)
    {
        var paths = new List<(string Path, JsonNode Node)>();
        Collect(document, "$", paths);
        foreach (var (path, node) in paths)
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                foreach (var name in Replacements.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : null).OfType<string>())
                {
                    if (!obj.ContainsKey(name))
                    {
                        yield return ($"rename {path}{Step(key)} to {JsonValue.Create(name).ToJsonString()}", Edited(document, path, copy => Rename(copy.AsObject(), key, name)));
                    }
                }
            }
        }

        static void Rename(JsonObject obj, string key, string name)
        {
            var value = obj[key];
            obj.Remove(key);
            obj[name] = value;
        }
    }

    private static void Collect(JsonNode? node, string path, List<(string Path, JsonNode Node)> paths)
    {
        if (node is null)
        {
            return;
        }

        paths.Add((path, node));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Collect(value, path + Step(key), paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], $"{path}[{i}]", paths);
                }

                break;
        }
    }

    private static JsonNode Edited(JsonNode document, string path, Action<JsonNode> edit)
    {
        var copy = document.DeepClone();
        edit(Find(copy, path));
        return copy;
    }

    private static JsonNode Replaced(JsonNode document, string path, JsonNode? replacement)
    {
        var copy = document.DeepClone();
        var node = Find(copy, path);
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement?.DeepClone();
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement?.DeepClone();
                break;
        }

        return copy;
    }

    /// <summary>The node at a problem's <paramref name="path"/>, or null when the document has none there.</summary>
    public static JsonNode? TryFind(JsonNode root, string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var step in path[1..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (node, step.StartsWith('[')) switch
            {
                (JsonArray array, true) when int.TryParse(step[1..^1], CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                (JsonObject obj, false) => obj[step],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>
    /// The node at <paramref name="path"/>, in the form <see cref="Collect"/> writes: <c>$.a[0].b</c>, and
    /// <c>$.a['b.c']</c> for a key that holds a dot, a bracket or an apostrophe (a text pack's item ids).
    /// </summary>
    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        var at = 1;
        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                node = node[path[(at + 1)..end]]!;
                at = end;
            }
            else if (path.AsSpan(at).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                node = node[path[(at + 2)..end]]!;
                at = end + 2;
            }
            else
            {
                var end = path.IndexOf(']', at);
                node = node[int.Parse(path[(at + 1)..end], CultureInfo.InvariantCulture)]!;
                at = end + 1;
            }
        }

        return node;
    }

    /// <summary>The step to a property in a path: <c>.key</c>, or <c>['key']</c> when the key holds a dot, a bracket or an apostrophe.</summary>
    private static string Step(string key) => key.AsSpan().IndexOfAny(".[]'") < 0 ? "." + key : $"['{key}']";

    /// <summary>A copy of <paramref name="document"/> without any property whose value is <c>null</c> (which the readers take as left out).</summary>
    public static JsonNode WithoutNulls(JsonNode document)
    {
        var copy = document.DeepClone();
        RemoveNulls(copy);
        return copy;

        static void RemoveNulls(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    RemoveNulls(value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }
            }
        }
    }
}
