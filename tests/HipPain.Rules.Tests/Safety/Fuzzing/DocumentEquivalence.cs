using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Safety.Fuzzing;

/// <summary>
/// Decides whether a document that was read and the document written back from what was read say the same
/// thing: the oracle for "no content silently dropped". Both are brought to one normal form, then compared:
/// <c>$schema</c>, nulls and empty lists are left out; numbers compare by value; a criterion's <c>allOf</c>,
/// <c>anyOf</c> and <c>atLeast</c> with <c>of</c> become one form; and the defaults the writer spells out (a
/// finding's region <c>none</c>, a recommendation's line <c>firstLine</c>, a cause's urgency <c>routine</c>, a
/// case's sex <c>unspecified</c>, a group member's <c>joint</c> false, the default running advice) are left out on both sides.
/// </summary>
public static class DocumentEquivalence
{
    public enum Format
    {
        KnowledgeBase,
        Overlay,
        Case,
        TextPack,
        TriageResult,
        InterviewState,
    }

    /// <summary>Null when the documents are equivalent; otherwise the first difference, with its path.</summary>
    public static string? Difference(Format format, ReadOnlySpan<byte> read, string written) =>
        Difference(format, JsonNode.Parse(read.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? read[3..] : read), JsonNode.Parse(written));

    /// <summary>Null when the documents are equivalent; otherwise the first difference, with its path.</summary>
    public static string? Difference(Format format, string read, string written) =>
        Difference(format, JsonNode.Parse(read.StartsWith('\uFEFF') ? read[1..] : read), JsonNode.Parse(written));

    private static string? Difference(Format format, JsonNode? read, JsonNode? written)
    {
        var input = Normalize(format, read);
        var output = Normalize(format, written);
        if (format == Format.TriageResult && input is JsonObject a && output is JsonObject b)
        {
            // What TriageResultJson.Read documents it cannot verify: the engine version that wrote the result, and,
            // in a text pack other than the base's own wording, the words and the text stamp.
            a.Remove("engineVersion");
            b.Remove("engineVersion");
            if (a["text"] is JsonObject { Count: >= 3 } stamp && stamp["culture"] is JsonValue && stamp["review"] is JsonValue && stamp["hash"] is JsonValue
                && stamp["hash"]!.ToJsonString() != (b["text"] as JsonObject)?["hash"]?.ToJsonString())
            {
                input = WithoutWords(a);
                output = WithoutWords(b);
            }
        }

        return Compare(input, output, "$");
    }

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal) { "name", "label", "groupName", "action", "text", "note" };

    private static JsonNode? WithoutWords(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (!(Words.Contains(key) && (value is JsonValue || (key == "text" && obj.Parent is null))))
                    {
                        copy[key] = WithoutWords(value);
                    }
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(WithoutWords(item));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? Normalize(Format format, JsonNode? node)
    {
        if (node is JsonObject root)
        {
            root.Remove("$schema");
        }

        return Clean(format, node, null);
    }

    private static JsonNode? Clean(Format format, JsonNode? node, string? property)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var clean = Clean(format, value, key);
                    if (clean is not null && !(clean is JsonArray { Count: 0 }))
                    {
                        copy[key] = clean;
                    }
                }

                return Defaults(format, copy, property);
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Clean(format, item, property));
                }

                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture));
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject Defaults(Format format, JsonObject obj, string? property)
    {
        RemoveIf(obj, "region", "none");
        RemoveIf(obj, "line", "firstLine");
        if ((format == Format.Case && property is null) || (format is Format.TriageResult or Format.InterviewState && property == "case"))
        {
            RemoveIf(obj, "sex", "unspecified");
        }

        // A group member: "joint": false is the default.
        if (obj["joint"] is JsonValue joint && joint.GetValueKind() == JsonValueKind.False)
        {
            obj.Remove("joint");
        }

        // A criterion: allOf, anyOf and atLeast-of are one form.
        if (obj["allOf"] is JsonArray all && obj.Count == 1)
        {
            return Count(all.Count, all);
        }

        if (obj["anyOf"] is JsonArray any && obj.Count == 1)
        {
            return Count(1, any);
        }

        if (obj["atLeast"] is JsonValue least && obj["of"] is JsonArray of && obj.Count == 2)
        {
            return Count(double.Parse(least.GetValue<string>(), CultureInfo.InvariantCulture), of);
        }

        // A cause or a red flag: the urgency and running advice the writer spells out when they are the defaults.
        if (format is Format.KnowledgeBase or Format.Overlay && property is "causes" or "addCauses" or "redFlags" or "addRedFlags")
        {
            var isCause = property is "causes" or "addCauses";
            if (isCause)
            {
                RemoveIf(obj, "suspectedUrgency", "routine");
            }

            var urgency = obj["suspectedUrgency"] ?? obj["urgency"];
            var value = urgency is JsonValue u && u.GetValueKind() == JsonValueKind.String ? u.GetValue<string>() : isCause ? "routine" : null;
            if (value is not null && Enum.TryParse<Urgency>(value, ignoreCase: true, out var parsed) && obj["running"] is JsonObject running)
            {
                var advice = DraftConversion.DefaultRunningAdvice(parsed);
                var restriction = char.ToLowerInvariant(advice.Restriction.ToString()[0]) + advice.Restriction.ToString()[1..];
                if (running.Count == 2 && running["restriction"]?.ToJsonString() == JsonValue.Create(restriction).ToJsonString()
                    && running["text"]?.ToJsonString() == JsonValue.Create(advice.Text).ToJsonString())
                {
                    obj.Remove("running");
                }
            }
        }

        return obj;
    }

    private static JsonObject Count(double minimum, JsonArray parts) =>
        new() { ["atLeast"] = minimum.ToString("R", CultureInfo.InvariantCulture), ["of"] = parts.DeepClone() };

    private static void RemoveIf(JsonObject obj, string name, string value)
    {
        if (obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == value)
        {
            obj.Remove(name);
        }
    }

    private static string? Compare(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key), StringComparer.Ordinal))
                {
                    if (!x.ContainsKey(key) || !y.ContainsKey(key))
                    {
                        return $"{path}.{key}: {(x.ContainsKey(key) ? "read but not written back" : "written but not read")}";
                    }

                    if (Compare(x[key], y[key], $"{path}.{key}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return $"{path}: {x.Count} items read, {y.Count} written back";
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (Compare(x[i], y[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(a, b) ? null : $"{path}: read {a?.ToJsonString() ?? "null"}, written back {b?.ToJsonString() ?? "null"}";
        }
    }
}
