namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads and writes clinic overlays as JSON (format version 1; the schema is <see cref="JsonSchemas.Overlay"/>).
/// Reading checks the document's form only; conflicts with a base are found by
/// <see cref="KnowledgeBaseOverlay.ApplyTo"/>, which knows the base.
/// </summary>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class OverlayJson
{
    /// <summary>The overlay format: read by <see cref="JsonDocumentReader"/>; an overlay keeps its document.</summary>
    internal static JsonFormat<Documents.OverlayDocument, KnowledgeBaseOverlay> Format { get; } =
        new("overlay", "an overlay object", RulesJson.OverlayDocument, (document, _) => new KnowledgeBaseOverlay(document));

    /// <summary>Reads an overlay from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    public static KnowledgeBaseOverlay Read(string json) => Read(json, null);

    /// <summary>Reads an overlay from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    public static KnowledgeBaseOverlay Read(string json, JsonReadOptions? options) =>
        Format.Read(json, options);

    /// <summary>Reads an overlay from a UTF-8 JSON stream with the default limits; the stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    public static KnowledgeBaseOverlay Read(Stream utf8Json) => Read(utf8Json, null);

    /// <summary>Reads an overlay from a UTF-8 JSON stream, which is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    public static KnowledgeBaseOverlay Read(Stream utf8Json, JsonReadOptions? options) =>
        Format.Read(utf8Json, options);

    /// <summary>Writes an overlay as indented JSON text, as it was read.</summary>
    /// <param name="overlay">The overlay.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overlay"/> is null.</exception>
    public static string Write(KnowledgeBaseOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        return Format.Write(overlay.Document);
    }
}
