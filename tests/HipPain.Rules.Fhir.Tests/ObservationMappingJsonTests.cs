using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir.Tests;

public sealed class ObservationMappingJsonTests
{
    [Fact]
    public void Read_EveryKindOfEntry_SameAsTheCSharpTable()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fhir", "clinic.observation-mapping.json"));

        var mapping = ObservationMappingJson.Read(json);

        Assert.Equal(FhirTestData.ClinicMapping().Entries, mapping.Entries);
    }

    [Fact]
    public void Read_Problems_ListsEveryWithItsPath()
    {
        const string Json = """
            {"format":"observation-mapping","formatVersion":2,"extra":1,"entries":[
              {"system":"http://loinc.org","finding":"sym.fever"},
              {"system":"http://loinc.org","code":"8310-5","finding":"sym.fever","atLeast":"38"},
              {"system":"s","code":"c","finding":"f","state":"maybe","colour":"red"},
              {"system":"s","code":"c","finding":"f","value":{"system":"v"}}
            ]}
            """;

        var error = Assert.Throws<FormatException>(() => ObservationMappingJson.Read(Json));

        Assert.Equal(
            "The Observation mapping has 9 problem(s):\n" +
            "$.formatVersion must be 1.\n" +
            "$.extra is not a member of the format.\n" +
            "$.entries[0].code is required.\n" +
            "$.entries[1].unit is required.\n" +
            "$.entries[1].atLeast must be a number.\n" +
            "$.entries[2].colour is not a member of an entry (system, code, finding, state, value, atLeast, unit, comment).\n" +
            "$.entries[2].state is 'maybe'; it must be present, absent or unknown.\n" +
            "$.entries[3].value.code is required.\n" +
            "$.entries[3].state is required with a coded value.",
            error.Message);
    }

    [Fact]
    public void Read_NotJson_FormatException()
    {
        var error = Assert.Throws<FormatException>(() => ObservationMappingJson.Read("{"));

        Assert.StartsWith("The Observation mapping is not JSON:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Empty_EmptyTable()
    {
        Assert.Empty(ObservationMappingJson.Read("""{"format":"observation-mapping","formatVersion":1,"entries":[]}""").Entries);
        Assert.Equal(FindingState.Present, ObservationMappingJson.Read("""{"format":"observation-mapping","formatVersion":1,"entries":[{"system":"s","code":"c","finding":"f"}]}""").Entries[0].State);
    }
}
