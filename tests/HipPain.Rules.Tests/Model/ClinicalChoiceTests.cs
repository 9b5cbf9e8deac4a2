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
/// Issue 15 item 1: a cause's enumerated fields are declared once (<see cref="Cause.Choices"/>; format version 1 has
/// one, <c>suspectedUrgency</c>, which moved onto the declaration with the export, the hash and the schemas unchanged).
/// These tests go through every declared field: its JSON property, the reader's refusal of an unknown name (at its path,
/// with the allowed names), the schema's <c>enum</c> and its agreement with the reader, the round trips, the hash and
/// the validator's check; and the declaration's own rules (allowed values, default).
/// </summary>
public sealed class ClinicalChoiceTests
{
    /// <summary>The fixture's cause that a red flag names, so that every urgency is valid there (HPK013 is not in the way).</summary>
    private const int FlaggedCause = 1;

    /// <summary>Every declared field with every allowed name and names that are not allowed.</summary>
    public static TheoryData<string, string> Names() => ChoiceTestKit.Names(Cause.Choices);

    [Fact]
    public void Choices_DeclareSuspectedUrgency_WithEveryUrgencyAndRoutineByDefault()
    {
        var choice = Cause.Choices.Single(c => c.Name == "suspectedUrgency");

        Assert.Equal(typeof(Urgency), choice.Type);
        Assert.Equal(Enum.GetValues<Urgency>().Cast<Enum>(), choice.Values);
        Assert.True(choice.AllowsEveryValue);
        Assert.Equal(Urgency.Routine, choice.Default);
    }

    [Fact]
    public void Declaration_WithFewerValues_KeepsTheEnumerationsOrder_AndHasNoDefault()
    {
        var choice = new ClinicalChoice<Cause, Sex>("testSex", _ => null, allowed: [Sex.Male, Sex.Female]);

        Assert.Equal([Sex.Female, Sex.Male], choice.Values.Cast<Sex>());
        Assert.False(choice.AllowsEveryValue);
        Assert.True(choice.Allows(Sex.Male));
        Assert.False(choice.Allows(Sex.Unspecified));
        Assert.False(choice.Allows((Sex)99));
        Assert.Null(choice.Default);
        Assert.Empty(new NamedChoices<Cause>([choice]).Values);
    }

    [Fact]
    public void CauseDocument_HasOneStringPropertyPerDeclaredField_WhereItsDeclarationPutsIt()
    {
        var names = RulesJson.Options.GetTypeInfo(typeof(CauseDocument)).Properties.Select(p => (p.Name, p.PropertyType)).ToList();

        Assert.All(Cause.Choices, choice =>
        {
            var index = names.IndexOf((choice.Name, typeof(string)));
            Assert.True(index > 0, $"{choice.Name} is not a string property of the cause document.");
            Assert.Equal(choice.After ?? names[index - 1].Name, names[index - 1].Name);
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_AgreesWithTheReader_OnEachName(string field, string name)
        => ChoiceTestKit.SchemaAgreesWithTheReader(Cause.Choices, "causes", FlaggedCause, field, name);

    [Fact]
    public void Reader_UnknownName_IsRefusedAtItsPath_NamingTheValueAndTheAllowedNames()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["causes"]![FlaggedCause]!["suspectedUrgency"] = "soon";

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(ErrorCodes.JsonUnknownValue, problem.Code);
        Assert.Equal("$.causes[1].suspectedUrgency", problem.Path);
        Assert.Equal("'soon' is not an allowed value; allowed: selfCare, routine, urgent, emergency.", problem.Message);
    }

    [Fact]
    public void Schema_ListsEachFieldsAllowedNames()
    {
        var schema = JsonNode.Parse(JsonSchemas.KnowledgeBase)!;

        Assert.All(Cause.Choices, choice =>
        {
            var property = schema["$defs"]!["cause"]!["properties"]![choice.Name]!;
            var definition = property["$ref"] is { } reference
                ? schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]!
                : property;
            Assert.Equal(choice.Values.Select(JsonEnum.Name), definition["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        });
    }

    [Fact]
    public void BuiltInBase_KeepsEveryFieldsValue_ThroughJsonAndToBuilder()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var read = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(kb));
        var rebuilt = kb.ToBuilder().Build();

        Assert.All(Cause.Choices, choice =>
        {
            var values = kb.Causes.Select(choice.Read).ToList();
            Assert.Equal(values, read.Causes.Select(choice.Read));
            Assert.Equal(values, rebuilt.Causes.Select(choice.Read));
        });
        Assert.True(kb.Causes.Select(c => c.SuspectedUrgency).Distinct().Count() > 1, "Every built-in cause has the same urgency: the round trip tells little.");
        Assert.Equal(kb.ContentHash, read.ContentHash);
        Assert.Equal(kb.ContentHash, rebuilt.ContentHash);
    }

    [Fact]
    public void Reader_LeftOutField_IsItsDefault()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["causes"]![0]!.AsObject().Remove("suspectedUrgency");

        Assert.Equal(Urgency.Routine, KnowledgeBaseJson.Read(json.ToJsonString()).Causes[0].SuspectedUrgency);
    }

    [Fact]
    public void ContentHash_ChangesWithAFieldsValue_AndOnlyThen()
    {
        var kb = FixtureBase.Create();
        string HashWith(string name)
        {
            var json = JsonNode.Parse(KnowledgeBaseJson.Write(kb))!;
            json["causes"]![FlaggedCause]!["suspectedUrgency"] = name;
            return KnowledgeBaseJson.Read(json.ToJsonString()).ContentHash;
        }

        Assert.Equal(kb.ContentHash, HashWith("urgent"));
        Assert.NotEqual(kb.ContentHash, HashWith("emergency"));
        Assert.NotEqual(HashWith("emergency"), HashWith("routine"));
    }

    [Fact]
    public void Validator_ValueOutsideTheDeclaration_IsUndefinedValueAtItsPath()
    {
        var builder = FixtureBase.Builder();
        builder.Causes[0].Choices["suspectedUrgency"] = (Urgency)42;

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());

        var problem = Assert.Single(ex.Problems, p => p.Code == ErrorCodes.UndefinedValue);
        Assert.Equal("$.causes[0].suspectedUrgency", problem.Path);
        Assert.Equal("42 is not a defined Urgency; allowed: SelfCare, Routine, Urgent, Emergency.", problem.Message);
    }
}
