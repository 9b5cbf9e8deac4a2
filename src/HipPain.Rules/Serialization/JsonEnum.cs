using System.Collections.Frozen;

namespace HipPain.Rules.Serialization;

/// <summary>
/// The JSON names of an enumeration's values: the member name in camelCase (<c>LateralHip</c> is
/// <c>lateralHip</c>). Names are matched exactly, so a document either names a value or is reported.
/// </summary>
internal static class JsonEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => CamelCase(v.ToString()), StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> ByValue =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => CamelCase(v.ToString()));

    /// <summary>The allowed names, in declaration order, for messages.</summary>
    public static string Allowed { get; } = string.Join(", ", Enum.GetValues<T>().Select(v => CamelCase(v.ToString())));

    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    public static string Name(T value) =>
        ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {typeof(T).Name}.");

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
