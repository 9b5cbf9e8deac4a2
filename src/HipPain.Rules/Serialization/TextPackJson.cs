using System.Collections.Immutable;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads and writes text packs as JSON (format version 1; the schema is <see cref="JsonSchemas.TextPack"/>):
/// the wording of a knowledge base in one language, outside its clinical content hash.
/// </summary>
/// <remarks>
/// <c>{ "formatVersion": 1, "culture": "es", "knowledgeBase": "hippain.builtin", "review": "needsClinicalReview",
/// "findings": { "loc.lateral-hip": { "name": "...", "question": "...", "patientQuestion": "..." } }, "causes": { ... } }</c>.
/// Reading checks the document's form (HPJ codes), its ids (HPK012: an item id, or a recommendation's treatment id,
/// that is blank or holds white space or a control character) and its text (HPT002 unknown section field, HPT003 blank
/// text, HPT004 culture); <see cref="TextPackExtensions.Check"/> checks it against a knowledge base (HPT001 unknown item, HPT005 missing text).
/// </remarks>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class TextPackJson
{
    /// <summary>The text-pack format: read by <see cref="JsonDocumentReader"/>, mapped by <see cref="ToTextPack"/>.</summary>
    internal static JsonFormat<TextPackDocument, TextPack> Format { get; } =
        new("text-pack", "a text-pack object", RulesJson.TextPackDocument, (document, _) => ToTextPack(document));

    /// <summary>Reads a text pack from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The text pack.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="TextPackValidationException">The text is invalid (HPJ004, HPJ005, HPK012, HPT002, HPT003, HPT004); the exception lists every problem.</exception>
    public static TextPack Read(string json) => Read(json, null);

    /// <summary>Reads a text pack from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The text pack.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="TextPackValidationException">The text is invalid; the exception lists every problem.</exception>
    public static TextPack Read(string json, JsonReadOptions? options) =>
        Format.Read(json, options);

    /// <summary>Reads a text pack from a UTF-8 JSON stream with the default limits; the stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The text pack.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="TextPackValidationException">The text is invalid; the exception lists every problem.</exception>
    public static TextPack Read(Stream utf8Json) => Read(utf8Json, null);

    /// <summary>Reads a text pack from a UTF-8 JSON stream, which is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The text pack.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="TextPackValidationException">The text is invalid; the exception lists every problem.</exception>
    public static TextPack Read(Stream utf8Json, JsonReadOptions? options) =>
        Format.Read(utf8Json, options);

    /// <summary>Writes a text pack as indented JSON text, sections in a fixed order and items by id.</summary>
    /// <param name="textPack">The text pack.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="textPack"/> is null.</exception>
    public static string Write(TextPack textPack)
    {
        ArgumentNullException.ThrowIfNull(textPack);
        var document = new TextPackDocument
        {
            FormatVersion = JsonDocumentReader.FormatVersion,
            Culture = textPack.Culture,
            KnowledgeBase = textPack.KnowledgeBaseId,
            Review = JsonEnum<TextReview>.Name(textPack.Review),
            ReviewNote = textPack.ReviewNote,
            Title = textPack.Get(TextKey.Title),
        };
        foreach (var key in textPack.Keys.Where(k => k.Section != TextKey.KnowledgeBaseSection))
        {
            var section = Section(document, key.Section, create: true)!;
            if (!section.TryGetValue(key.Id, out var fields) || fields is null)
            {
                section[key.Id] = fields = [];
            }

            fields[key.Field] = textPack.Get(key);
        }

        return Format.Write(document);
    }

    private static TextPack ToTextPack(TextPackDocument document)
    {
        var mapper = new DocumentMapper();
        if (document.Culture is null)
        {
            mapper.Add(ErrorCodes.TextInvalidCulture, "$.culture", "The text pack has no culture; give a culture name such as \"es\".");
        }
        else if (!TextCultures.IsValid(document.Culture))
        {
            mapper.Add(ErrorCodes.TextInvalidCulture, "$.culture", $"'{document.Culture}' is not a culture name such as 'en' or 'es-MX'.");
        }

        var review = mapper.Required(document.Review, "$.review", TextReview.NeedsClinicalReview);
        var entries = new List<KeyValuePair<TextKey, string>>();
        if (document.Title is { } title)
        {
            Add(mapper, entries, TextKey.Title, title);
        }

        foreach (var name in SectionNames)
        {
            foreach (var (id, fields) in Section(document, name, create: false) ?? [])
            {
                var itemPath = $"$.{name}['{id}']";
                if (!ItemIds.IsValid(id))
                {
                    mapper.Add(ErrorCodes.InvalidText, itemPath, $"The id '{id}' is blank or holds white space or a control character, which no item's id does.");
                    continue;
                }

                if (fields is null)
                {
                    mapper.Add(ErrorCodes.JsonMissingProperty, itemPath, "The item is null; give an object of texts or leave it out.");
                    continue;
                }

                foreach (var (field, text) in fields)
                {
                    var key = new TextKey(name, id, field);
                    if (!TextPack.IsAllowed(name, field))
                    {
                        mapper.Add(ErrorCodes.TextUnknownField, TextPack.PathOf(key), $"Section '{name}' has no field '{field}'; allowed: {TextPack.AllowedFields(name)}.");
                        continue;
                    }

                    if (name == TextKey.RecommendationsSection && !ItemIds.IsValid(field))
                    {
                        mapper.Add(ErrorCodes.InvalidText, TextPack.PathOf(key), $"The treatment id '{field}' is blank or holds white space or a control character, which no treatment's id does.");
                        continue;
                    }

                    Add(mapper, entries, key, text);
                }
            }
        }

        if (mapper.Problems.Count > 0)
        {
            throw new TextPackValidationException(document.Culture ?? "(no culture)", mapper.Problems);
        }

        return new TextPack(document.Culture!, document.KnowledgeBase, review, document.ReviewNote, entries);
    }

    private static void Add(DocumentMapper mapper, List<KeyValuePair<TextKey, string>> entries, TextKey key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            mapper.Add(ErrorCodes.TextBlank, TextPack.PathOf(key), "The text is missing or blank; leave the field out to fall back to another pack.");
            return;
        }

        entries.Add(new(key, text));
    }

    private static readonly ImmutableArray<string> SectionNames =
    [
        TextKey.FindingsSection, TextKey.CausesSection, TextKey.TreatmentsSection, TextKey.RedFlagsSection,
        TextKey.RulesSection, TextKey.GroupsSection, TextKey.RecommendationsSection, TextKey.FaqSection,
    ];

    private static Dictionary<string, Dictionary<string, string?>?>? Section(TextPackDocument document, string name, bool create) => name switch
    {
        TextKey.FindingsSection => create ? document.Findings ??= [] : document.Findings,
        TextKey.CausesSection => create ? document.Causes ??= [] : document.Causes,
        TextKey.TreatmentsSection => create ? document.Treatments ??= [] : document.Treatments,
        TextKey.RedFlagsSection => create ? document.RedFlags ??= [] : document.RedFlags,
        TextKey.RulesSection => create ? document.Rules ??= [] : document.Rules,
        TextKey.GroupsSection => create ? document.Groups ??= [] : document.Groups,
        TextKey.RecommendationsSection => create ? document.Recommendations ??= [] : document.Recommendations,
        TextKey.FaqSection => create ? document.Faq ??= [] : document.Faq,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a text-pack section."),
    };
}
