using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace HipPain.Rules.Model;

/// <summary>Whether a text pack's wording has been checked by a clinician.</summary>
public enum TextReview
{
    /// <summary>The language the knowledge base was written in: the text is the authors' own.</summary>
    Original = 0,

    /// <summary>A translation no clinician has reviewed yet: show it with a visible notice, and do not rely on it for patient care.</summary>
    NeedsClinicalReview = 1,

    /// <summary>A translation a clinician has reviewed.</summary>
    ClinicallyReviewed = 2,
}

/// <summary>
/// The words of a knowledge base in one language: names, clinician and patient questions, descriptions, actions,
/// running advice, rule labels, recommendation notes, and the patient explanations and FAQ answers. Text is kept
/// out of the clinical content: <see cref="KnowledgeBase.ContentHash"/> covers no text, so a base has the same hash in
/// every language, and a text pack has its own <see cref="ContentHash"/>.
/// </summary>
/// <remarks>
/// A knowledge base's own wording is its default text pack (<see cref="KnowledgeBase.Text"/>). Packs in other
/// languages are read with <c>TextPackJson</c>; the built-in ones are in <c>BuiltInTextPacks</c>. A pack may be
/// partial: <see cref="WithFallback"/> fills its gaps from another, and <c>pack.Check(knowledgeBase)</c> (in <c>HipPain.Rules.Validation</c>) lists what it lacks.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class TextPack
{
    /// <summary>The fields of a FAQ entry, in the order a text pack's schema lists them.</summary>
    internal static ImmutableArray<string> FaqFields { get; } = ["question", "answer", "sources"];

    // The fields of each section: the item kinds' from the wording catalogue, then the sections that are not item
    // kinds. Any field (a treatment id) is allowed in the recommendations section.
    private static readonly FrozenDictionary<string, FrozenSet<string>?> FieldsBySection = Wording.Kinds
        .Select(kind => KeyValuePair.Create(kind.Section, (FrozenSet<string>?)Set([.. kind.FieldNames])))
        .Append(KeyValuePair.Create(TextKey.KnowledgeBaseSection, (FrozenSet<string>?)Set("title")))
        .Append(KeyValuePair.Create(TextKey.RecommendationsSection, (FrozenSet<string>?)null))
        .Append(KeyValuePair.Create(TextKey.FaqSection, (FrozenSet<string>?)Set([.. FaqFields])))
        .ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<TextKey, string> texts;

    internal TextPack(string culture, string? knowledgeBaseId, TextReview review, string? reviewNote, IEnumerable<KeyValuePair<TextKey, string>> entries)
    {
        Culture = culture;
        KnowledgeBaseId = knowledgeBaseId;
        Review = review;
        ReviewNote = reviewNote;
        texts = entries.ToFrozenDictionary();
        Keys = [.. texts.Keys.OrderBy(k => k.Section, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal).ThenBy(k => k.Field, StringComparer.Ordinal)];
        ContentHash = ComputeHash();
    }

    /// <summary>The language, as a culture name such as <c>en</c> or <c>es</c>.</summary>
    public string Culture { get; }

    /// <summary>The id of the knowledge base the pack was written for; null when it does not say.</summary>
    public string? KnowledgeBaseId { get; }

    /// <summary>Whether a clinician has checked the wording. <see cref="TextReview.NeedsClinicalReview"/> must be shown to the reader.</summary>
    public TextReview Review { get; }

    /// <summary>The notice to show with the text, for example why it needs review; null when none.</summary>
    public string? ReviewNote { get; }

    /// <summary>Every key that has text, ordered by section, id and field.</summary>
    public ImmutableArray<TextKey> Keys { get; }

    /// <summary>
    /// <c>sha256:</c> and the lowercase hex SHA-256 of a canonical text of the culture, the knowledge base id, the
    /// review status and note, and every piece of text; independent of order.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>The text for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="text">The text, when the pack has it.</param>
    /// <returns>True when the pack has text for the key.</returns>
    public bool TryGet(TextKey key, [NotNullWhen(true)] out string? text) => texts.TryGetValue(key, out text);

    /// <summary>The text for a key, or null when the pack has none.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text or null.</returns>
    public string? Get(TextKey key) => texts.GetValueOrDefault(key);

    /// <summary>A pack with this pack's text, and the other's wherever this one has none; culture, review and knowledge base are this pack's.</summary>
    /// <param name="fallback">The pack that fills the gaps, for example a knowledge base's own text.</param>
    /// <returns>The combined pack (this pack when nothing is missing).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> is null.</exception>
    public TextPack WithFallback(TextPack fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var missing = fallback.texts.Where(entry => !texts.ContainsKey(entry.Key)).ToList();
        return missing.Count == 0 ? this : new TextPack(Culture, KnowledgeBaseId, Review, ReviewNote, texts.Concat(missing));
    }

    /// <inheritdoc />
    public override string ToString() => $"text pack {Culture} ({Keys.Length} texts, {ContentHash})";

    /// <summary>The JSON path of a key in a text-pack document.</summary>
    internal static string PathOf(TextKey key) => key.Section == TextKey.KnowledgeBaseSection
        ? "$." + key.Field
        : $"$.{key.Section}['{key.Id}']['{key.Field}']";

    /// <summary>True when the section exists and allows the field (every field is allowed in the recommendations section).</summary>
    internal static bool IsAllowed(string section, string field) =>
        FieldsBySection.TryGetValue(section, out var fields) && (fields is null || fields.Contains(field));

    /// <summary>The fields a section allows, for messages.</summary>
    internal static string AllowedFields(string section) =>
        FieldsBySection.TryGetValue(section, out var fields) && fields is not null ? string.Join(", ", fields.Order(StringComparer.Ordinal)) : "a treatment id";

    internal static TextPack FromKnowledgeBase(KnowledgeBase knowledgeBase)
    {
        var entries = new List<KeyValuePair<TextKey, string>>();
        void Add(TextKey key, string? text)
        {
            if (text is not null)
            {
                entries.Add(new(key, text));
            }
        }

        Add(TextKey.Title, knowledgeBase.Title);
        foreach (var kind in Wording.Kinds)
        {
            entries.AddRange(kind.TextOf(knowledgeBase));
        }

        foreach (var cause in knowledgeBase.Causes)
        {
            foreach (var recommendation in cause.Recommendations.DistinctBy(r => r.TreatmentId, StringComparer.Ordinal))
            {
                Add(TextKey.RecommendationNote(cause.Id, recommendation.TreatmentId), recommendation.Note);
            }
        }

        return new TextPack(knowledgeBase.TextCulture, knowledgeBase.Id, TextReview.Original, null, entries);
    }

    /// <summary>True when the base has the item a key names.</summary>
    internal static bool Known(KnowledgeBase knowledgeBase, TextKey key) => key.Section switch
    {
        TextKey.KnowledgeBaseSection or TextKey.FaqSection => true,
        TextKey.FindingsSection => knowledgeBase.TryGetFinding(key.Id, out _),
        TextKey.CausesSection => knowledgeBase.TryGetCause(key.Id, out _),
        TextKey.TreatmentsSection => knowledgeBase.TryGetTreatment(key.Id, out _),
        TextKey.RedFlagsSection => knowledgeBase.RedFlags.Any(f => f.Id == key.Id),
        TextKey.RulesSection => knowledgeBase.Rules.Any(r => r.Id == key.Id),
        TextKey.GroupsSection => knowledgeBase.Groups.Any(g => g.Id == key.Id),
        TextKey.RecommendationsSection => knowledgeBase.TryGetCause(key.Id, out var cause) && cause.Recommendations.Any(r => r.TreatmentId == key.Field),
        _ => false,
    };

    /// <summary>The item a key names, for messages.</summary>
    internal static string Describe(TextKey key) => key.Section == TextKey.RecommendationsSection
        ? $"recommendation of treatment '{key.Field}' for cause '{key.Id}'"
        : Wording.Of(key.Section) is { } kind ? $"{kind.Noun} '{key.Id}'" : key.ToString();

    private static FrozenSet<string> Set(params string[] fields) => fields.ToFrozenSet(StringComparer.Ordinal);

    private string ComputeHash()
    {
        var text = new StringBuilder();
        text.Append("textpack\u001f").Append(Culture).Append('\u001f').Append(KnowledgeBaseId ?? "\u2400").Append('\u001f')
            .Append(Review.ToString()).Append('\u001f').Append(ReviewNote ?? "\u2400").Append('\n');
        foreach (var key in Keys)
        {
            text.Append(key.Section).Append('\u001f').Append(key.Id).Append('\u001f').Append(key.Field).Append('\u001f').Append(texts[key]).Append('\n');
        }

        return ContentHashes.Of(text);
    }
}
