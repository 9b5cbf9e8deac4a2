using System.Text.Json;

namespace HipPain.Rules.Fhir;

/// <summary>Reads members of the JSON this package parses itself (CDS Hooks requests, Observation mappings).</summary>
internal static class JsonMembers
{
    /// <summary>
    /// Reads a member that must be a non-empty string. A missing member adds <c>{path} is required.</c> when it is
    /// required; any other value than a non-empty string adds <c>{path} must be a non-empty string.</c>.
    /// </summary>
    /// <param name="parent">The object holding the member.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="path">The member's path, as the problems name it.</param>
    /// <param name="required">Whether a missing member is a problem.</param>
    /// <param name="nullIsMissing">Whether a JSON null counts as a missing member (otherwise it is not a string).</param>
    /// <param name="problems">Where problems are added.</param>
    /// <returns>The text; null when the member is missing or not a non-empty string.</returns>
    public static string? Text(JsonElement parent, string name, string path, bool required, bool nullIsMissing, ICollection<string> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || (nullIsMissing && value.ValueKind == JsonValueKind.Null))
        {
            if (required)
            {
                problems.Add($"{path} is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{path} must be a non-empty string.");
            return null;
        }

        return value.GetString();
    }
}
