using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// Issue 15 item 1: a cause's bounded clinical numbers are declared once (<see cref="Cause.Numbers"/>, none in format
/// version 1 yet). These tests hold the pieces every declared number goes through: its range, and the integer property
/// the JSON contract gains (read and written through the document's store, a non-number refused by the generator's own
/// check at the property's path). The whole path of a declared number (DSL, reader, writer, <c>ToBuilder</c>, overlay,
/// range check, hash, schema) was measured on a scratch copy with <c>typicalAgeFrom</c>: docs/json-packs.md.
/// </summary>
public sealed class ClinicalNumberTests
{
    private const string Name = "testNumber";

    private static readonly ClinicalNumber<Cause> Number = new(Name, _ => null, 0, PatientCase.MaximumAge, "years");

    /// <summary>The library's contracts with one more number on the cause document, added as the declarations add theirs.</summary>
    private static readonly JsonSerializerOptions Options = new(RulesJson.Options)
    {
        TypeInfoResolver = RulesJson.Options.TypeInfoResolver!.WithAddedModifier(typeInfo =>
        {
            if (typeInfo.Type == typeof(CauseDocument))
            {
                AddedProperties.Insert<int?>(
                    typeInfo,
                    typeof(CauseDocument),
                    Name,
                    Cause.Codes[^1].Name,
                    document => ((ICodedDocument)document).Numbers[Name],
                    (document, value) => ((ICodedDocument)document).Numbers[Name] = value,
                    "clinical number");
            }
        }),
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(-1, false)]
    [InlineData(121, false)]
    [InlineData(int.MinValue, false)]
    public void Allows_IsTheClosedRange(int value, bool allowed) => Assert.Equal(allowed, Number.Allows(value));

    [Fact]
    public void Range_NamesBoundsAndUnit() => Assert.Equal("0..120 years", Number.Range);

    [Fact]
    public void CauseDocument_HasOneIntegerPropertyPerDeclaredNumber_AfterTheCodes()
    {
        var properties = RulesJson.Options.GetTypeInfo(typeof(CauseDocument)).Properties;
        var names = properties.Select(p => p.Name).ToList();
        var numbers = Cause.Numbers.Select(n => n.Name).ToList();

        Assert.Equal(numbers, names.Skip(names.IndexOf(Cause.Codes[^1].Name) + 1).Take(numbers.Count));
        Assert.All(properties.Where(p => numbers.Contains(p.Name)), p => Assert.Equal(typeof(int?), p.PropertyType));
    }

    [Fact]
    public void AddedNumber_IsReadIntoTheStore_AndWrittenAfterTheCodes_OnlyWhenSet()
    {
        var document = (CauseDocument)JsonSerializer.Deserialize("""{"id":"c","snomedCt":"1","testNumber":40}""", Options.GetTypeInfo(typeof(CauseDocument)))!;

        Assert.Equal(40, ((ICodedDocument)document).Numbers[Name]);
        Assert.Equal([KeyValuePair.Create(Name, 40)], ((ICodedDocument)document).Numbers.Values);
        Assert.Contains("\"snomedCt\": \"1\",\n  \"testNumber\": 40", JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(CauseDocument))), StringComparison.Ordinal);

        ((ICodedDocument)document).Numbers[Name] = null;
        Assert.Empty(((ICodedDocument)document).Numbers.Values);
        Assert.DoesNotContain(Name, JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(CauseDocument))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"35\"")]
    [InlineData("35.5")]
    [InlineData("true")]
    [InlineData("[]")]
    public void AddedNumber_NotAWholeNumber_IsRefusedAtItsPath_AsADeclaredIntegerIs(string value)
    {
        var addedText = $$"""{"id":"c","testNumber":{{value}}}""";
        var declaredText = $$"""{"atLeast":{{value}}}""";
        var added = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(addedText, Options.GetTypeInfo(typeof(CauseDocument))));
        var declared = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(declaredText, Options.GetTypeInfo(typeof(CriterionDocument))));

        Assert.Equal("$.testNumber", added.Path);
        Assert.Equal("$.atLeast", declared.Path);
        Assert.Equal(declared.LineNumber, added.LineNumber);

        // The same place relative to the value: what the reader reports as HPJ001's line and byte.
        Assert.Equal(
            declared.BytePositionInLine - declaredText.IndexOf(value, StringComparison.Ordinal),
            added.BytePositionInLine - addedText.IndexOf(value, StringComparison.Ordinal));
    }
}
