using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Writes and reads interview steps in the format <c>interview-step</c>, format version 1 (the schema is
/// <see cref="JsonSchemas.InterviewStep"/>): the audience, the counts, whether the interview has finished and why, the
/// next question in the audience's words, the <c>state</c> to send back with the answer, and the result so far in the
/// result format. See <c>docs/results.md</c>.
/// </summary>
/// <threadsafety>Thread-safe: all members are static and keep no state.</threadsafety>
public static class InterviewStepJson
{
    /// <summary>The value of the document's <c>format</c> property.</summary>
    public const string FormatName = "interview-step";

    /// <summary>Writes a step as JSON text, in the knowledge base's own wording.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is null.</exception>
    public static string Write(InterviewStep step) => Write(step, (ResultJsonOptions?)null);

    /// <summary>Writes a step as JSON text.</summary>
    /// <param name="step">The step.</param>
    /// <param name="options">Language, explanation and indentation of the result; null for the defaults.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is null.</exception>
    public static string Write(InterviewStep step, ResultJsonOptions? options)
    {
        ArgumentNullException.ThrowIfNull(step);
        options ??= ResultJsonOptions.Default;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, TriageResultJson.WriterOptions(options)))
        {
            Write(step, writer, options);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a step to a writer.</summary>
    /// <param name="step">The step.</param>
    /// <param name="writer">The writer; its options decide the indentation.</param>
    /// <param name="options">Language and explanation of the result; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(InterviewStep step, Utf8JsonWriter writer, ResultJsonOptions? options)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= ResultJsonOptions.Default;
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("formatVersion", 1);
        writer.WriteString("audience", JsonEnum<InterviewAudience>.Name(step.Audience));
        writer.WriteNumber("questionsAsked", step.QuestionsAsked);
        writer.WriteNumber("redFlagQuestionsAsked", step.RedFlagQuestionsAsked);
        writer.WriteBoolean("finished", step.IsFinished);
        writer.WriteString("stopReason", JsonEnum<InterviewStopReason>.Name(step.StopReason));
        writer.WriteString("explanation", step.Explanation);
        if (step.NextQuestion is { } question)
        {
            var finding = question.Finding;
            var key = step.Audience == InterviewAudience.Patient
                ? Model.TextKey.FindingPatientQuestion(finding.Id)
                : Model.TextKey.FindingQuestion(finding.Id);
            writer.WriteStartObject("next");
            writer.WriteString("finding", finding.Id);
            writer.WriteString("kind", JsonEnum<Model.FindingKind>.Name(finding.Kind));
            writer.WriteString("question", options.Text?.Get(key) ?? question.Wording);
            writer.WriteBoolean("redFlagQuestion", question.IsRedFlagQuestion);
            writer.WriteStartArray("redFlags");
            foreach (var flag in question.RedFlags)
            {
                writer.WriteStringValue(flag.Id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("next");
        }

        writer.WritePropertyName("state");
        InterviewStateJson.Write(step.State, writer);
        writer.WritePropertyName("result");
        TriageResultJson.Write(step.Result, writer, options);
        writer.WriteEndObject();
    }

    /// <summary>Reads a step document and resumes it on an interviewer from its <c>state</c> (the counts are derived, never read).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="interviewer">The interviewer to resume on.</param>
    /// <returns>The resumed step.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RulesJsonException">The text is not a step document of format version 1 (HPJ001, HPJ002, HPJ003).</exception>
    /// <exception cref="InterviewStateException">The state does not fit the interviewer (HPI codes) or has missing or unknown values.</exception>
    /// <exception cref="CaseValidationException">The state's case has problems against the knowledge base.</exception>
    public static InterviewStep Read(string json, Interviewer interviewer)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(interviewer);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonReadOptions.DefaultMaximumDepth });
        }
        catch (JsonException ex)
        {
            throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The step is not well-formed JSON: {ex.Message}", "$", ex.LineNumber + 1, ex.BytePositionInLine + 1, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                throw new RulesJsonException(ErrorCodes.JsonMalformed, $"The document is not an interview step: it needs \"format\": \"{FormatName}\".", "$.format", null, null);
            }

            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
            {
                throw new RulesJsonException(ErrorCodes.JsonUnsupportedFormatVersion, "This version of HipPain.Rules reads interview-step documents of formatVersion 1 only.", "$.formatVersion", null, null);
            }

            if (!root.TryGetProperty("state", out var state))
            {
                throw new RulesJsonException(ErrorCodes.JsonMalformed, "The step has no state.", "$.state", null, null);
            }

            return interviewer.Resume(InterviewStateJson.Read(state));
        }
    }
}
