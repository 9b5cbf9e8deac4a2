using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

public sealed class CaseJsonTests
{
    [Fact]
    public void Read_Case_GivesAgeSexObservationsAndLabel()
    {
        const string json = """
            { "formatVersion": 1, "label": "A", "age": 34, "sex": "female",
              "observations": [ { "findingId": "loc.lateral-hip", "state": "present" }, { "findingId": "loc.groin", "state": "absent" } ] }
            """;

        var patientCase = CaseJson.Read(json);

        Assert.Equal((34, Sex.Female, "A"), (patientCase.Age, patientCase.Sex, patientCase.Label));
        Assert.Equal([Observation.Present("loc.lateral-hip"), Observation.Absent("loc.groin")], patientCase.Observations);
    }

    [Fact]
    public void Read_MinimalCase_DefaultsToUnspecifiedSexAndNoObservations()
    {
        var patientCase = CaseJson.Read("""{ "formatVersion": 1 }""");

        Assert.Equal((null, Sex.Unspecified, 0), (patientCase.Age, patientCase.Sex, patientCase.Observations.Length));
    }

    [Fact]
    public void Write_Case_RoundTrips()
    {
        var patientCase = PatientCase.Create(22, Sex.Male, Observation.Present("a"), Observation.Unknown("b")).WithLabel("x");

        var copy = CaseJson.Read(CaseJson.Write(patientCase));

        Assert.Equal((patientCase.Age, patientCase.Sex, patientCase.Label), (copy.Age, copy.Sex, copy.Label));
        Assert.Equal(patientCase.Observations, copy.Observations);
    }

    [Fact]
    public void Read_UnknownAndMissingValues_HPJ004AndHPJ005WithPaths()
    {
        const string json = """
            { "formatVersion": 1, "sex": "f",
              "observations": [ { "findingId": "a", "state": "yes" }, { "state": "present" }, { "findingId": "b" } ] }
            """;

        var ex = Assert.Throws<CaseValidationException>(() => CaseJson.Read(json));

        Assert.Equal(
            ["HPJ004 at $.sex", "HPJ004 at $.observations[0].state", "HPJ005 at $.observations[1].findingId", "HPJ005 at $.observations[2].state"],
            ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal("'f' is not an allowed value; allowed: unspecified, female, male.", ex.Problems[0].Message);
    }

    [Fact]
    public void Read_ObservationsNotAnArray_HPJ001()
    {
        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read("""{ "formatVersion": 1, "observations": { "a": "present" } }"""));

        Assert.Equal(ErrorCodes.JsonMalformed, ex.Code);
        Assert.Equal("$.observations", ex.JsonPath);
    }

    [Fact]
    public void Read_TooManyObservations_HPJ003()
    {
        var json = "{ \"formatVersion\": 1, \"observations\": [" + string.Join(",", Enumerable.Repeat("""{"findingId":"a","state":"present"}""", 11)) + "] }";

        var ex = Assert.Throws<RulesJsonException>(() => CaseJson.Read(json, new JsonReadOptions { MaximumItems = 10 }));

        Assert.Equal(ErrorCodes.JsonLimitExceeded, ex.Code);
        Assert.Equal("$.observations", ex.JsonPath);
        Assert.EndsWith("The array has 11 items; the limit MaximumItems is 10.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Stream_SameAsText()
    {
        var json = CaseJson.Write(PatientCase.Create(50, Sex.Female, Observation.Absent("a")));

        var patientCase = CaseJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(json, CaseJson.Write(patientCase));
    }
}
