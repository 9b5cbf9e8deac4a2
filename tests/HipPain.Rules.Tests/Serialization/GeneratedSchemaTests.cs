using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: the committed schemas are what the code generates: the knowledge-base schema from the document
/// types (<see cref="KnowledgeBaseSchemaGenerator"/>), the overlay schema from the overlay document types and the same
/// table (<see cref="OverlaySchemaGenerator"/>), and the text-pack schema from the wording catalogue
/// (<see cref="WordingSchemas"/>). So a new field reaches the schemas without editing them by hand.
/// </summary>
public sealed class GeneratedSchemaTests
{
    [Fact]
    public void TextPackSchema_IsGeneratedFromTheTextPackDocumentAndTheWordingCatalogue()
    {
        GoldenFile.AssertCurrent(WordingSchemas.TextPackPath, WordingSchemas.TextPackSchema(), "the wording catalogue or TextPackDocument changed");
    }

    [Fact]
    public void OverlaySchema_IsGeneratedFromTheOverlayDocumentTypesAndTheKnowledgeBaseTable()
    {
        GoldenFile.AssertCurrent(OverlaySchemaGenerator.RelativePath, OverlaySchemaGenerator.Generate(), "the overlay or knowledge-base document types, the generators' tables or the wording catalogue's rewordable fields changed");
    }

    [Fact]
    public void KnowledgeBaseSchema_IsGeneratedFromTheDocumentTypes()
    {
        GoldenFile.AssertCurrent(KnowledgeBaseSchemaGenerator.RelativePath, KnowledgeBaseSchemaGenerator.Generate(), "the knowledge-base document types or the generator's table changed");
    }

    [Fact]
    public void TextPackSchema_EachSectionAllowsExactlyTheFieldsTextPackAllows()
    {
        var properties = JsonNode.Parse(JsonSchemas.TextPack)!["properties"]!.AsObject();
        string[] sections = [.. Wording.Kinds.Select(k => k.Section), TextKey.FaqSection];

        foreach (var section in sections)
        {
            var allowed = properties[section]!["additionalProperties"]!["propertyNames"]!["enum"]!.AsArray().Select(v => (string)v!).ToList();

            Assert.All(allowed, field => Assert.True(TextPack.IsAllowed(section, field), $"{section}/{field}"));
            Assert.Equal(TextPack.AllowedFields(section), string.Join(", ", allowed.Order(StringComparer.Ordinal)));
        }

        // Any treatment id is a field of the recommendations section: no list of names, only the form of an id.
        Assert.Equal("#/$defs/id", (string?)properties[TextKey.RecommendationsSection]!["additionalProperties"]!["propertyNames"]!["$ref"]);
    }

    [Fact]
    public void SchemaFiles_TextPackInSourceEqualsTheEmbeddedResource()
    {
        Assert.Equal(File.ReadAllText(Repository.PathOf(WordingSchemas.TextPackPath)), JsonSchemas.TextPack);
    }
}
