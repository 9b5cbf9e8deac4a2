using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// One JSON format's ways in and out, shared by the public entry points (<see cref="CaseJson"/>,
/// <see cref="TextPackJson"/>, <see cref="OverlayJson"/>, <see cref="InterviewStateJson"/>,
/// <see cref="KnowledgeBaseJson"/>): the document's contract, its name in messages, and the mapping from a read
/// document to the value. Every way in (text, UTF-8 stream, <see cref="JsonElement"/>, <see cref="Utf8JsonReader"/>)
/// goes through <see cref="JsonDocumentReader"/>, so each applies the same limits and reports the same codes, paths,
/// lines and bytes; the mapping then reports the content's own problems.
/// </summary>
/// <typeparam name="TDocument">The document class the source generator binds.</typeparam>
/// <typeparam name="TValue">What a caller gets: the immutable model.</typeparam>
/// <threadsafety>Thread-safe: immutable; the mapping must keep no state.</threadsafety>
internal sealed class JsonFormat<TDocument, TValue>
    where TDocument : class
{
    private readonly JsonTypeInfo<TDocument> contract;
    private readonly string element;
    private readonly Func<TDocument, JsonReadOptions?, TValue> toValue;

    /// <summary>Describes a format.</summary>
    /// <param name="name">The format's name in messages: "case", "text-pack".</param>
    /// <param name="element">What a JSON element must be, for the message on an undefined one: "a case object".</param>
    /// <param name="contract">The document's contract (from <see cref="RulesJson"/>).</param>
    /// <param name="toValue">Maps a read document to the value, throwing the format's validation exception; it gets the
    /// caller's limits, for a document that reads another one nested in it.</param>
    public JsonFormat(string name, string element, JsonTypeInfo<TDocument> contract, Func<TDocument, JsonReadOptions?, TValue> toValue)
    {
        Name = name;
        this.element = element;
        this.contract = contract;
        this.toValue = toValue;
    }

    /// <summary>The format's name in messages.</summary>
    public string Name { get; }

    /// <summary>Reads the document from JSON text, without mapping it.</summary>
    public TDocument ReadDocument(string json, JsonReadOptions? options) =>
        JsonDocumentReader.Read(json, contract, options, Name);

    /// <summary>Reads the value from JSON text.</summary>
    public TValue Read(string json, JsonReadOptions? options) => toValue(ReadDocument(json, options), options);

    /// <summary>Reads the value from a UTF-8 stream, which is read to its end but not closed.</summary>
    public TValue Read(Stream utf8Json, JsonReadOptions? options) =>
        toValue(JsonDocumentReader.Read(utf8Json, contract, options, Name), options);

    /// <summary>Reads the value from a JSON element; paths are relative to it.</summary>
    public TValue Read(JsonElement json, JsonReadOptions? options) =>
        toValue(JsonDocumentReader.Read(json, contract, options, Name, element), options);

    /// <summary>
    /// Reads the value from a reader positioned on it (or before it, at the start of a document) and leaves the reader
    /// on its last token, as a <see cref="System.Text.Json.Serialization.JsonConverter"/> must.
    /// </summary>
    public TValue Read(ref Utf8JsonReader reader, JsonReadOptions? options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The {Name} is not well-formed JSON: {ex.Message}", "$", ex.LineNumber + 1, ex.BytePositionInLine + 1, ex);
        }

        using (document)
        {
            return Read(document.RootElement, options);
        }
    }

    /// <summary>Writes a document as indented JSON text.</summary>
    public string Write(TDocument document) => JsonSerializer.Serialize(document, contract);

    /// <summary>Writes a document as indented UTF-8 JSON to a stream, which is left open; the caller checks the arguments.</summary>
    public void Write(TDocument document, Stream utf8Json) => JsonSerializer.Serialize(utf8Json, document, contract);

    /// <summary>Writes a document to a writer, whose own options decide the indentation; the caller checks the arguments.</summary>
    public void Write(TDocument document, Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, document, contract);
}
