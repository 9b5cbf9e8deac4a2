using System.Globalization;

namespace HipPain.Rules.Model;

/// <summary>
/// One optional bounded number of an item kind that is clinical content (in the content hash, never in a text pack):
/// a whole number, such as the youngest age at which a cause typically presents, or a fraction, such as the share of
/// patients whose pain settles without treatment. Each kind declares its numbers once, beside its model type
/// (<see cref="Cause.Numbers"/>), as it declares its codes (<see cref="ClinicalCode{T}"/>): the builder's drafts, the
/// JSON documents and their schema, the reader, the writer, <c>ToBuilder</c>, the validator's range check, the JSON
/// size bound and the content hash read that list, so a new number needs no line in any of them.
/// </summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
internal sealed record ClinicalNumber<T>
{
    /// <summary>
    /// The round-trip text of a double is at most this long (<c>-1.7976931348623157E+308</c>); a whole number's at most
    /// 11 (<c>-2147483648</c>).
    /// </summary>
    internal const int LongestFractionText = 24;

    internal const int LongestWholeText = 11;

    private ClinicalNumber(string name, Func<T, double?> read, double minimum, double maximum, string? unit, bool isWhole)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || minimum > maximum)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The range of the clinical number '{name}' must be finite with its minimum at most its maximum; it is {minimum}..{maximum}."));
        }

        if (isWhole && (minimum < int.MinValue || maximum > int.MaxValue))
        {
            throw new ArgumentException($"The range of the whole clinical number '{name}' must be within the 32-bit integers.");
        }

        (Name, Read, Minimum, Maximum, Unit, IsWhole) = (name, read, minimum, maximum, unit, isWhole);
    }

    /// <summary>The number's name in JSON documents, for example <c>typicalAgeFrom</c>.</summary>
    public string Name { get; }

    /// <summary>Reads the number from the model; null when the item has none.</summary>
    public Func<T, double?> Read { get; }

    /// <summary>The smallest value allowed.</summary>
    public double Minimum { get; }

    /// <summary>The largest value allowed.</summary>
    public double Maximum { get; }

    /// <summary>What the number counts or measures, for messages (for example <c>years</c>); null for a plain count or share.</summary>
    public string? Unit { get; }

    /// <summary>
    /// Whether only whole numbers are allowed: JSON gives it as an integer (a fraction there is HPJ001, as at any
    /// declared integer) and its schema type is <c>integer</c>; otherwise any finite number in range, schema type
    /// <c>number</c>.
    /// </summary>
    public bool IsWhole { get; }

    /// <summary>A whole number in <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    /// <param name="name">The number's name in JSON documents.</param>
    /// <param name="read">Reads the number from the model; null when the item has none.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <param name="unit">What it counts, for messages; null for a plain count.</param>
    public static ClinicalNumber<T> Whole(string name, Func<T, int?> read, int minimum, int maximum, string? unit = null) =>
        new(name, item => read(item), minimum, maximum, unit, isWhole: true);

    /// <summary>A finite number, whole or not, in <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    /// <param name="name">The number's name in JSON documents.</param>
    /// <param name="read">Reads the number from the model; null when the item has none.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <param name="unit">What it measures, for messages; null for a plain share.</param>
    public static ClinicalNumber<T> Fraction(string name, Func<T, double?> read, double minimum, double maximum, string? unit = null) =>
        new(name, read, minimum, maximum, unit, isWhole: false);

    /// <summary>
    /// Whether <paramref name="value"/> is finite, within <see cref="Minimum"/>..<see cref="Maximum"/> and, for a whole
    /// number, whole.
    /// </summary>
    public bool Allows(double value) =>
        double.IsFinite(value) && value >= Minimum && value <= Maximum && (!IsWhole || value == Math.Floor(value));

    /// <summary>
    /// Why <paramref name="value"/> is refused for <paramref name="item"/> (for example <c>finding 'rf.x'</c>), naming the
    /// range, as the message of <c>HPK025</c>; null when <see cref="Allows"/> allows it. The validator and the overlay's
    /// changes to a base item's numbers give the same message.
    /// </summary>
    public string? Refusal(double value, string item)
    {
        if (Allows(value))
        {
            return null;
        }

        var what = IsWhole && double.IsFinite(value) && value != Math.Floor(value) ? "is not a whole number; its range is" : "is outside its range";
        return $"{Name} {Format(value)} of {item} {what} {Range}.";
    }

    /// <summary>The allowed range as messages give it, for example <c>0..120 years</c> or <c>0..1</c>.</summary>
    public string Range => $"{Format(Minimum)}..{Format(Maximum)}{(Unit is null ? "" : " " + Unit)}";

    /// <summary>The longest text the JSON writer can give a value of this number (for the JSON size bound).</summary>
    public int LongestText => IsWhole ? LongestWholeText : LongestFractionText;

    /// <summary>A value as messages and the content hash give it: the invariant round-trip text (<c>40</c>, <c>0.25</c>).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The clinical numbers of one item by name (<see cref="ClinicalNumber{T}"/>): the store of a builder's draft and of a
/// JSON document, so that both copy numbers one by one without naming each.
/// </summary>
internal sealed class NamedNumbers
{
    private readonly Dictionary<string, double?> numbers = new(StringComparer.Ordinal);

    /// <summary>The number of that name; null when the item has none.</summary>
    public double? this[string name]
    {
        get => numbers.GetValueOrDefault(name);
        set => numbers[name] = value;
    }

    /// <summary>Every number that is set, with its value.</summary>
    public IEnumerable<KeyValuePair<string, double>> Values =>
        numbers.Where(n => n.Value is not null).Select(n => KeyValuePair.Create(n.Key, n.Value!.Value));
}
