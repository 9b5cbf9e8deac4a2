using System.Globalization;
using System.Text.Json;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Reads and writes patient cases as JSON (format version 1; the schema is <see cref="JsonSchemas.Case"/>):
/// <c>{ "formatVersion": 1, "age": 34, "sex": "female", "observations": [ { "findingId": "loc.lateral-hip", "state": "present" } ] }</c>.
/// Reading checks the JSON only; whether the finding codes exist is checked by <c>TriageEngine.Validate</c>
/// against a knowledge base.
/// </summary>
/// <remarks>
/// A case can be read from text, a UTF-8 stream, a <see cref="JsonElement"/> or a <see cref="Utf8JsonReader"/>
/// positioned on it, so that a case nested in a larger request body reads the same way. Every way in applies the
/// same checks and limits and reports the same codes, with paths relative to the case object. System.Text.Json
/// binds <see cref="PatientCase"/> in this format through <see cref="PatientCaseJsonConverter"/>.
/// </remarks>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class CaseJson
{
    /// <summary>The case format: read by <see cref="JsonDocumentReader"/>, mapped by <see cref="ToCase"/>.</summary>
    internal static JsonFormat<CaseDocument, PatientCase> Format { get; } =
        new("case", "a case object", RulesJson.CaseDocument, (document, _) => ToCase(document));

    /// <summary>Reads a case from JSON text with the default limits.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(string json) => Read(json, null);

    /// <summary>Reads a case from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(string json, JsonReadOptions? options) =>
        Format.Read(json, options);

    /// <summary>Reads a case from a UTF-8 JSON stream with the default limits; the stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(Stream utf8Json) => Read(utf8Json, null);

    /// <summary>Reads a case from a UTF-8 JSON stream, which is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The document cannot be read (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(Stream utf8Json, JsonReadOptions? options) =>
        Format.Read(utf8Json, options);

    /// <summary>Reads a case from a JSON element, for example one property of a larger request body, with the default limits.</summary>
    /// <param name="element">The element: the case object.</param>
    /// <returns>The case.</returns>
    /// <exception cref="RulesJsonException">The element cannot be read as a case (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(JsonElement element) => Read(element, null);

    /// <summary>Reads a case from a JSON element, for example one property of a larger request body.</summary>
    /// <param name="element">The element: the case object. Paths in problems are relative to it (<c>$</c> is the case object).</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The element cannot be read as a case (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(JsonElement element, JsonReadOptions? options) =>
        Format.Read(element, options);

    /// <summary>
    /// Reads a case with the default limits from a reader positioned on the case object (or before it, at the start of
    /// a document), and leaves the reader on the object's last token, as a <see cref="System.Text.Json.Serialization.JsonConverter"/> must.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The case.</returns>
    /// <exception cref="RulesJsonException">The value cannot be read as a case (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(ref Utf8JsonReader reader) => Read(ref reader, null);

    /// <summary>
    /// Reads a case from a reader positioned on the case object (or before it, at the start of a document), and
    /// leaves the reader on the object's last token, as a <see cref="System.Text.Json.Serialization.JsonConverter"/> must.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">Size and depth limits; null for the defaults.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its allowed range.</exception>
    /// <exception cref="RulesJsonException">The value cannot be read as a case (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="CaseValidationException">A value is missing or unknown (HPJ004, HPJ005); the exception lists every problem.</exception>
    public static PatientCase Read(ref Utf8JsonReader reader, JsonReadOptions? options) => Format.Read(ref reader, options);

    /// <summary>Writes a case in the case format (version 1) to a writer, for example from a <see cref="System.Text.Json.Serialization.JsonConverter"/>.</summary>
    /// <param name="patientCase">The case.</param>
    /// <param name="writer">The writer; its own options decide the indentation.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An observation has no finding code (a null <see cref="Observation.FindingId"/>, as in <c>default(Observation)</c>): the format needs one, so the document could not be read back.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The case's sex or an observation's state is not a defined value.</exception>
    public static void Write(PatientCase patientCase, Utf8JsonWriter writer)
    {
        EnsureWritable(patientCase);
        ArgumentNullException.ThrowIfNull(writer);
        Format.Write(DocumentWriter.Case(patientCase), writer);
    }

    /// <summary>Writes a case as indented JSON text.</summary>
    /// <param name="patientCase">The case.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="ArgumentException">An observation has no finding code (a null <see cref="Observation.FindingId"/>, as in <c>default(Observation)</c>): the format needs one, so the document could not be read back.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The case's sex or an observation's state is not a defined value.</exception>
    public static string Write(PatientCase patientCase)
    {
        EnsureWritable(patientCase);
        return Format.Write(DocumentWriter.Case(patientCase));
    }

    private static void EnsureWritable(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        for (var i = 0; i < patientCase.Observations.Length; i++)
        {
            if (patientCase.Observations[i].FindingId is null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Observation {i} has no finding code (its FindingId is null); a case document needs one for every observation."),
                    nameof(patientCase));
            }
        }
    }

    private static PatientCase ToCase(CaseDocument document)
    {
        var mapper = new DocumentMapper();
        var sex = mapper.Optional(document.Sex, "$.sex", Sex.Unspecified);
        var observations = new List<Observation>();
        mapper.Each(document.Observations, "$.observations", (observation, path) =>
        {
            if (observation.FindingId is null)
            {
                mapper.Add(ErrorCodes.JsonMissingProperty, path + ".findingId", "The observation has no findingId.");
            }

            var state = mapper.Required(observation.State, path + ".state", FindingState.Unknown);
            observations.Add(new Observation(observation.FindingId ?? string.Empty, state));
        });

        if (mapper.Problems.Count > 0)
        {
            throw new CaseValidationException(mapper.Problems);
        }

        return new PatientCase(document.Age, sex, observations, document.Label);
    }
}
