using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Text;

public sealed class TextPackTests
{
    [Fact]
    public void ContentHash_WordingChanged_SameClinicalHash()
    {
        var knowledgeBase = FixtureBase.Create();
        var overlay = OverlayJson.Read($$"""
            { "formatVersion": 1, "id": "{{knowledgeBase.Id}}", "version": "{{knowledgeBase.Version}}",
              "findingText": [ { "id": "loc.lateral-hip", "name": "Dolor lateral de cadera", "question": "¿Le duele el lado de la cadera?" } ],
              "causeText": [ { "id": "gtps", "name": "Síndrome de dolor trocantéreo mayor", "description": "Dolor lateral." } ] }
            """);

        var reworded = overlay.ApplyTo(knowledgeBase);

        Assert.Equal(knowledgeBase.ContentHash, reworded.ContentHash);
        Assert.NotEqual(knowledgeBase.Text.ContentHash, reworded.Text.ContentHash);
        Assert.Equal("Dolor lateral de cadera", reworded.Text.Get(TextKey.FindingName("loc.lateral-hip")));
    }

    [Fact]
    public void ContentHash_OneWeightChanged_Differs()
    {
        var builder = FixtureBase.Create().ToBuilder();
        var rule = builder.Causes.SelectMany(c => c.Rules).First();
        builder.ReplaceRatio(rule.Id, rule.Positive + 1, rule.Negative);

        Assert.NotEqual(FixtureBase.Create().ContentHash, builder.Build().ContentHash);
    }

    [Fact]
    public void Overlay_PatientQuestion_ChangesThePatientWordingOnly()
    {
        var knowledgeBase = BuiltInKnowledgeBase.Instance;
        var overlay = OverlayJson.Read($$"""
            { "formatVersion": 1, "id": "{{knowledgeBase.Id}}", "version": "{{knowledgeBase.Version}}",
              "findingText": [ { "id": "sym.fever", "patientQuestion": "Have you had a temperature or felt shivery?" } ] }
            """);

        var reworded = overlay.ApplyTo(knowledgeBase);

        Assert.True(reworded.TryGetFinding("sym.fever", out var fever));
        Assert.Equal("Have you had a temperature or felt shivery?", fever.PatientQuestion);
        Assert.Equal(knowledgeBase.Text.Get(TextKey.FindingQuestion("sym.fever")), fever.Question);
        Assert.Equal(knowledgeBase.ContentHash, reworded.ContentHash);
    }

    [Fact]
    public void Overlay_PatientQuestionOnACause_HPK051()
    {
        var overlay = OverlayJson.Read("""
            { "formatVersion": 1, "id": "x", "version": "1", "causeText": [ { "id": "gtps", "patientQuestion": "?" } ] }
            """);

        var ok = overlay.TryApplyTo(BuiltInKnowledgeBase.Instance, out _, out var problems);

        Assert.False(ok);
        Assert.Equal(["HPK051 at $.causeText[0].patientQuestion"], problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_BadFieldsBlankTextAndCulture_EveryProblemWithCodeAndPath()
    {
        const string json = """
            { "formatVersion": 1, "culture": "e s", "review": "original",
              "findings": { "loc.lateral-hip": { "name": "Hip", "action": "Run" }, "loc.groin": { "name": " " } },
              "causes": { "gtps": null } }
            """;

        var ex = Assert.Throws<TextPackValidationException>(() => TextPackJson.Read(json));

        Assert.Equal(
            [
                "HPT004 at $.culture",
                "HPT002 at $.findings['loc.lateral-hip']['action']",
                "HPT003 at $.findings['loc.groin']['name']",
                "HPJ005 at $.causes['gtps']",
            ],
            ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal("Section 'findings' has no field 'action'; allowed: name, patientQuestion, question.", ex.Problems[1].Message);
    }

    [Fact]
    public void Read_IdWithWhiteSpaceOrControlCharacter_HPK012AtTheId_Issue15()
    {
        const string json = """
            { "formatVersion": 1, "culture": "es", "review": "original",
              "findings": { "loc.lateral\u001fhip": { "name": "Cadera" }, "loc groin": { "name": "Ingle" } },
              "recommendations": { "gtps": { "tx.\u0007surgery": "Nunca.", "tx.load": "Carga." } } }
            """;

        var ex = Assert.Throws<TextPackValidationException>(() => TextPackJson.Read(json));

        Assert.Equal(
            [
                "HPK012 at $.findings['loc.lateral\u001fhip']",
                "HPK012 at $.findings['loc groin']",
                "HPK012 at $.recommendations['gtps']['tx.\u0007surgery']",
            ],
            ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal("The id 'loc groin' is blank or holds white space or a control character, which no item's id does.", ex.Problems[1].Message);
    }

    [Fact]
    public void Read_NoReview_HPJ005()
    {
        var ex = Assert.Throws<TextPackValidationException>(() => TextPackJson.Read("""{ "formatVersion": 1, "culture": "es" }"""));

        Assert.Equal(["HPJ005 at $.review"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Check_UnknownItemsAndMissingText_HPT001AndHPT005()
    {
        var pack = TextPackJson.Read("""
            { "formatVersion": 1, "culture": "es", "review": "needsClinicalReview",
              "findings": { "loc.elbow": { "name": "Codo" } },
              "recommendations": { "gtps": { "tx.surgery": "Nunca." } } }
            """);

        var problems = pack.Check(FixtureBase.Create());

        Assert.Equal(
            ["HPT001 at $.findings['loc.elbow']['name']", "HPT001 at $.recommendations['gtps']['tx.surgery']"],
            problems.Where(p => p.Code == ErrorCodes.TextUnknownItem).Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal(FixtureBase.Create().Text.Keys.Length, problems.Count(p => p.Code == ErrorCodes.TextMissing));
    }

    [Fact]
    public void WithFallback_PartialPack_FillsGapsKeepsItsOwnText()
    {
        var partial = TextPackJson.Read("""
            { "formatVersion": 1, "culture": "es", "review": "needsClinicalReview", "findings": { "loc.lateral-hip": { "name": "Dolor lateral" } } }
            """);
        var knowledgeBase = FixtureBase.Create();

        var combined = partial.WithFallback(knowledgeBase.Text);

        Assert.Equal("Dolor lateral", combined.Get(TextKey.FindingName("loc.lateral-hip")));
        Assert.Equal(knowledgeBase.Text.Get(TextKey.CauseName("gtps")), combined.Get(TextKey.CauseName("gtps")));
        Assert.Equal(("es", TextReview.NeedsClinicalReview), (combined.Culture, combined.Review));
        Assert.DoesNotContain(combined.Check(knowledgeBase), p => p.Code == ErrorCodes.TextMissing);
    }

    [Fact]
    public void WriteRead_KnowledgeBaseText_RoundTripsWithTheSameHash()
    {
        var text = BuiltInKnowledgeBase.Instance.Text;

        var copy = TextPackJson.Read(TextPackJson.Write(text));

        Assert.Equal(text.ContentHash, copy.ContentHash);
        Assert.Equal(text.Keys, copy.Keys);
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.TextPack, TextPackJson.Write(text)));
    }

    [Fact]
    public void Build_InvalidTextCulture_HPK012()
    {
        var builder = FixtureBase.Create().ToBuilder().SetTextCulture("english!");

        var problems = builder.Validate();

        Assert.Contains(problems, p => p.Code == ErrorCodes.InvalidText && p.Path == "$.textCulture");
    }

    [Fact]
    public void KnowledgeBaseJson_TextCulture_RoundTrips()
    {
        var spanishBase = FixtureBase.Create().ToBuilder().SetTextCulture("es").Build();

        var copy = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(spanishBase));

        Assert.Equal(("es", spanishBase.ContentHash), (copy.TextCulture, copy.ContentHash));
        Assert.Equal("es", copy.Text.Culture);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("es-MX", true)]
    [InlineData("e", false)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcde", true)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdef", false)]
    public void KnowledgeBaseSchema_TextCulture_AgreesWithTheReader(string culture, bool valid)
    {
        // Issue 15: the knowledge-base schema's textCulture had the pattern but not the reader's length (2 to 35), so a
        // one-letter culture passed the schema and failed reading (HPK012); it now shares the text pack's culture schema.
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["textCulture"] = culture;

        var schemaErrors = SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json.ToJsonString());
        var readError = Record.Exception(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        Assert.Equal((valid, valid), (schemaErrors.Count == 0, readError is null));
    }
}
