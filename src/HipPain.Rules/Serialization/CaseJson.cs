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
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class CaseJson
{
    private const string Format = "case";

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
        ToCase(JsonDocumentReader.Read(json, RulesJsonContext.Default.CaseDocument, options, Format));

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
        ToCase(JsonDocumentReader.Read(utf8Json, RulesJsonContext.Default.CaseDocument, options, Format));

    /// <summary>Writes a case as indented JSON text.</summary>
    /// <param name="patientCase">The case.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The case's sex or an observation's state is not a defined value.</exception>
    public static string Write(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        return System.Text.Json.JsonSerializer.Serialize(DocumentWriter.Case(patientCase), RulesJsonContext.Default.CaseDocument);
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
