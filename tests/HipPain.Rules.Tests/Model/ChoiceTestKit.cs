using System.Collections.Immutable;
using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Serialization;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// What the tests of each kind's declared enumerated fields (<see cref="ClinicalChoiceTests"/>,
/// <see cref="FindingChoiceTests"/>, <see cref="TreatmentChoiceTests"/>, <see cref="RecommendationChoiceTests"/>) share: the names to try, and the check that the
/// generated schema and the reader agree on each.
/// </summary>
internal static class ChoiceTestKit
{
    /// <summary>Every declared field with every allowed name, and names that are not allowed (an unknown one, and the first and last allowed names in capitals).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="declarations">The kind's enumerated fields.</param>
    public static TheoryData<string, string> Names<T>(ImmutableArray<ClinicalChoice<T>> declarations)
    {
        var data = new TheoryData<string, string>();
        foreach (var choice in declarations)
        {
            foreach (var value in choice.Values)
            {
                data.Add(choice.Name, JsonEnum.Name(value));
            }

            data.Add(choice.Name, "notAValue");
            data.Add(choice.Name, JsonEnum.Name(choice.Values[0]).ToUpperInvariant());
            if (choice.Values.Length > 1)
            {
                data.Add(choice.Name, JsonEnum.Name(choice.Values[^1]).ToUpperInvariant());
            }
        }

        return data;
    }

    /// <summary>
    /// Writes <paramref name="name"/> into <paramref name="field"/> of the fixture base's item at <paramref name="index"/>
    /// of <paramref name="list"/>, and asserts that the schema accepts it exactly when the reader does, and that both
    /// accept it exactly when the declaration allows it.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="declarations">The kind's enumerated fields.</param>
    /// <param name="list">The JSON list of the kind (<c>causes</c>, <c>findings</c>, <c>treatments</c>).</param>
    /// <param name="index">An item of the fixture where every value of the field is valid.</param>
    /// <param name="field">The field's JSON name.</param>
    /// <param name="name">The value's JSON name to try.</param>
    public static void SchemaAgreesWithTheReader<T>(ImmutableArray<ClinicalChoice<T>> declarations, string list, int index, string field, string name)
        => SchemaAgreesWithTheReader(declarations, json => json[list]![index]!, field, name);

    /// <summary>
    /// As <see cref="SchemaAgreesWithTheReader{T}(ImmutableArray{ClinicalChoice{T}}, string, int, string, string)"/>,
    /// for an item that is not in a list at the root (a recommendation, inside its cause): <paramref name="item"/> finds
    /// it in the fixture base's JSON form.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="declarations">The kind's enumerated fields.</param>
    /// <param name="item">Finds the item, where every value of the field is valid, in the base's JSON form.</param>
    /// <param name="field">The field's JSON name.</param>
    /// <param name="name">The value's JSON name to try.</param>
    public static void SchemaAgreesWithTheReader<T>(ImmutableArray<ClinicalChoice<T>> declarations, Func<JsonNode, JsonNode> item, string field, string name)
    {
        var choice = declarations.Single(c => c.Name == field);
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        item(json)[field] = name;

        var schemaErrors = SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json.ToJsonString());
        var readError = Record.Exception(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        var allowed = choice.Values.Any(v => JsonEnum.Name(v) == name);
        Assert.Equal((allowed, allowed), (schemaErrors.Count == 0, readError is null));
    }
}
