using System.Text;
using System.Text.Json.Nodes;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Safety.Fuzzing;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Regression tests for the defects the triage-result and interview-state fuzzers found (issue 17), one per defect,
/// each named after it; every one failed before its fix.
/// </summary>
public sealed class ResultAndStateReaderDefectTests
{
    private static readonly TriageEngine Engine = new(FuzzSeeds.Small);

    /// <summary>A result that fires the seed base's red flag: female, finding e present.</summary>
    private static string FiredResult() =>
        TriageResultJson.Write(Engine.Triage(PatientCase.Create(52, Sex.Female, Observation.Present("e"), Observation.Absent("a"), Observation.Present("b"))));

    private static string Edited(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    [Fact]
    public void ReadState_InvalidUtf8InAnElement_HPJ001NotInvalidOperation()
    {
        // JsonElement.GetRawText() threw InvalidOperationException ("Cannot transcode invalid UTF-8 JSON text").
        var bytes = Encoding.UTF8.GetBytes("{\"formatVersion\":1,\"audience\":\"clinician\",\"x\":\"ab?\"}");
        bytes[Array.LastIndexOf(bytes, (byte)'?')] = 0xC3;
        using var document = System.Text.Json.JsonDocument.Parse(bytes);

        var ex = Assert.Throws<RulesJsonException>(() => InterviewStateJson.Read(document.RootElement));

        Assert.Equal("HPJ001 at $.x (line 1, byte 50): The string is not valid UTF-8: byte 0xC3 starts a character that is cut short.", ex.Message);
    }

    [Fact]
    public void ReadResult_LoneSurrogateCharacter_HPJ001NotArgumentException()
    {
        // JsonDocument.Parse(string) threw ArgumentException ("Cannot transcode invalid UTF-16 string").
        var json = FiredResult().Replace("\"format\":\"triage-result\"", "\"format\":\"triage-result\",\"x\":\"\ud800\"", StringComparison.Ordinal);

        var ex = Assert.Throws<RulesJsonException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal(("$.x", 1L), (ex.JsonPath, ex.LineNumber!.Value));
        Assert.Contains("unpaired surrogate (U+D800)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResult_UnpairedSurrogateEscape_HPJ001NotInvalidOperation()
    {
        // The stamp check called JsonElement.GetString(), which threw InvalidOperationException on "\ud800\u0041".
        var json = FiredResult().Replace("\"id\":\"fuzz-base\"", "\"id\":\"\\ud800\\u0041fuzz-base\"", StringComparison.Ordinal);

        var ex = Assert.Throws<RulesJsonException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal(("HPJ001", "$.knowledgeBase.id"), (ex.Code, ex.JsonPath));
    }

    [Fact]
    public void ReadResult_DuplicateProperty_HPJ001NotTheLastOneSilentlyVerified()
    {
        // A property written twice: a client may show the first value while the check read the last.
        var json = FiredResult().Replace("\"urgency\":{\"settled\":\"urgent\"", "\"urgency\":{\"settled\":\"routine\",\"settled\":\"urgent\"", StringComparison.Ordinal);

        var ex = Assert.Throws<RulesJsonException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal(("HPJ001", "$.urgency.settled"), (ex.Code, ex.JsonPath));
        Assert.Contains("Duplicate property 'settled'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResult_FiredRedFlagRemoved_HPR002NotVerified()
    {
        // Only the settled urgency and the ranking were checked: a result whose fired red flag (and its action) was
        // removed, or whose running advice was changed, verified as the replay's.
        var json = FiredResult();
        Assert.Contains("\"fired\":[{", json, StringComparison.Ordinal);
        var withoutFlag = Edited(json, root => root["urgency"]!["fired"] = new JsonArray());
        var advice = Edited(json, root => root["plan"]!["running"]!["restriction"] = "continueAsTolerated");

        var flag = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(withoutFlag, Engine));
        var running = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(advice, Engine));

        Assert.Equal(["HPR002 at $.urgency.fired: The replay has 1 items here; the document has 0."], flag.Problems.Select(p => p.ToString()));
        Assert.Equal(["HPR002 at $.plan.running.restriction: The document has \"continueAsTolerated\"; the replay has \"stopRunning\"."], running.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ReadResult_ActionReworded_HPR002InTheBasesOwnWording()
    {
        var json = Edited(FiredResult(), root => root["urgency"]!["fired"]![0]!["action"] = "Rest and see.");

        var ex = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal(["HPR002 at $.urgency.fired[0].action: The document has \"Rest and see.\"; the replay has \"Image within days.\"."], ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ReadResult_TextStampReplacedByAnArray_HPR002NotWordsSkipped()
    {
        // Found by the fuzzer: a "text" that is not a text stamp made the words unverifiable and was itself skipped.
        var json = Edited(FiredResult(), root =>
        {
            root["text"] = new JsonArray(1, 2);
            root["urgency"]!["fired"]![0]!["action"] = "Rest and see.";
        });

        var ex = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal(["HPR002 at $.text", "HPR002 at $.urgency.fired[0].action"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void ReadResult_PropertyAdded_HPR002()
    {
        var json = Edited(FiredResult(), root => root["plan"]!["extra"] = 1);

        var ex = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal(["HPR002 at $.plan.extra"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void ReadResult_ProbabilityBeyondDouble_HPJ001NotFormatException()
    {
        // JsonElement.GetDouble() threw FormatException on 1e400. Every reader now rejects a number beyond the range of
        // a double while scanning the text, like the other malformed input (HPJ001 at its path).
        var json = Edited(FiredResult(), root => root["differential"]![0]!["probability"] = JsonNode.Parse("1e400"));

        var ex = Assert.Throws<RulesJsonException>(() => TriageResultJson.Read(json, Engine));

        Assert.Equal((ErrorCodes.JsonMalformed, "$.differential[0].probability"), (ex.Code, ex.JsonPath));
    }

    [Fact]
    public void ReadResult_ExplainAllCausesAndIncludeText_VerifiedAgainstTheSameOptions()
    {
        var result = Engine.Triage(PatientCase.Create(30, Sex.Male, Observation.Present("a")));
        var json = TriageResultJson.Write(result, new ResultJsonOptions { ExplainAllCauses = true, IncludeText = true });

        var replay = TriageResultJson.Read(json, Engine);

        Assert.Equal(json, TriageResultJson.Write(replay, new ResultJsonOptions { ExplainAllCauses = true, IncludeText = true }));
        var renamed = Edited(json, root => root["differential"]![0]!["name"] = "Renamed");
        Assert.Equal(["HPR002 at $.differential[0].name"], Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(renamed, Engine)).Problems.Select(p => $"{p.Code} at {p.Path}"));
    }
}
