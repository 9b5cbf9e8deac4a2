using System.Collections.Immutable;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads and writes knowledge bases as JSON (format version 1; the schema is <see cref="JsonSchemas.KnowledgeBase"/>).
/// A knowledge base written and read back has the same <see cref="Model.KnowledgeBase.ContentHash"/> and scores
/// every case alike.
/// </summary>
/// <remarks>
/// Reading has two tiers of errors. A document that cannot be read at all (not well-formed, of the wrong
/// shape, of an unknown <c>formatVersion</c>, or over a <see cref="JsonReadOptions"/> limit) throws a
/// <see cref="RulesJsonException"/> naming the JSON path, line and byte position. A readable document whose
/// content is invalid throws one <see cref="KnowledgeBaseValidationException"/> listing every problem with its
/// stable code and JSON path, for example <c>HPK004 at $.causes[3].rules[0].ratio.positive</c>.
/// </remarks>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class KnowledgeBaseJson
{
    /// <summary>The knowledge-base format: read by <see cref="JsonDocumentReader"/>, built by <see cref="Build"/>.</summary>
    internal static JsonFormat<KnowledgeBaseDocument, KnowledgeBase> Format { get; } =
        new("knowledge-base", "a knowledge-base object", RulesJson.KnowledgeBaseDocument, (document, _) => Build(document));

    /// <summary>Reads a knowledge base from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated, immutable knowledge base.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="KnowledgeBaseValidationException">The content is invalid; the exception lists every problem.</exception>
    public static KnowledgeBase Read(string json) => Read(json, null);

    /// <summary>Reads a knowledge base from a UTF-8 JSON stream with the default limits; the stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The validated, immutable knowledge base.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="KnowledgeBaseValidationException">The content is invalid; the exception lists every problem.</exception>
    public static KnowledgeBase Read(Stream utf8Json) => Read(utf8Json, null);

    /// <summary>Reads a knowledge base from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The validated, immutable knowledge base.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="KnowledgeBaseValidationException">The content is invalid; the exception lists every problem.</exception>
    public static KnowledgeBase Read(string json, JsonReadOptions? options) =>
        Format.Read(json, options);

    /// <summary>Reads a knowledge base from a UTF-8 JSON stream; the stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The validated, immutable knowledge base.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="KnowledgeBaseValidationException">The content is invalid; the exception lists every problem.</exception>
    public static KnowledgeBase Read(Stream utf8Json, JsonReadOptions? options) =>
        Format.Read(utf8Json, options);

    /// <summary>Checks a knowledge-base document without throwing on content problems.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="knowledgeBase">The knowledge base, or null when there are problems.</param>
    /// <param name="problems">Every content problem with its code and JSON path; empty on success.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>True when the document holds a valid knowledge base.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read at all (HPJ001, HPJ002, HPJ003).</exception>
    public static bool TryRead(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnowledgeBase? knowledgeBase, out ImmutableArray<ValidationProblem> problems, JsonReadOptions? options = null)
    {
        return TryBuild(Format.ReadDocument(json, options), out knowledgeBase, out problems);
    }

    /// <summary>Writes a knowledge base as indented JSON text.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>The JSON text, starting with <c>"formatVersion": 1</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public static string Write(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return Format.Write(DocumentWriter.KnowledgeBase(knowledgeBase));
    }

    /// <summary>Writes a knowledge base as indented UTF-8 JSON to a stream, which is left open.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="utf8Json">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(KnowledgeBase knowledgeBase, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(utf8Json);
        Format.Write(DocumentWriter.KnowledgeBase(knowledgeBase), utf8Json);
    }

    private static KnowledgeBase Build(KnowledgeBaseDocument document) =>
        TryBuild(document, out var knowledgeBase, out var problems)
            ? knowledgeBase
            : throw new KnowledgeBaseValidationException(document.Id ?? "(no id)", problems);

    private static bool TryBuild(KnowledgeBaseDocument document, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnowledgeBase? knowledgeBase, out ImmutableArray<ValidationProblem> problems)
    {
        var mapper = new DocumentMapper();
        var builder = ToBuilder(document, mapper);
        return DocumentMapper.TryBuild(builder, mapper.Merge(builder.Validate()), out knowledgeBase, out problems);
    }

    internal static KnowledgeBaseBuilder ToBuilder(KnowledgeBaseDocument document, DocumentMapper mapper)
    {
        var builder = new KnowledgeBaseBuilder(document.Id ?? string.Empty, document.Version ?? string.Empty, document.Title);
        if (document.TextCulture is { } culture)
        {
            builder.SetTextCulture(culture);
        }

        var derivedFrom = new List<KnowledgeBaseStamp>();
        mapper.Each(document.DerivedFrom, "$.derivedFrom", (stamp, path) =>
        {
            if (stamp!.Id is null || stamp.Version is null || stamp.Hash is null)
            {
                mapper.Add(ErrorCodes.JsonMissingProperty, path, "A base this one was derived from names its id, version and hash.");
                return;
            }

            derivedFrom.Add(new KnowledgeBaseStamp(stamp.Id, stamp.Version, stamp.Hash));
        });
        builder.FromDocument([.. derivedFrom]);

        mapper.Each(document.Findings, "$.findings", (finding, path) => builder.Add(mapper.Finding(finding, path)));
        mapper.Each(document.Treatments, "$.treatments", (treatment, path) => builder.Add(mapper.Treatment(treatment, path)));
        mapper.Each(document.Causes, "$.causes", (cause, path) => builder.Add(mapper.Cause(cause, path)));
        mapper.Each(document.RedFlags, "$.redFlags", (flag, path) => builder.Add(mapper.RedFlag(flag, path)));
        return builder;
    }
}
