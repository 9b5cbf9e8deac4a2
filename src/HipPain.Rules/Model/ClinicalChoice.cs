using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>
/// One enumerated field of an item kind that is clinical content (in the content hash, never in a text pack), such as
/// how urgent a cause is when suspected: a value of an enumeration, written in JSON documents as the value's name in
/// camelCase. Each kind declares its enumerated fields once, beside its model type (<see cref="Cause.Choices"/>), as
/// it declares its codes (<see cref="ClinicalCode{T}"/>) and numbers (<see cref="ClinicalNumber{T}"/>): the builder's
/// drafts, the JSON documents and their schema (an <c>enum</c>), the reader (an unknown name is refused at its path,
/// naming the allowed names), the writer, <c>ToBuilder</c>, the validator's check of the value, the JSON size bound and
/// the content hash read that list, so a new enumerated field needs no line in any of them.
/// </summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <param name="Name">The field's name in JSON documents, for example <c>suspectedUrgency</c>.</param>
/// <param name="After">
/// The JSON property the field follows in a written document; null to follow the kind's last code or number. Format
/// version 1 writes a cause's <c>suspectedUrgency</c> after its <c>priorEvidence</c>.
/// </param>
/// <param name="InItemHashLine">
/// True for the fields format version 1 hashes inside the item's own line (a cause's <c>suspectedUrgency</c>); any other
/// field adds a line of its own, and only when it is set, so that existing hashes stay as they are.
/// </param>
internal abstract record ClinicalChoice<T>(string Name, string? After, bool InItemHashLine)
{
    /// <summary>The enumeration the values are of.</summary>
    public abstract Type Type { get; }

    /// <summary>The allowed values, in the enumeration's order (all its defined values unless the field names fewer).</summary>
    public abstract ImmutableArray<Enum> Values { get; }

    /// <summary>Whether <see cref="Values"/> is every defined value of <see cref="Type"/>.</summary>
    public abstract bool AllowsEveryValue { get; }

    /// <summary>The value an item has when it gives none; null when the field is optional and has no value then.</summary>
    public abstract Enum? Default { get; }

    /// <summary>Reads the value from the model; null when the item has none.</summary>
    /// <param name="item">The item.</param>
    public abstract Enum? Read(T item);

    /// <summary>Whether <paramref name="value"/> is one of <see cref="Values"/>.</summary>
    /// <param name="value">The value.</param>
    public bool Allows(Enum value) => Values.Contains(value);
}

/// <summary>An enumerated field whose values are of <typeparamref name="TEnum"/> (<see cref="ClinicalChoice{T}"/>).</summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal sealed record ClinicalChoice<T, TEnum> : ClinicalChoice<T>
    where TEnum : struct, Enum
{
    private readonly Func<T, TEnum?> read;

    /// <summary>Declares an enumerated field.</summary>
    /// <param name="name">The field's name in JSON documents.</param>
    /// <param name="read">Reads the value from the model; null when the item has none.</param>
    /// <param name="defaultValue">The value of an item that gives none; null for an optional field.</param>
    /// <param name="allowed">The allowed values; null for every defined value of <typeparamref name="TEnum"/>.</param>
    /// <param name="after">The JSON property the field follows; null to follow the kind's last code or number.</param>
    /// <param name="inItemHashLine">True when the item's own hash line holds the value.</param>
    public ClinicalChoice(string name, Func<T, TEnum?> read, TEnum? defaultValue = null, TEnum[]? allowed = null, string? after = null, bool inItemHashLine = false)
        : base(name, after, inItemHashLine)
    {
        this.read = read;
        var values = allowed ?? Enum.GetValues<TEnum>();
        Values = [.. Enum.GetValues<TEnum>().Where(values.Contains).Cast<Enum>()];
        AllowsEveryValue = Values.Length == Enum.GetValues<TEnum>().Length;
        Default = defaultValue;
    }

    /// <inheritdoc />
    public override Type Type => typeof(TEnum);

    /// <inheritdoc />
    public override ImmutableArray<Enum> Values { get; }

    /// <inheritdoc />
    public override bool AllowsEveryValue { get; }

    /// <inheritdoc />
    public override Enum? Default { get; }

    /// <inheritdoc />
    public override Enum? Read(T item) => read(item);

    /// <summary>The value of the field named <paramref name="name"/> as the model's constructor reads it.</summary>
    /// <param name="choices">The constructor's reader of enumerated fields by name.</param>
    /// <param name="name">The field's JSON name.</param>
    public static TEnum? From(Func<string, Enum?> choices, string name) => choices(name) is TEnum value ? value : null;
}

/// <summary>
/// The enumerated fields of one item by name (<see cref="ClinicalChoice{T}"/>): the store of a builder's draft, so that
/// it copies values one by one without naming each. A draft's store starts with each field's default.
/// </summary>
internal sealed class NamedChoices
{
    private readonly Dictionary<string, Enum?> values = new(StringComparer.Ordinal);

    /// <summary>A store holding each declared field's default.</summary>
    /// <param name="defaults">Each field's name and its default.</param>
    public NamedChoices(IEnumerable<(string Name, Enum? Default)> defaults)
    {
        foreach (var (name, value) in defaults)
        {
            values[name] = value;
        }
    }

    /// <summary>A store holding each field <paramref name="declarations"/> declares, at its default.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="declarations">The kind's enumerated fields.</param>
    public static NamedChoices Of<T>(ImmutableArray<ClinicalChoice<T>> declarations) => new(declarations.Select(c => (c.Name, c.Default)));

    /// <summary>The value of the field of that name; null when the item has none.</summary>
    /// <param name="name">The field's JSON name.</param>
    public Enum? this[string name]
    {
        get => values.GetValueOrDefault(name);
        set => values[name] = value;
    }

    /// <summary>Every field that is set, with its value.</summary>
    public IEnumerable<KeyValuePair<string, Enum>> Values =>
        values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value!));
}
