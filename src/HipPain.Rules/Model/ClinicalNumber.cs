using System.Globalization;

namespace HipPain.Rules.Model;

/// <summary>
/// One optional bounded whole number of an item kind that is clinical content (in the content hash, never in a text
/// pack), such as the youngest age at which a cause typically presents. Each kind declares its numbers once, beside its
/// model type (<see cref="Cause.Numbers"/>), as it declares its codes (<see cref="ClinicalCode{T}"/>): the builder's
/// drafts, the JSON documents and their schema, the reader, the writer, <c>ToBuilder</c>, the validator's range check,
/// the JSON size bound and the content hash read that list, so a new number needs no line in any of them.
/// </summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <param name="Name">The number's name in JSON documents, for example <c>typicalAgeFrom</c>.</param>
/// <param name="Read">Reads the number from the model; null when the item has none.</param>
/// <param name="Minimum">The smallest value allowed.</param>
/// <param name="Maximum">The largest value allowed.</param>
/// <param name="Unit">What the number counts, for messages (for example <c>years</c>); null for a plain count.</param>
internal sealed record ClinicalNumber<T>(string Name, Func<T, int?> Read, int Minimum, int Maximum, string? Unit = null)
{
    /// <summary>Whether <paramref name="value"/> is within <see cref="Minimum"/>..<see cref="Maximum"/>.</summary>
    public bool Allows(int value) => value >= Minimum && value <= Maximum;

    /// <summary>The allowed range as messages give it, for example <c>0..120 years</c>.</summary>
    public string Range => string.Create(CultureInfo.InvariantCulture, $"{Minimum}..{Maximum}{(Unit is null ? "" : " " + Unit)}");
}

/// <summary>
/// The clinical numbers of one item by name (<see cref="ClinicalNumber{T}"/>): the store of a builder's draft and of a
/// JSON document, so that both copy numbers one by one without naming each.
/// </summary>
internal sealed class NamedNumbers
{
    private readonly Dictionary<string, int?> numbers = new(StringComparer.Ordinal);

    /// <summary>The number of that name; null when the item has none.</summary>
    public int? this[string name]
    {
        get => numbers.GetValueOrDefault(name);
        set => numbers[name] = value;
    }

    /// <summary>Every number that is set, with its value.</summary>
    public IEnumerable<KeyValuePair<string, int>> Values =>
        numbers.Where(n => n.Value is not null).Select(n => KeyValuePair.Create(n.Key, n.Value!.Value));
}
