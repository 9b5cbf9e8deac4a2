using System.Collections.Immutable;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// The text packs that ship with the built-in knowledge base: English (the base's own wording plus the patient
/// explanations and FAQ answers) and Spanish (a translation marked <see cref="TextReview.NeedsClinicalReview"/>).
/// The NuGet package also ships them as files under <c>text/</c>.
/// </summary>
/// <threadsafety>Thread-safe: each pack is read once, lazily, and is immutable.</threadsafety>
public static class BuiltInTextPacks
{
    private static readonly Lazy<TextPack> EnglishPack = new(() => Load("hippain.builtin.en.json"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TextPack> SpanishPack = new(() => Load("hippain.builtin.es.json"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>English: the built-in base's own wording and its patient content.</summary>
    public static TextPack English => EnglishPack.Value;

    /// <summary>Spanish (<c>es</c>): a translation that needs clinical review before patient use.</summary>
    public static TextPack Spanish => SpanishPack.Value;

    /// <summary>Every shipped pack, English first.</summary>
    public static ImmutableArray<TextPack> All => [English, Spanish];

    /// <summary>
    /// The shipped pack for a culture: an exact match, else the pack of its language (<c>es</c> for <c>es-MX</c>),
    /// else English. Culture names compare without regard to case.
    /// </summary>
    /// <param name="culture">A culture name such as <c>es-MX</c>.</param>
    /// <returns>The best shipped pack.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public static TextPack For(string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var language = culture.Split('-')[0];
        return All.FirstOrDefault(p => string.Equals(p.Culture, culture, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(p => string.Equals(p.Culture, language, StringComparison.OrdinalIgnoreCase))
            ?? English;
    }

    private static TextPack Load(string fileName)
    {
        var name = "HipPain.Rules.Text." + fileName;
        using var stream = typeof(BuiltInTextPacks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded text pack '{name}' is missing from {typeof(BuiltInTextPacks).Assembly.GetName().Name}.");
        return TextPackJson.Read(stream);
    }
}
