using System.Collections.Immutable;
using System.Text.Json;
using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>
/// Reads a clinic's Observation mapping table from JSON (format <c>observation-mapping</c>, version 1; docs/fhir.md):
/// <c>{"format":"observation-mapping","formatVersion":1,"entries":[{"system":…,"code":…,"finding":…}, …]}</c>, where an
/// entry may add <c>"state"</c> (present, absent, unknown), <c>"value":{"system":…,"code":…}</c> (a coded value),
/// <c>"value":"boolean"</c>, or <c>"atLeast"</c> with <c>"unit"</c> (a quantity threshold).
/// </summary>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
public static class ObservationMappingJson
{
    /// <summary>The format name.</summary>
    public const string FormatName = "observation-mapping";

    private static readonly ImmutableHashSet<string> EntryMembers = ["system", "code", "finding", "state", "value", "atLeast", "unit", "comment"];

    /// <summary>Reads a mapping table.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not JSON or not the format: the message lists every problem with its JSON path.</exception>
    public static ObservationMapping Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException error)
        {
            throw new FormatException($"The Observation mapping is not JSON: {error.Message}", error);
        }

        using (document)
        {
            var problems = new List<string>();
            var entries = new List<ObservationMappingEntry>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The Observation mapping must be a JSON object.");
            }

            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                problems.Add($"$.format must be \"{FormatName}\".");
            }

            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
            {
                problems.Add("$.formatVersion must be 1.");
            }

            foreach (var member in root.EnumerateObject().Where(m => m.Name is not ("format" or "formatVersion" or "entries" or "comment")))
            {
                problems.Add($"$.{member.Name} is not a member of the format.");
            }

            if (!root.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("$.entries must be an array.");
            }
            else
            {
                var i = 0;
                foreach (var entry in list.EnumerateArray())
                {
                    var entryProblems = problems.Count;
                    var parsed = Entry(entry, $"$.entries[{i++}]", problems);
                    if (parsed is not null && problems.Count == entryProblems)
                    {
                        entries.Add(parsed);
                    }
                }
            }

            if (problems.Count > 0)
            {
                throw new FormatException($"The Observation mapping has {problems.Count} problem(s):\n" + string.Join('\n', problems));
            }

            return new ObservationMapping(entries);
        }
    }

    private static ObservationMappingEntry? Entry(JsonElement entry, string path, List<string> problems)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be an object.");
            return null;
        }

        foreach (var member in entry.EnumerateObject().Where(m => !EntryMembers.Contains(m.Name)))
        {
            problems.Add($"{path}.{member.Name} is not a member of an entry (system, code, finding, state, value, atLeast, unit, comment).");
        }

        string? Text(JsonElement parent, string name, string at, bool required) =>
            JsonMembers.Text(parent, name, $"{at}.{name}", required, nullIsMissing: false, problems);

        var system = Text(entry, "system", path, true);
        var code = Text(entry, "code", path, true);
        var finding = Text(entry, "finding", path, true);
        var stateText = Text(entry, "state", path, false);
        FindingState? state = stateText switch
        {
            null => null,
            "present" => FindingState.Present,
            "absent" => FindingState.Absent,
            "unknown" => FindingState.Unknown,
            _ => null,
        };
        if (stateText is not null && state is null)
        {
            problems.Add($"{path}.state is '{stateText}'; it must be present, absent or unknown.");
        }

        var hasValue = entry.TryGetProperty("value", out var value);
        var hasAtLeast = entry.TryGetProperty("atLeast", out var atLeast);
        var unit = Text(entry, "unit", path, hasAtLeast);
        if (hasValue && hasAtLeast)
        {
            problems.Add($"{path} has both value and atLeast; give one.");
            return null;
        }

        if (system is null || code is null || finding is null)
        {
            return null;
        }

        if (hasAtLeast)
        {
            if (atLeast.ValueKind != JsonValueKind.Number || !atLeast.TryGetDecimal(out var threshold))
            {
                problems.Add($"{path}.atLeast must be a number.");
                return null;
            }

            if (stateText is not null)
            {
                problems.Add($"{path}.state does not apply to atLeast (at least the threshold is present, below it absent).");
            }

            return unit is null ? null : ObservationMappingEntry.WhenAtLeast(system, code, threshold, unit, finding);
        }

        if (unit is not null)
        {
            problems.Add($"{path}.unit applies only with atLeast.");
        }

        if (!hasValue)
        {
            return ObservationMappingEntry.WhenCoded(system, code, finding, state ?? FindingState.Present);
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() == "boolean")
        {
            if (stateText is not null)
            {
                problems.Add($"{path}.state does not apply to a boolean value (true is present, false absent).");
            }

            return ObservationMappingEntry.WhenBoolean(system, code, finding);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var valueSystem = Text(value, "system", path + ".value", true);
            var valueCode = Text(value, "code", path + ".value", true);
            if (state is null && stateText is null)
            {
                problems.Add($"{path}.state is required with a coded value.");
            }

            return valueSystem is null || valueCode is null || state is null ? null : ObservationMappingEntry.WhenValueCoded(system, code, valueSystem, valueCode, finding, state.Value);
        }

        problems.Add($"{path}.value must be \"boolean\" or an object with system and code.");
        return null;
    }
}
