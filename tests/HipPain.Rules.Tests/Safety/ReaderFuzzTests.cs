using System.Globalization;
using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Safety.Fuzzing;

namespace HipPain.Rules.Tests.Safety;

/// <summary>
/// Fuzzes the JSON readers on every CI run (issue 17): thousands of malformed variants of valid documents through
/// the string and stream APIs (and, for cases, a <see cref="JsonElement"/> and a <see cref="Utf8JsonReader"/>).
/// Each read may only succeed or throw a documented exception with a code; a read that succeeds must write back to
/// an equivalent document (nothing silently dropped) that reads back the same; and each read stays within a time
/// and an allocation bound. The DI path is fuzzed in the DI tests. See docs/safety/fuzzing.md.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    /// <summary>Inputs per reader on one CI run; with the DI tests' inputs, 12,000 in all.</summary>
    public const int KnowledgeBaseInputs = 3_500;

    public const int OverlayInputs = 2_500;

    public const int CaseInputs = 2_500;

    public const int TextPackInputs = 500;

    public const int TriageResultInputs = 1_000;

    public const int InterviewStateInputs = 1_000;

    private static readonly TriageEngine SmallEngine = new(FuzzSeeds.Small);

    [Fact]
    public void Fuzz_KnowledgeBaseReader_OnlyDocumentedExceptionsAndNothingSilentlyDropped()
    {
        var run = new FuzzRun("knowledge base");
        foreach (var input in run.Inputs(FuzzSettings.Count(KnowledgeBaseInputs), FuzzSeeds.KnowledgeBase, JsonMutator.GroupsAndGraded))
        {
            var viaStream = input.Index % 2 == 1;
            run.Check(
                input,
                viaStream ? "stream" : "string",
                () => viaStream ? KnowledgeBaseJson.Read(input.Stream()) : KnowledgeBaseJson.Read(input.Text),
                knowledgeBase =>
                {
                    var written = KnowledgeBaseJson.Write(knowledgeBase);
                    return KnowledgeBaseJson.Read(written).ContentHash != knowledgeBase.ContentHash
                        ? "the written document reads back with another content hash"
                        : Difference(DocumentEquivalence.Format.KnowledgeBase, input, viaStream, written);
                });
        }

        Finish(run);
    }

    [Fact]
    public void Fuzz_OverlayReader_OnlyDocumentedExceptionsAndNothingSilentlyDropped()
    {
        var run = new FuzzRun("overlay");
        foreach (var input in run.Inputs(FuzzSettings.Count(OverlayInputs), FuzzSeeds.Overlay, JsonMutator.GroupsAndGraded))
        {
            var viaStream = input.Index % 2 == 1;
            run.Check(
                input,
                viaStream ? "stream" : "string",
                () => viaStream ? OverlayJson.Read(input.Stream()) : OverlayJson.Read(input.Text),
                overlay =>
                {
                    var written = OverlayJson.Write(overlay);
                    if (OverlayJson.Write(OverlayJson.Read(written)) != written)
                    {
                        return "the written document does not write back the same";
                    }

                    // Applying it may fail, but only with the documented exception, every problem with a code.
                    try
                    {
                        overlay.ApplyTo(FuzzSeeds.Small);
                        run.Tally("applied");
                    }
                    catch (HipPain.Rules.Validation.KnowledgeBaseValidationException ex) when (FuzzRun.Documented(ex) is { } outcome)
                    {
                        run.Tally("not applied: " + outcome);
                    }

                    return Difference(DocumentEquivalence.Format.Overlay, input, viaStream, written);
                });
        }

        Finish(run);
    }

    [Fact]
    public void Fuzz_CaseReader_OnlyDocumentedExceptionsAndNothingSilentlyDropped()
    {
        var run = new FuzzRun("case");
        foreach (var input in run.Inputs(FuzzSettings.Count(CaseInputs), FuzzSeeds.Case))
        {
            var api = (input.Index % 4) switch { 0 => "string", 1 => "stream", 2 => "JsonElement", _ => "Utf8JsonReader" };
            if (api == "JsonElement" && !IsWholeDocument(input.Bytes))
            {
                api = "stream"; // only a well-formed document gives an element
            }

            run.Check(
                input,
                api,
                () => api switch
                {
                    "string" => CaseJson.Read(input.Text),
                    "stream" => CaseJson.Read(input.Stream()),
                    "JsonElement" => ReadElement(input.Bytes),
                    _ => ReadReader(input.Bytes),
                },
                patientCase =>
                {
                    var written = CaseJson.Write(patientCase);
                    var copy = CaseJson.Read(written);
                    if (!copy.Observations.SequenceEqual(patientCase.Observations) || (copy.Age, copy.Sex, copy.Label) != (patientCase.Age, patientCase.Sex, patientCase.Label))
                    {
                        return "the written document reads back as another case";
                    }

                    // Validating it against a base never throws: every problem is listed.
                    run.Tally(SmallEngine.Validate(patientCase).IsEmpty ? "valid for the seed base" : "invalid for the seed base");
                    return api is "JsonElement" or "Utf8JsonReader" && !IsWholeDocument(input.Bytes)
                        ? null
                        : Difference(DocumentEquivalence.Format.Case, input, api != "string", written);
                });
        }

        Finish(run);
    }

    [Fact]
    public void Fuzz_TextPackReader_OnlyDocumentedExceptions()
    {
        var run = new FuzzRun("text pack");
        foreach (var input in run.Inputs(FuzzSettings.Count(TextPackInputs), FuzzSeeds.TextPack))
        {
            var viaStream = input.Index % 2 == 1;
            run.Check(
                input,
                viaStream ? "stream" : "string",
                () => viaStream ? TextPackJson.Read(input.Stream()) : TextPackJson.Read(input.Text),
                pack =>
                {
                    var written = TextPackJson.Write(pack);
                    return TextPackJson.Read(written).ContentHash != pack.ContentHash ? "the written document reads back with another content hash" : null;
                });
        }

        Finish(run);
    }

    [Fact]
    public void Fuzz_TriageResultReader_OnlyDocumentedExceptionsAndNothingUnverified()
    {
        // The reader replays the document's case and verifies the document against the replay; it returns the
        // replay. So a read that succeeds must mean the document says what the replay says: written again, the
        // replay gives an equivalent document (the seeds are written with the default options), apart from what the
        // reader documents it cannot verify (the engine version; the words of a result in another text pack).
        // Problems found after parsing (no format, no case) have a path but no line: the API is named for that.
        var run = new FuzzRun("triage result");
        foreach (var input in run.Inputs(FuzzSettings.Count(TriageResultInputs), FuzzSeeds.TriageResult))
        {
            run.Check(
                input,
                "string, replayed",
                () => TriageResultJson.Read(input.Text, SmallEngine),
                replay => Difference(DocumentEquivalence.Format.TriageResult, input, viaStream: false, TriageResultJson.Write(replay)));
        }

        Finish(run);
    }

    [Fact]
    public void Fuzz_InterviewStateReader_OnlyDocumentedExceptionsAndNothingSilentlyDropped()
    {
        var run = new FuzzRun("interview state");
        var interviewers = new[] { InterviewAudience.Clinician, InterviewAudience.Patient }
            .ToDictionary(a => a, a => new Interviewer(SmallEngine, new InterviewOptions { Audience = a }));
        foreach (var input in run.Inputs(FuzzSettings.Count(InterviewStateInputs), FuzzSeeds.InterviewState))
        {
            var api = input.Index % 2 == 0 || !IsWholeDocument(input.Bytes) ? "string" : "JsonElement";
            run.Check(
                input,
                api,
                () => api == "string" ? InterviewStateJson.Read(input.Text) : ReadStateElement(input.Bytes),
                state =>
                {
                    var written = InterviewStateJson.Write(state);
                    if (InterviewStateJson.Write(InterviewStateJson.Read(written)) != written)
                    {
                        return "the written document does not write back the same";
                    }

                    // Resuming may refuse the state, but only with a documented exception.
                    try
                    {
                        interviewers[state.Audience].Resume(state);
                        run.Tally("resumed");
                    }
                    catch (HipPain.Rules.Validation.ValidationException ex) when (FuzzRun.Documented(ex) is { } outcome)
                    {
                        run.Tally("not resumed: " + outcome);
                    }

                    return Difference(DocumentEquivalence.Format.InterviewState, input, api != "string", written);
                });
        }

        Finish(run);
    }

    private static InterviewState ReadStateElement(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return InterviewStateJson.Read(document.RootElement);
    }

    private static PatientCase ReadElement(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return CaseJson.Read(document.RootElement);
    }

    private static PatientCase ReadReader(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        return CaseJson.Read(ref reader);
    }

    /// <summary>Whether the bytes are one JSON value: an element or a reader reads only the first value of a longer text.</summary>
    private static bool IsWholeDocument(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Difference(DocumentEquivalence.Format format, FuzzInput input, bool viaStream, string written)
    {
        try
        {
            return (viaStream
                ? DocumentEquivalence.Difference(format, input.Bytes, written)
                : DocumentEquivalence.Difference(format, input.Text, written)) is { } difference
                ? "content silently changed: " + difference
                : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return $"the document was read, but the test could not compare it: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private void Finish(FuzzRun run)
    {
        output.WriteLine(run.Report());
        Assert.True(run.Failures.Count == 0, run.Report());
        Assert.True(run.Count >= FuzzSettings.Count(500), string.Create(CultureInfo.InvariantCulture, $"only {run.Count} inputs"));
    }
}
