using System.Diagnostics.CodeAnalysis;

namespace HipPain.Rules.Validation;

/// <summary>The form of an item's id, which the knowledge-base validator and the text-pack reader require alike (HPK012).</summary>
internal static class ItemIds
{
    /// <summary>True when <paramref name="id"/> is not blank and holds no white space and no control character.</summary>
    public static bool IsValid([NotNullWhen(true)] string? id) =>
        !string.IsNullOrWhiteSpace(id) && !id.Any(char.IsWhiteSpace) && !id.Any(char.IsControl);
}
