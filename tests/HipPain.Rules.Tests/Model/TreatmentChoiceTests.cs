using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// Issue 15 item 1: a treatment's enumerated fields are declared once (<see cref="Treatment.Choices"/>), as a
/// finding's are (<see cref="FindingChoiceTests"/>). Format version 1 has one, <c>kind</c> (required), which moved onto
/// the declaration with the export, the hash and the schemas unchanged.
/// </summary>
public sealed class TreatmentChoiceTests
{
    private const string AllowedKinds = "selfCare, medication, physiotherapy, injection, surgery, referral, examination, imaging, laboratory, prevention";

    /// <summary>Every declared field with every allowed name and names that are not allowed.</summary>
    public static TheoryData<string, string> Names() => ChoiceTestKit.Names(Treatment.Choices);

    [Fact]
    public void Choices_DeclareKind_AndTheDocumentWritesItAfterTheName()
    {
        var kind = Assert.Single(Treatment.Choices);

        Assert.Equal(("kind", typeof(TreatmentKind), true, true, true), (kind.Name, kind.Type, kind.AllowsEveryValue, kind.Required, kind.InItemHashLine));
        Assert.Equal(["id", "name", "kind", "description", "evidence"], RulesJson.Options.GetTypeInfo(typeof(TreatmentDocument)).Properties.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_AgreesWithTheReader_OnEachName(string field, string name)
        => ChoiceTestKit.SchemaAgreesWithTheReader(Treatment.Choices, "treatments", 0, field, name);

    [Fact]
    public void Reader_UnknownOrMissingKind_IsRefusedAtItsPath_NamingTheAllowedNames()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["treatments"]![0]!["kind"] = "rest";
        var unknown = Assert.Single(Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString())).Problems);
        json["treatments"]![0]!.AsObject().Remove("kind");
        var missing = Assert.Single(Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString())).Problems);

        Assert.Equal((ErrorCodes.JsonUnknownValue, "$.treatments[0].kind", $"'rest' is not an allowed value; allowed: {AllowedKinds}."), (unknown.Code, unknown.Path, unknown.Message));
        Assert.Equal((ErrorCodes.JsonMissingProperty, "$.treatments[0].kind", $"The property is required; allowed: {AllowedKinds}."), (missing.Code, missing.Path, missing.Message));
        Assert.Contains("kind", JsonNode.Parse(JsonSchemas.KnowledgeBase)!["$defs"]!["treatment"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void BuiltInBase_KeepsEveryTreatmentsKind_ThroughJsonAndToBuilder_AndTheHashChangesWithIt()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var read = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(kb));
        var rebuilt = kb.ToBuilder().Build();
        var kinds = kb.Treatments.Select(t => t.Kind).ToList();

        Assert.True(kinds.Distinct().Count() > 1);
        Assert.Equal(kinds, read.Treatments.Select(t => t.Kind));
        Assert.Equal(kinds, rebuilt.Treatments.Select(t => t.Kind));
        Assert.Equal((kb.ContentHash, kb.ContentHash), (read.ContentHash, rebuilt.ContentHash));

        var fixture = FixtureBase.Create();
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(fixture))!;
        json["treatments"]![0]!["kind"] = fixture.Treatments[0].Kind == TreatmentKind.Surgery ? "injection" : "surgery";
        Assert.NotEqual(fixture.ContentHash, KnowledgeBaseJson.Read(json.ToJsonString()).ContentHash);
    }

    [Fact]
    public void Validator_KindOutsideTheDeclaration_IsUndefinedValueAtItsPath()
    {
        var builder = FixtureBase.Builder();
        builder.Treatments[0].Choices["kind"] = (TreatmentKind)42;

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());

        var problem = Assert.Single(ex.Problems, p => p.Code == ErrorCodes.UndefinedValue);
        Assert.Equal("$.treatments[0].kind", problem.Path);
        Assert.StartsWith("42 is not a defined TreatmentKind; allowed: SelfCare, Medication,", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_AddedTreatment_RefusesAnUnknownKindAtItsPathWhenApplied()
    {
        var evidence = new JsonObject { ["citation"] = "Clinic audit 2025", ["level"] = "expertOpinion", ["status"] = "verifiedPrimary" };
        var added = new JsonObject { ["id"] = "tx.new", ["name"] = "New", ["kind"] = "massage", ["evidence"] = evidence };
        var overlay = OverlayJson.Read(OverlayTests.Overlay(("addTreatments", new JsonArray(added))).ToJsonString());

        Assert.False(overlay.TryApplyTo(FixtureBase.Create(), out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal((ErrorCodes.JsonUnknownValue, "$.addTreatments[0].kind"), (problem.Code, problem.Path));
    }
}
