using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>Issue 18: System.Text.Json could not bind <see cref="PatientCase"/>, so every ASP.NET request failed.</summary>
public sealed class PatientCaseJsonConverterTests
{
    private const string Case = """{ "formatVersion": 1, "age": 34, "sex": "female", "observations": [ { "findingId": "loc.lateral-hip", "state": "present" } ] }""";

    [Fact]
    public void Deserialize_CaseInsideAnAppsSourceGeneratedBody_Binds()
    {
        var request = JsonSerializer.Deserialize($$"""{ "language": "es", "case": {{Case}} }""", AppJsonContext.Default.TriageRequest)!;

        Assert.Equal((34, Sex.Female, "es"), (request.Case.Age, request.Case.Sex, request.Language));
        Assert.Equal([Observation.Present("loc.lateral-hip")], request.Case.Observations);
    }

    [Fact]
    public void Serialize_CaseInsideABody_WritesTheCaseFormat()
    {
        var request = new TriageRequest(PatientCase.Create(34, Sex.Female, Observation.Absent("sym.fever")), null);

        var json = JsonSerializer.Serialize(request, AppJsonContext.Default.TriageRequest);

        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("case");
        Assert.Equal(1, written.GetProperty("formatVersion").GetInt32());
        Assert.Equal("absent", written.GetProperty("observations")[0].GetProperty("state").GetString());
        Assert.Equal([Observation.Absent("sym.fever")], CaseJson.Read(written).Observations);
    }

    [Fact]
    public void Deserialize_BadValueInsideTheCase_JsonExceptionWithCodePathAndEveryProblem()
    {
        const string json = """{ "case": { "formatVersion": 1, "sex": "f", "observations": [ { "findingId": "a", "state": "yes" } ] } }""";

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, AppJsonContext.Default.TriageRequest));

        Assert.StartsWith("HPJ004 at $.sex: 'f' is not an allowed value", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.case", ex.Path);
        var inner = Assert.IsType<CaseValidationException>(ex.InnerException);
        Assert.Equal(["HPJ004 at $.sex", "HPJ004 at $.observations[0].state"], inner.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Deserialize_WrongFormatVersion_JsonExceptionWithHPJ002()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "formatVersion": 7 }""", AppJsonContext.Default.PatientCase));

        Assert.Equal(ErrorCodes.JsonUnsupportedFormatVersion, Assert.IsType<RulesJsonException>(ex.InnerException).Code);
        Assert.StartsWith("HPJ002 at $.formatVersion", ex.Message, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web) { Converters = { new PatientCaseJsonConverter() } };

    [Fact]
    public void Deserialize_WebOptionsWithTheConverterRegistered_ReadsTheCaseFormat()
    {
        var patientCase = JsonSerializer.Deserialize<PatientCase>(Case, WebOptions)!;

        Assert.Equal(34, patientCase.Age);
    }

    [Fact]
    public void ReadUtf8JsonReader_OnTheCaseObject_ReadsItAndStopsAtItsEnd()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""[ {{Case}}, 42 ]""");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Read();

        var patientCase = CaseJson.Read(ref reader);

        Assert.Equal(34, patientCase.Age);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(42, reader.GetInt32());
    }

    [Fact]
    public void ReadUtf8JsonReader_AtTheStartOfADocument_ReadsTheCase()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(Case));

        Assert.Equal(Sex.Female, CaseJson.Read(ref reader).Sex);
    }

    [Fact]
    public void ReadJsonElement_OverTheSizeLimit_HPJ003()
    {
        using var document = JsonDocument.Parse(Case);

        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(document.RootElement, new JsonReadOptions { MaximumBytes = 10 }));

        Assert.Equal(ErrorCodes.JsonLimitExceeded, ex.Code);
    }

    [Fact]
    public void ReadJsonElement_Default_HPJ001()
    {
        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(default(JsonElement)));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
    }

    [Fact]
    public void ReadUtf8JsonReader_Truncated_HPJ001()
    {
        var ex = Assert.Throws<RulesJsonException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("""{ "formatVersion": 1, "age": """), isFinalBlock: true, state: default);
            CaseJson.Read(ref reader);
        });

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
    }
}

/// <summary>A request body of a clinic app: a case beside other values.</summary>
internal sealed record TriageRequest(PatientCase Case, string? Language);

/// <summary>
/// An application's own source-generated context, as an AOT-published clinic app would have. It registers the
/// converter: the model names none itself (issue 15, the model depends on nothing else in the library).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(PatientCaseJsonConverter)])]
[JsonSerializable(typeof(TriageRequest))]
[JsonSerializable(typeof(PatientCase))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
}
