using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

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
/// True for the fields format version 1 hashes inside the item's own line (a cause's <c>suspectedUrgency</c>, a
/// finding's <c>kind</c> and <c>region</c>); any other field adds a line of its own, and only when it is set, so that
/// existing hashes stay as they are.
/// </param>
/// <param name="Required">
/// True when a JSON document must give the field (a finding's <c>kind</c>): the reader reports it missing, and the
/// schema lists it as required. The draft then keeps <see cref="Default"/>, so that the other checks can run.
/// </param>
/// <param name="OmitsDefault">
/// True when a written document leaves the field out while it holds <see cref="Default"/> (a finding's <c>region</c> is
/// written only for a pain location's region, not as <c>none</c>).
/// </param>
internal abstract record ClinicalChoice<T>(string Name, string? After, bool InItemHashLine, bool Required, bool OmitsDefault)
{
    /// <summary>The enumeration the values are of.</summary>
    public abstract Type Type { get; }

    /// <summary>The allowed values, in the enumeration's order (all its defined values unless the field names fewer).</summary>
    public abstract ImmutableArray<Enum> Values { get; }

    /// <summary>Whether <see cref="Values"/> is every defined value of <see cref="Type"/>.</summary>
    public abstract bool AllowsEveryValue { get; }

    /// <summary>The value an item has when it gives none; null when the field is optional and has no value then.</summary>
    public abstract Enum? Default { get; }

    /// <summary>The JSON names of <see cref="Values"/>, comma-separated, for messages (<c>selfCare, routine, ...</c>).</summary>
    public abstract string AllowedNames { get; }

    /// <summary>The length of the longest JSON name of <see cref="Values"/>, for the JSON size bound.</summary>
    public abstract int LongestName { get; }

    /// <summary>Reads the value from the model; null when the item has none.</summary>
    /// <param name="item">The item.</param>
    public abstract Enum? Read(T item);

    /// <summary>
    /// The allowed value whose JSON name is <paramref name="name"/> (matched exactly), as the one boxed instance
    /// <see cref="Values"/> holds, so that reading allocates nothing.
    /// </summary>
    /// <param name="name">The JSON name.</param>
    /// <param name="value">The value; null when the name is not allowed.</param>
    public abstract bool TryParse(string name, [NotNullWhen(true)] out Enum? value);

    /// <summary>The JSON name of a value of <see cref="Type"/> (cached: no allocation).</summary>
    /// <param name="value">A defined value.</param>
    public abstract string NameOf(Enum value);

    /// <summary>Whether <paramref name="value"/> is one of <see cref="Values"/>.</summary>
    /// <param name="value">The value.</param>
    public bool Allows(Enum value) => Values.Contains(value);

    /// <summary>Whether a written document leaves out <paramref name="value"/>: none, or the default of a field that omits it.</summary>
    /// <param name="value">The item's value.</param>
    public bool IsLeftOut(Enum? value) => value is null || (OmitsDefault && value.Equals(Default));
}

/// <summary>An enumerated field whose values are of <typeparamref name="TEnum"/> (<see cref="ClinicalChoice{T}"/>).</summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal sealed record ClinicalChoice<T, TEnum> : ClinicalChoice<T>
    where TEnum : struct, Enum
{
    private readonly Func<T, TEnum?> read;
    private readonly FrozenDictionary<string, Enum> byName;
    private readonly FrozenDictionary<TEnum, string> byValue;

    /// <summary>Declares an enumerated field.</summary>
    /// <param name="name">The field's name in JSON documents.</param>
    /// <param name="read">Reads the value from the model; null when the item has none.</param>
    /// <param name="defaultValue">The value of an item that gives none; null for an optional field.</param>
    /// <param name="allowed">The allowed values; null for every defined value of <typeparamref name="TEnum"/>.</param>
    /// <param name="after">The JSON property the field follows; null to follow the kind's last code or number.</param>
    /// <param name="inItemHashLine">True when the item's own hash line holds the value.</param>
    /// <param name="required">True when a JSON document must give the field.</param>
    /// <param name="omitsDefault">True when a written document leaves the field out while it holds its default.</param>
    public ClinicalChoice(string name, Func<T, TEnum?> read, TEnum? defaultValue = null, TEnum[]? allowed = null, string? after = null, bool inItemHashLine = false, bool required = false, bool omitsDefault = false)
        : base(name, after, inItemHashLine, required, omitsDefault)
    {
        this.read = read;
        var values = allowed ?? Enum.GetValues<TEnum>();
        Values = [.. Enum.GetValues<TEnum>().Where(values.Contains).Cast<Enum>()];
        AllowsEveryValue = Values.Length == Enum.GetValues<TEnum>().Length;
        Default = defaultValue is { } given ? Values.FirstOrDefault(v => v.Equals(given)) ?? (Enum)given : null;
        byName = Values.ToFrozenDictionary(v => JsonName((TEnum)v), StringComparer.Ordinal);
        byValue = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonName(v));
        AllowedNames = string.Join(", ", Values.Select(v => JsonName((TEnum)v)));
        LongestName = Values.Max(v => JsonName((TEnum)v).Length);
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
    public override string AllowedNames { get; }

    /// <inheritdoc />
    public override int LongestName { get; }

    /// <summary>
    /// Reads the value from the model as a shared boxed instance (<see cref="BoxedEnum{TEnum}"/>; a value outside the
    /// enumeration is boxed anew), so that copying a base's fields into a builder allocates nothing per item.
    /// </summary>
    /// <param name="item">The item.</param>
    public override Enum? Read(T item)
    {
        if (read(item) is not { } value)
        {
            return null;
        }

        return BoxedEnum<TEnum>.Of(value);
    }

    /// <inheritdoc />
    public override bool TryParse(string name, [NotNullWhen(true)] out Enum? value) => byName.TryGetValue(name, out value);

    /// <inheritdoc />
    public override string NameOf(Enum value) =>
        byValue.TryGetValue((TEnum)value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {typeof(TEnum).Name}.");

    /// <summary>
    /// A value's JSON name: its member name in camelCase (<c>LateralHip</c> is <c>lateralHip</c>), the rule of the
    /// serializer's <c>JsonEnum</c>, which the model may not depend on; the schema-agreement tests compare the two.
    /// </summary>
    private static string JsonName(TEnum value)
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The value of the field named <paramref name="name"/> as the model's constructor reads it.</summary>
    /// <param name="choices">The draft's enumerated fields, which the constructor reads by name.</param>
    /// <param name="name">The field's JSON name.</param>
    public static TEnum? From(in NamedChoices<T> choices, string name) => choices[name] is TEnum value ? value : null;
}

/// <summary>
/// The enumerated fields of one item (<see cref="ClinicalChoice{T}"/>), in the kind's declared order: the store of a
/// builder's draft, so that it copies values one by one without naming each. It starts with each field's default. The
/// values sit in the store itself, and the store in its draft, so that a draft's enumerated fields allocate nothing
/// (the JSON reader's hot path): a kind declares at most <see cref="ChoiceSlots{TValue}.Capacity"/> of them.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
internal struct NamedChoices<T>
{
    private readonly ImmutableArray<ClinicalChoice<T>> declarations;
    private ChoiceSlots<Enum?> values;

    /// <summary>A store holding each field <paramref name="declarations"/> declares, at its default.</summary>
    /// <param name="declarations">The kind's enumerated fields.</param>
    public NamedChoices(ImmutableArray<ClinicalChoice<T>> declarations)
    {
        ChoiceSlots<Enum?>.Check(declarations.Length, typeof(T));
        this.declarations = declarations;
        for (var i = 0; i < declarations.Length; i++)
        {
            values[i] = declarations[i].Default;
        }
    }

    /// <summary>The declared fields, in order.</summary>
    public readonly ImmutableArray<ClinicalChoice<T>> Declarations => declarations;

    /// <summary>The value of the field of that name; null when the item has none.</summary>
    /// <param name="name">The field's JSON name; it must be declared.</param>
    public Enum? this[string name]
    {
        readonly get => values[IndexOf(declarations, name)];
        set => values[IndexOf(declarations, name)] = value;
    }

    /// <summary>The value of the field declared at <paramref name="index"/>; null when the item has none.</summary>
    /// <param name="index">The field's place in <see cref="Declarations"/>.</param>
    public Enum? this[int index]
    {
        readonly get => values[index];
        set => values[index] = value;
    }

    /// <summary>Every field that is set, with its value, in declared order.</summary>
    public readonly IEnumerable<KeyValuePair<string, Enum>> Values
    {
        get
        {
            var set = new List<KeyValuePair<string, Enum>>();
            for (var i = 0; i < declarations.Length; i++)
            {
                if (values[i] is { } value)
                {
                    set.Add(KeyValuePair.Create(declarations[i].Name, value));
                }
            }

            return set;
        }
    }

    /// <summary>The place of the field named <paramref name="name"/> among <paramref name="declarations"/>.</summary>
    /// <param name="declarations">A kind's enumerated fields.</param>
    /// <param name="name">The field's JSON name.</param>
    public static int IndexOf(ImmutableArray<ClinicalChoice<T>> declarations, string name)
    {
        for (var i = 0; i < declarations.Length; i++)
        {
            if (string.Equals(declarations[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"{typeof(T).Name} declares no enumerated field '{name}'.", nameof(name));
    }
}

/// <summary>
/// One shared boxed instance of each defined value of <typeparamref name="TEnum"/>, so that the drafts' stores of
/// enumerated fields (<see cref="NamedChoices{T}"/>, which hold <see cref="Enum"/>) do not box a value each time one is set.
/// </summary>
/// <typeparam name="TEnum">The enumeration.</typeparam>
internal static class BoxedEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, Enum> Boxes = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => (Enum)v);

    /// <summary>The shared box of a defined value; a new box for any other.</summary>
    /// <param name="value">The value.</param>
    public static Enum Of(TEnum value) => Boxes.TryGetValue(value, out var boxed) ? boxed : value;
}

/// <summary>
/// Room for one value per enumerated field of a kind, inside the object that holds it (a draft's values, a JSON
/// document's names), so that the fields cost no allocation of their own.
/// </summary>
/// <typeparam name="TValue">The value held per field.</typeparam>
[InlineArray(Capacity)]
internal struct ChoiceSlots<TValue>
{
    /// <summary>The most enumerated fields a kind may declare.</summary>
    public const int Capacity = 4;

    private TValue element;

    /// <summary>Throws when a kind declares more fields than there is room for.</summary>
    /// <param name="count">The number of fields declared.</param>
    /// <param name="kind">The model type that declares them.</param>
    public static void Check(int count, Type kind)
    {
        if (count > Capacity)
        {
            throw new InvalidOperationException($"{kind.Name} declares {count} enumerated fields; at most {Capacity} fit (ChoiceSlots.Capacity).");
        }
    }
}
