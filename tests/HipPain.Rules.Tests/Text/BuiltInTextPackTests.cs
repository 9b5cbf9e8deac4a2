using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Serialization;
using HipPain.Rules.Validation;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Text;

/// <summary>Issue 18: the shipped languages, their completeness, and the English pack kept equal to the base's wording.</summary>
public sealed class BuiltInTextPackTests
{
    /// <summary>The fields the English pack adds to the base's own wording: written in the JSON, not in the DSL.</summary>
    private static readonly HashSet<string> PatientContentFields = new(StringComparer.Ordinal) { "whatItIs", "whatToDoNow", "whenToSeekCare", "patientSources" };

    public static TheoryData<string> Cultures => [.. BuiltInTextPacks.All.Select(p => p.Culture)];

    [Fact]
    public void EnglishPack_Committed_IsTheBaseWordingPlusItsPatientContent()
    {
        const string RelativePath = "src/HipPain.Rules/Knowledge/Text/hippain.builtin.en.json";
        var current = TextPackJson.Read(File.ReadAllText(Repository.PathOf(RelativePath)));
        var expected = TextPackJson.Write(Generate(BuiltInKnowledgeBase.Instance, current)).ReplaceLineEndings("\n") + "\n";

        GoldenFile.AssertCurrent(RelativePath, expected, "the built-in base's wording changed (give the Spanish pack the same keys after regenerating)");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ShippedPack_EveryTextOfTheEnglishPack_HasTextInThisLanguage(string culture)
    {
        var pack = BuiltInTextPacks.For(culture);

        var missing = BuiltInTextPacks.English.Keys.Where(key => pack.Get(key) is null).Select(key => key.ToString());

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ShippedPack_CheckedAgainstTheBuiltInBase_NoProblem(string culture)
    {
        Assert.Empty(BuiltInTextPacks.For(culture).Check(BuiltInKnowledgeBase.Instance).Select(p => p.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ShippedPack_File_ValidatesAgainstTheSchema(string culture)
    {
        var path = Repository.PathOf($"src/HipPain.Rules/Knowledge/Text/hippain.builtin.{culture}.json");

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.TextPack, File.ReadAllText(path)));
    }

    [Fact]
    public void SpanishPack_IsMarkedAsNeedingClinicalReview()
    {
        var spanish = BuiltInTextPacks.Spanish;

        Assert.Equal((TextReview.NeedsClinicalReview, BuiltInKnowledgeBase.Id), (spanish.Review, spanish.KnowledgeBaseId));
        Assert.Contains("revisión clínica", spanish.ReviewNote, StringComparison.Ordinal);
        Assert.Equal(TextReview.Original, BuiltInTextPacks.English.Review);
    }

    [Fact]
    public void ContentHash_EnglishAndSpanish_EachPackHasItsOwn()
    {
        Assert.NotEqual(BuiltInTextPacks.English.ContentHash, BuiltInTextPacks.Spanish.ContentHash);
        Assert.Equal(BuiltInTextPacks.Spanish.ContentHash, TextPackJson.Read(TextPackJson.Write(BuiltInTextPacks.Spanish)).ContentHash);
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("ES", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "en")]
    public void For_Culture_GivesTheBestShippedPack(string culture, string expected)
    {
        Assert.Equal(expected, BuiltInTextPacks.For(culture).Culture);
    }

    /// <summary>The English pack as it should be: the base's wording, and the patient content the JSON already holds.</summary>
    private static TextPack Generate(KnowledgeBase knowledgeBase, TextPack committed)
    {
        var wording = knowledgeBase.Text.Keys.Select(k => KeyValuePair.Create(k, knowledgeBase.Text.Get(k)!));
        var patientContent = committed.Keys
            .Where(k => (k.Section == TextKey.CausesSection && PatientContentFields.Contains(k.Field) && knowledgeBase.TryGetCause(k.Id, out _)) || k.Section == TextKey.FaqSection)
            .Select(k => KeyValuePair.Create(k, committed.Get(k)!));
        return new TextPack(knowledgeBase.TextCulture, knowledgeBase.Id, TextReview.Original, null, wording.Concat(patientContent));
    }
}
