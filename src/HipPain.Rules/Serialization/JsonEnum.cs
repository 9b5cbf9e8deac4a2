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
        Enum.GetValues<T>().ToFrozenDictionary(v => JsonEnum.CamelCase(v.ToString()), StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> ByValue =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonEnum.CamelCase(v.ToString()));

    /// <summary>The allowed names, in declaration order, for messages.</summary>
    public static string Allowed { get; } = string.Join(", ", Enum.GetValues<T>().Select(v => JsonEnum.CamelCase(v.ToString())));

    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    public static string Name(T value) =>
        ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {typeof(T).Name}.");
}

/// <summary>
/// The JSON names of enumeration values whose type is known only at run time (the values of a declared enumerated
/// field, <see cref="Model.ClinicalChoice{T}"/>), by the same rule as <see cref="JsonEnum{T}"/>.
/// </summary>
internal static class JsonEnum
{
    /// <summary>The JSON name of a defined value.</summary>
    /// <param name="value">The value.</param>
    public static string Name(Enum value) =>
        Enum.IsDefined(value.GetType(), value)
            ? CamelCase(value.ToString())
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {value.GetType().Name}.");

    /// <summary>A member name in camelCase: <c>LateralHip</c> is <c>lateralHip</c>.</summary>
    /// <param name="name">The member name.</param>
    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
