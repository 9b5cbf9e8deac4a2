using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>
/// The catalogue of a knowledge base's wording: for each kind of item that has text (findings, causes, treatments,
/// red flags, rules, evidence groups), its text-pack section, the noun messages use for it, and its wording fields.
/// The default text pack (<see cref="TextPack"/>), the fields a text pack allows, the fields an overlay's text
/// changes may reword and the JSON size bound read this catalogue instead of listing the fields themselves. Each
/// kind's fields are declared beside the model type that holds them (<c>Cause.Wording</c> and so on).
/// </summary>
/// <remarks>
/// Around it, wording travels by field name: the builder's drafts and the JSON documents (<c>WordedDocument</c>) keep
/// it in one store each (<see cref="NamedTexts"/>), the documents whose JSON properties are added from this catalogue
/// (<c>WordingProperties</c>), and the model's constructors read theirs by name. So a new rewordable field of a cause
/// is declared in <c>Cause.cs</c> (property, constructor line, catalogue entry) and in the builder's DSL; the JSON
/// documents, the overlay's text change and the generated schemas follow.
/// </remarks>
internal static class Wording
{
    /// <summary>Every kind of item with wording, in the order of the knowledge base's JSON form.</summary>
    public static ImmutableArray<WordingKind> Kinds { get; } =
        [Finding.Wording, Treatment.Wording, Cause.Wording, DiagnosticRule.Wording, EvidenceGroup.Wording, RedFlag.Wording];

    /// <summary>The kind whose text-pack section this is; null for a section that is not an item kind (title, recommendations, FAQ).</summary>
    public static WordingKind? Of(string section)
    {
        foreach (var kind in Kinds)
        {
            if (kind.Section == section)
            {
                return kind;
            }
        }

        return null;
    }
}

/// <summary>The wording of one kind of item; see <see cref="Wording"/>.</summary>
internal abstract class WordingKind
{
    private protected WordingKind(string section, string noun, ImmutableArray<string> fieldNames, ImmutableArray<string> rewordable)
    {
        Section = section;
        Noun = noun;
        FieldNames = fieldNames;
        Rewordable = rewordable;
    }

    /// <summary>The text-pack section, for example <see cref="TextKey.CausesSection"/>.</summary>
    public string Section { get; }

    /// <summary>The item's noun in messages, for example <c>red flag</c>.</summary>
    public string Noun { get; }

    /// <summary>Every field a text pack may give for this kind, in declaration order.</summary>
    public ImmutableArray<string> FieldNames { get; }

    /// <summary>The fields an overlay's text change may reword (the model's plain text fields).</summary>
    public ImmutableArray<string> Rewordable { get; }

    /// <summary>The base's own text for every item of this kind that has the field.</summary>
    public abstract IEnumerable<KeyValuePair<TextKey, string>> TextOf(KnowledgeBase knowledgeBase);
}

/// <summary>The wording fields of the items of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The model type, for example <see cref="Cause"/>.</typeparam>
internal sealed class WordingKind<T> : WordingKind
{
    private readonly Func<KnowledgeBase, IEnumerable<T>> items;
    private readonly Func<T, string> id;
    private readonly ImmutableArray<WordingField<T>> fields;

    public WordingKind(string section, string noun, Func<KnowledgeBase, IEnumerable<T>> items, Func<T, string> id, params WordingField<T>[] fields)
        : base(section, noun, [.. fields.Select(f => f.Name)], [.. fields.Where(f => f.IsRewordable).Select(f => f.Name)])
    {
        this.items = items;
        this.id = id;
        this.fields = [.. fields];
    }

    /// <summary>The item's rewordable fields (its plain wording), with their text or null.</summary>
    public IEnumerable<KeyValuePair<string, string?>> RewordableOf(T item) =>
        fields.Where(f => f.IsRewordable && f.Read is not null).Select(f => KeyValuePair.Create(f.Name, f.Read!(item)));

    public override IEnumerable<KeyValuePair<TextKey, string>> TextOf(KnowledgeBase knowledgeBase)
    {
        foreach (var item in items(knowledgeBase))
        {
            foreach (var field in fields)
            {
                if (field.Read?.Invoke(item) is { } text)
                {
                    yield return new(new TextKey(Section, id(item), field.Name), text);
                }
            }
        }
    }
}

/// <summary>One wording field.</summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <param name="Name">The field's name in JSON documents and text packs, for example <c>patientQuestion</c>.</param>
/// <param name="Read">Reads the field from the model; null for text that only text packs hold (a cause's patient explanation).</param>
/// <param name="IsRewordable">True when the field is a plain text of the item that an overlay's text change may replace.</param>
internal sealed record WordingField<T>(string Name, Func<T, string?>? Read, bool IsRewordable = false);

/// <summary>
/// Optional texts of one item by name: its plain wording by field name (for example <c>patientQuestion</c>) or its
/// clinical codes by code name (<see cref="ClinicalCode{T}"/>, for example <c>icd10</c>). The store of a builder's
/// draft and of a JSON document, so that both copy wording and codes one by one without naming each.
/// </summary>
internal sealed class NamedTexts((string Field, string? Text)[] wording)
{
    private readonly Dictionary<string, string?> texts = wording.ToDictionary(w => w.Field, w => w.Text, StringComparer.Ordinal);

    /// <summary>The text of a field; null when the item has none. Setting null keeps the field as given without text.</summary>
    public string? this[string field]
    {
        get => texts.GetValueOrDefault(field);
        set => texts[field] = value;
    }

    /// <summary>True when the item's author gave the field, with text or null.</summary>
    public bool Has(string field) => texts.ContainsKey(field);

    /// <summary>Every field that has text, with its text.</summary>
    public IEnumerable<KeyValuePair<string, string>> Texts =>
        texts.Where(t => t.Value is not null).Select(t => KeyValuePair.Create(t.Key, t.Value!));
}
