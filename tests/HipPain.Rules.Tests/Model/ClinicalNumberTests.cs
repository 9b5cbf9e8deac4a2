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

    private const string FractionName = "testShare";

    private static readonly ClinicalNumber<Cause> Number = ClinicalNumber<Cause>.Whole(Name, _ => null, 0, PatientCase.MaximumAge, "years");

    private static readonly ClinicalNumber<Cause> Share = ClinicalNumber<Cause>.Fraction(FractionName, _ => null, 0, 1);

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
                    document => (int?)((ICodedDocument)document).Numbers[Name],
                    (document, value) => ((ICodedDocument)document).Numbers[Name] = value,
                    "clinical number");
                AddedProperties.Insert<double?>(
                    typeInfo,
                    typeof(CauseDocument),
                    FractionName,
                    Name,
                    document => ((ICodedDocument)document).Numbers[FractionName],
                    (document, value) => ((ICodedDocument)document).Numbers[FractionName] = value,
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
    [InlineData(40.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Allows_IsTheClosedRange_OfWholeNumbers(double value, bool allowed) => Assert.Equal(allowed, Number.Allows(value));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(0.25, true)]
    [InlineData(-0.0001, false)]
    [InlineData(1.0001, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.NegativeInfinity, false)]
    public void Allows_IsTheClosedRange_OfFractions(double value, bool allowed) => Assert.Equal(allowed, Share.Allows(value));

    [Fact]
    public void Range_NamesBoundsAndUnit()
    {
        Assert.Equal("0..120 years", Number.Range);
        Assert.Equal("0..1", Share.Range);
        Assert.Equal("0.5..2.25 mg", ClinicalNumber<Cause>.Fraction("x", _ => null, 0.5, 2.25, "mg").Range);
    }

    [Fact]
    public void Declaration_WithAnEmptyOrInfiniteRange_OrAWholeRangeBeyond32Bits_IsRefused()
    {
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => ClinicalNumber<Cause>.Fraction("x", _ => null, 1, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClinicalNumber<Cause>.Fraction("x", _ => null, 0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => ClinicalNumber<Cause>.Fraction("x", _ => null, double.NaN, 1));
    }

    [Fact]
    public void LongestText_IsWhatTheJsonWriterCanGive()
    {
        Assert.Equal(int.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, Number.LongestText);
        Assert.Equal(JsonSerializer.Serialize(-double.MaxValue).Length, Share.LongestText);
        Assert.True(JsonSerializer.Serialize(-2.2250738585072014E-308).Length <= Share.LongestText);
    }

    [Fact]
    public void CauseDocument_HasOneNumberPropertyPerDeclaredNumber_AfterTheCodes_IntegerWhenWhole()
    {
        var properties = RulesJson.Options.GetTypeInfo(typeof(CauseDocument)).Properties;
        var names = properties.Select(p => p.Name).ToList();
        var numbers = Cause.Numbers.Select(n => n.Name).ToList();

        Assert.Equal(numbers, names.Skip(names.IndexOf(Cause.Codes[^1].Name) + 1).Take(numbers.Count));
        Assert.All(Cause.Numbers, number => Assert.Equal(
            number.IsWhole ? typeof(int?) : typeof(double?),
            properties.Single(p => p.Name == number.Name).PropertyType));
    }

    [Fact]
    public void AddedNumber_IsReadIntoTheStore_AndWrittenAfterTheCodes_OnlyWhenSet()
    {
        var document = (CauseDocument)JsonSerializer.Deserialize("""{"id":"c","snomedCt":"1","testNumber":40}""", Options.GetTypeInfo(typeof(CauseDocument)))!;

        Assert.Equal(40, ((ICodedDocument)document).Numbers[Name]);
        Assert.Equal([KeyValuePair.Create(Name, 40.0)], ((ICodedDocument)document).Numbers.Values);
        Assert.Contains("\"snomedCt\": \"1\",\n  \"testNumber\": 40", JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(CauseDocument))), StringComparison.Ordinal);

        ((ICodedDocument)document).Numbers[Name] = null;
        Assert.Empty(((ICodedDocument)document).Numbers.Values);
        Assert.DoesNotContain(Name, JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(CauseDocument))), StringComparison.Ordinal);
    }

    [Fact]
    public void AddedFraction_IsReadAndWrittenExactly_AfterTheNumberBeforeIt()
    {
        var document = (CauseDocument)JsonSerializer.Deserialize("""{"id":"c","testNumber":40,"testShare":0.1}""", Options.GetTypeInfo(typeof(CauseDocument)))!;

        Assert.Equal(0.1, ((ICodedDocument)document).Numbers[FractionName]);
        Assert.Contains("\"testNumber\": 40,\n  \"testShare\": 0.1", JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(CauseDocument))), StringComparison.Ordinal);

        ((ICodedDocument)document).Numbers[FractionName] = 1.0 / 3;
        var again = (CauseDocument)JsonSerializer.Deserialize(JsonSerializer.Serialize(document, Options.GetTypeInfo(typeof(CauseDocument))), Options.GetTypeInfo(typeof(CauseDocument)))!;
        Assert.Equal(1.0 / 3, ((ICodedDocument)again).Numbers[FractionName]);
    }

    [Theory]
    [InlineData("\"0.5\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void AddedFraction_NotANumber_IsRefusedAtItsPath(string value)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($$"""{"id":"c","testShare":{{value}}}""", Options.GetTypeInfo(typeof(CauseDocument))));

        Assert.Equal("$.testShare", error.Path);
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
