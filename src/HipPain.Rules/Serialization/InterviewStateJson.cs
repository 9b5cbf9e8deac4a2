using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads and writes interview states as JSON (format version 1; the schema is <see cref="JsonSchemas.InterviewState"/>):
/// <c>{ "formatVersion": 1, "knowledgeBase": { "id", "version", "hash" }, "audience": "patient", "startingObservations": 2, "case": { ...case format... } }</c>.
/// A stateless server sends it with every interview step and reads it back with the answer; <see cref="Interviewer.Resume"/>
/// checks it by replaying the interview.
/// </summary>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class InterviewStateJson
{
    /// <summary>The interview-state format: read by <see cref="JsonDocumentReader"/>, mapped by <see cref="ToState"/>
    /// (which reads the nested case with the caller's limits).</summary>
    internal static JsonFormat<InterviewStateDocument, InterviewState> Format { get; } =
        new("interview-state", "an interview-state object", RulesJson.InterviewStateDocument, ToState);

    /// <summary>Reads an interview state from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="InterviewStateException">A value is missing or unknown (HPJ004, HPJ005, and the case's own codes at <c>$.case...</c>); lists every problem.</exception>
    public static InterviewState Read(string json) => Read(json, null);

    /// <summary>Reads an interview state from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="InterviewStateException">A value is missing or unknown; lists every problem.</exception>
    public static InterviewState Read(string json, JsonReadOptions? options) =>
        Format.Read(json, options);

    /// <summary>Reads an interview state from a JSON element, for example one property of a request body, with the default limits.</summary>
    /// <param name="element">The element: the state object.</param>
    /// <returns>The state.</returns>
    /// <exception cref="RulesJsonException">The element cannot be read as a state (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="InterviewStateException">A value is missing or unknown; lists every problem.</exception>
    public static InterviewState Read(JsonElement element) => Read(element, null);

    /// <summary>Reads an interview state from a JSON element, for example one property of a request body.</summary>
    /// <param name="element">The element: the state object.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The element cannot be read as a state (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="InterviewStateException">A value is missing or unknown; lists every problem.</exception>
    public static InterviewState Read(JsonElement element, JsonReadOptions? options) =>
        Format.Read(element, options);

    /// <summary>Writes an interview state as compact JSON text (it travels with every step).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public static string Write(InterviewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(state, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes an interview state to a writer, for example inside an interview-step document.</summary>
    /// <param name="state">The state.</param>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(InterviewState state, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("formatVersion", JsonDocumentReader.FormatVersion);
        writer.WriteStartObject("knowledgeBase");
        writer.WriteString("id", state.KnowledgeBaseId);
        writer.WriteString("version", state.KnowledgeBaseVersion);
        writer.WriteString("hash", state.KnowledgeBaseHash);
        writer.WriteEndObject();
        writer.WriteString("audience", JsonEnum<InterviewAudience>.Name(state.Audience));
        writer.WriteNumber("startingObservations", state.StartingObservationCount);
        writer.WritePropertyName("case");
        CaseJson.Write(state.Case, writer);
        writer.WriteEndObject();
    }

    private static InterviewState ToState(InterviewStateDocument document, JsonReadOptions? options)
    {
        var mapper = new DocumentMapper();
        var stamp = document.KnowledgeBase;
        if (stamp is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, "$.knowledgeBase", "The state names no knowledge base; give { \"id\", \"version\", \"hash\" }.");
        }
        else
        {
            Required(mapper, stamp.Id, "$.knowledgeBase.id");
            Required(mapper, stamp.Version, "$.knowledgeBase.version");
            Required(mapper, stamp.Hash, "$.knowledgeBase.hash");
        }

        var audience = mapper.Required(document.Audience, "$.audience", InterviewAudience.Clinician);
        if (document.StartingObservations is null)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, "$.startingObservations", "The number is required.");
        }

        Model.PatientCase? patientCase = null;
        if (document.Case is not { ValueKind: JsonValueKind.Object } element)
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, "$.case", "The state has no case object.");
        }
        else
        {
            try
            {
                patientCase = CaseJson.Read(element, options);
            }
            catch (ValidationException ex) when (ex is CaseValidationException or RulesJsonException)
            {
                foreach (var problem in ex.Problems)
                {
                    mapper.Add(problem.Code, "$.case" + problem.Path.TrimStart('$'), problem.Message);
                }
            }
        }

        if (mapper.Problems.Count > 0)
        {
            throw new InterviewStateException(mapper.Problems);
        }

        return new InterviewState(stamp!.Id!, stamp.Version!, stamp.Hash!, audience, patientCase!, document.StartingObservations!.Value);
    }

    private static void Required(DocumentMapper mapper, string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            mapper.Add(ErrorCodes.JsonMissingProperty, path, "The text is required.");
        }
    }
}
