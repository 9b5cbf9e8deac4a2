using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// Issue 15 item 1: a cause's clinical codes are declared once (<see cref="Cause.Codes"/>) and every layer reads that
/// declaration: the JSON contract, the reader, the writer, <c>ToBuilder</c> and the model.
/// </summary>
public sealed class ClinicalCodeTests
{
    [Fact]
    public void CauseDocument_HasOneStringPropertyPerDeclaredCode_AfterTheWordingInDeclarationOrder()
    {
        var names = RulesJson.Options.GetTypeInfo(typeof(CauseDocument)).Properties.Select(p => p.Name).ToList();
        var codes = Cause.Codes.Select(c => c.Name).ToList();

        Assert.Equal(["icd10", "snomedCt"], codes.Take(2)); // format version 1's codes; a new one follows them
        Assert.Equal(codes, names.Skip(names.IndexOf("description") + 1).Take(codes.Count));
        Assert.All(
            RulesJson.Options.GetTypeInfo(typeof(CauseDocument)).Properties.Where(p => codes.Contains(p.Name)),
            p => Assert.Equal(typeof(string), p.PropertyType));
        Assert.DoesNotContain("codes", names);
    }

    [Fact]
    public void Codes_TravelFromTheDslThroughJsonAndToBuilder_AndLeftOutCodesStayOut()
    {
        var knowledgeBase = FixtureBase.Builder()
            .AddCause("coded", "Coded cause", c => c.Codes("M70.6", null).Prior(0.1, FixtureBase.Source).Finding("sx.night-pain", 2, 0.5, FixtureBase.Source).Treat("tx.education"))
            .Build();

        var json = KnowledgeBaseJson.Write(knowledgeBase);
        var read = KnowledgeBaseJson.Read(json);
        var copied = read.ToBuilder().Build();

        foreach (var kb in new[] { knowledgeBase, read, copied })
        {
            var coded = kb.Causes.Single(c => c.Id == "coded");
            Assert.Equal("M70.6", coded.Icd10);
            Assert.Null(coded.SnomedCt);
        }

        Assert.Contains("\"icd10\": \"M70.6\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("snomedCt", json, StringComparison.Ordinal);
        Assert.Equal(knowledgeBase.ContentHash, copied.ContentHash);
        Assert.Equal(json, KnowledgeBaseJson.Write(copied));
    }
}
