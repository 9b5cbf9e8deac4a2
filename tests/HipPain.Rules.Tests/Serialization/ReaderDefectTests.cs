using System.Text.Json.Nodes;
using System.Text;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Regression tests for the reader defects of issue 17, one per defect, each named after it. Every one failed
/// before its fix: an undocumented exception escaped, content was silently dropped, or a message lacked its
/// location.
/// </summary>
public sealed class ReaderDefectTests
{
    private static byte[] Bytes(string ascii, params (char Marker, byte Value)[] replacements)
    {
        var bytes = Encoding.ASCII.GetBytes(ascii);
        foreach (var (marker, value) in replacements)
        {
            bytes[Array.IndexOf(bytes, (byte)marker)] = value;
        }

        return bytes;
    }

    [Theory]
    [InlineData("""{"\ud800":1}""", "The property name is not valid Unicode: \\ud800 is a high surrogate escape with no low surrogate escape after it.", 3)]
    [InlineData("""{"\udc00":1}""", "The property name is not valid Unicode: \\udc00 is a low surrogate escape with no high surrogate escape before it.", 3)]
    [InlineData("""{"ab\ud800x":1}""", "The property name is not valid Unicode: \\ud800 is a high surrogate escape with no low surrogate escape after it.", 5)]
    public void Read_UnpairedSurrogateEscapeInPropertyName_HPJ001NotInvalidOperation(string json, string message, int position)
    {
        foreach (var read in new Action[] { () => KnowledgeBaseJson.Read(json), () => OverlayJson.Read(json), () => CaseJson.Read(json) })
        {
            var ex = Assert.Throws<RulesJsonException>(read);

            Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
            Assert.Equal(("$", 1L, (long)position), (ex.JsonPath, ex.LineNumber!.Value, ex.BytePositionInLine!.Value));
            Assert.EndsWith(": " + message, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_UnpairedSurrogateEscapeInFormatVersion_HPJ001NotInvalidOperation()
    {
        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read("{\n  \"formatVersion\": \"\\ud800\"\n}"));

        Assert.Equal(
            "HPJ001 at $.formatVersion (line 2, byte 21): The string is not valid Unicode: \\ud800 is a high surrogate escape with no low surrogate escape after it.",
            ex.Message);
    }

    [Fact]
    public void Read_UnpairedSurrogateEscapeInStringValue_HPJ001SaysInvalidUnicodeNotWrongType()
    {
        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read("""{"formatVersion":1,"id":"\udc00"}"""));

        Assert.Equal(
            "HPJ001 at $.id (line 1, byte 26): The string is not valid Unicode: \\udc00 is a low surrogate escape with no high surrogate escape before it.",
            ex.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InPropertyNameThroughStream_HPJ001NotInvalidOperation()
    {
        using var stream = new MemoryStream(Bytes("{\"?\":", ('?', 0xFE)));

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(stream));

        Assert.Equal("HPJ001 at $ (line 1, byte 3): The property name is not valid UTF-8: byte 0xFE cannot appear in UTF-8 text.", ex.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InStringValueThroughStream_HPJ001SaysInvalidUtf8NotWrongType()
    {
        using var stream = new MemoryStream(Bytes("{\"formatVersion\":1,\"label\":\"ab?\"}", ('?', 0xC3)));

        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(stream));

        Assert.Equal("HPJ001 at $.label (line 1, byte 31): The string is not valid UTF-8: byte 0xC3 starts a character that is cut short.", ex.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InACaseElementOrReader_HPJ001NotInvalidOperation()
    {
        // Found by the fuzzer (Fuzz_CaseReader_...): JsonElement.GetRawText() threw InvalidOperationException.
        var bytes = Bytes("{\"formatVersion\":1,\"label\":\"ab?\"}", ('?', 0xC3));
        using var document = System.Text.Json.JsonDocument.Parse(bytes);

        var fromElement = Assert.Throws<RulesJsonException>(() => CaseJson.Read(document.RootElement));
        var fromReader = Assert.Throws<RulesJsonException>(() =>
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes);
            return CaseJson.Read(ref reader);
        });

        const string expected = "HPJ001 at $.label (line 1, byte 31): The string is not valid UTF-8: byte 0xC3 starts a character that is cut short.";
        Assert.Equal((expected, expected), (fromElement.Message, fromReader.Message));
    }

    [Fact]
    public void Read_LoneSurrogateCharacterInString_HPJ001NotSilentlyReplaced()
    {
        var json = "{\"formatVersion\":1,\n\"label\":\"a\ud800b\"}";

        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(json));

        Assert.Equal(
            "HPJ001 at $.label (line 2, byte 11): The text has an unpaired surrogate (U+D800) at character 31; it cannot be encoded as UTF-8.",
            ex.Message);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void ReadOverlay_NumberBeyondDouble_HPJ001NotInfinityThatCannotBeWrittenBack(string number)
    {
        // Found by the overlay fuzzer: 1e400 read as infinity, so the overlay was accepted and writing it back threw
        // ArgumentException from System.Text.Json.
        var json = "{\"formatVersion\":1,\"id\":\"o\",\"version\":\"1\",\n\"addCauses\":[{\"id\":\"c\",\"prior\":" + number + "}]}";

        var ex = Assert.Throws<RulesJsonException>(() => OverlayJson.Read(json));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.addCauses[0].prior", ex.JsonPath);
        Assert.Equal(2, ex.LineNumber);
        Assert.EndsWith($": The number {number} is outside the range of a double; numbers must be finite.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateProperty_HPJ001NotLastOneWins()
    {
        var json = SampleJson();
        var text = json.ToJsonString().Replace("\"positive\":3,", "\"positive\":0,\"positive\":3,", StringComparison.Ordinal);

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(text));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.causes[0].rules[0].ratio.positive", ex.JsonPath);
        Assert.EndsWith(": Duplicate property 'positive': a property may appear only once in an object.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"formatVersion":1,"formatVersion":1}""", "$.formatVersion", 20)]
    [InlineData("""{"formatVersion":1,"age":3,"observations":[{"findingId":"a","state":"present","findingId":"b"}]}""", "$.observations[0].findingId", 79)]
    public void Read_DuplicatePropertyInCase_HPJ001AtTheSecondName(string json, string path, long position)
    {
        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(json));

        Assert.Equal((ErrorCodes.JsonMalformed, path, 1L, position), (ex.Code, ex.JsonPath, ex.LineNumber!.Value, ex.BytePositionInLine!.Value));
    }

    [Fact]
    public void Read_CausePropertyOnAPackRule_HPJ001UnknownPropertyNotIgnored()
    {
        var json = SampleJson();
        json["causes"]![0]!["rules"]![0]!.AsObject().Add("cause", "no-such-cause");

        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.causes[0].rules[0].cause", ex.JsonPath);
        Assert.EndsWith(": Unknown property 'cause': the knowledge-base format (version 1) has no such property here.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CausePropertyOnARuleOfAnAddedCause_HPJ001UnknownPropertyNotIgnored()
    {
        var cause = SampleJson()["causes"]![0]!.DeepClone().AsObject();
        cause["id"] = "new-cause";
        cause["rules"]![0]!["id"] = "new-cause/rule";
        cause["rules"]![0]!.AsObject().Add("cause", "gtps");
        var overlay = new JsonObject { ["formatVersion"] = 1, ["id"] = "o", ["version"] = "1", ["addCauses"] = new JsonArray(cause) };

        var ex = Assert.Throws<RulesJsonException>(() => OverlayJson.Read(overlay.ToJsonString()));

        Assert.Equal("$.addCauses[0].rules[0].cause", ex.JsonPath);
        Assert.EndsWith(": Unknown property 'cause': the overlay format (version 1) has no such property here.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StringOverMaxBytes_HPJ003WithPathLineAndByte()
    {
        const string json = "{\"formatVersion\":1,\n\"label\":\"abcdef\"}";

        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(json, new JsonReadOptions { MaximumBytes = 30 }));

        Assert.Equal("HPJ003 at $.label (line 2, byte 11): The case document is 37 bytes; the limit MaximumBytes is 30.", ex.Message);
    }

    [Fact]
    public void Read_StreamOverMaxBytes_HPJ003WithPathLineAndByte()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"formatVersion\":1,\n\"observations\":[{\"findingId\":\"a\"}]}"));

        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(stream, new JsonReadOptions { MaximumBytes = 50 }));

        Assert.Equal("HPJ003 at $.observations[0].findingId (line 2, byte 31): The case document is more than 50 bytes; the limit MaximumBytes is 50.", ex.Message);
    }

    [Fact]
    public void Read_NullSuspect_HPJ005NotUnknownCause()
    {
        var json = SampleJson();
        json["redFlags"]![0]!["suspects"] = new JsonArray(null, "femoral-neck-stress-fracture");

        Assert.True(!KnowledgeBaseJson.TryRead(json.ToJsonString(), out _, out var problems));

        Assert.Equal(["HPJ005 at $.redFlags[0].suspects[0]: The item is null; remove it or give a value."], problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("""{"formatVersion":1,"age":"34"}""", "$.age", "expected a whole number from -2147483648 to 2147483647")]
    [InlineData("""{"formatVersion":1,"age":1e10}""", "$.age", "expected a whole number from -2147483648 to 2147483647")]
    [InlineData("""{"formatVersion":1,"label":5}""", "$.label", "expected a string")]
    [InlineData("""{"formatVersion":1,"observations":{}}""", "$.observations", "expected an array")]
    [InlineData("""{"formatVersion":1,"observations":[5]}""", "$.observations[0]", "expected an object")]
    public void Read_ValueOfTheWrongType_HPJ001NamesTheExpectedType(string json, string path, string expected)
    {
        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(json));

        Assert.Equal(path, ex.JsonPath);
        Assert.EndsWith($": The value has the wrong JSON type or is out of range: {expected}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ObservationWithoutFindingCode_ThrowsArgumentExceptionNotAnUnreadableDocument()
    {
        var patientCase = new PatientCase(30, Sex.Female, [Observation.Present("a"), default]);

        var ex = Assert.Throws<ArgumentException>(() => CaseJson.Write(patientCase));

        Assert.Equal("patientCase", ex.ParamName);
        Assert.StartsWith("Observation 1 has no finding code (its FindingId is null); a case document needs one for every observation.", ex.Message, StringComparison.Ordinal);
    }

    private static JsonObject SampleJson() => JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!.AsObject();
}
