using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using Json.Schema;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>What the library makes of one document in a schema/reader agreement test.</summary>
/// <param name="Outcome">How the tally names it: "accepts" (an overlay: "applies"), or how the library refuses it, with its codes.</param>
/// <param name="Accepts">Whether the library takes the document without a problem.</param>
/// <param name="RefusesOnForm">Whether one of the library's problems is one a schema can see (the test's own list).</param>
internal readonly record struct LibraryAnswer(string Outcome, bool Accepts, bool RefusesOnForm);

/// <summary>
/// Issue 15 item 7: the one edit-and-tally loop of the schema/reader agreement tests
/// (<see cref="CaseSchemaReaderAgreementTests"/>, <see cref="OverlaySchemaReaderAgreementTests"/>,
/// <see cref="TextPackSchemaReaderAgreementTests"/>). Each document goes to the schema and to the library. They
/// disagree when the schema accepts a document the library refuses on form, or refuses one the library accepts; the
/// latter is no disagreement when the schema accepts the document once what the library reads as nothing is taken out
/// (a null, for example): there the schema is stricter by design, and the tally says so. Every document is counted under
/// its outcome, so a test can see that its edits reached both answers.
/// </summary>
internal sealed class SchemaAgreementTally
{
    private readonly Dictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private readonly List<string> disagreements = [];

    private SchemaAgreementTally()
    {
    }

    /// <summary>The documents checked.</summary>
    public int Documents { get; private set; }

    /// <summary>How many documents had each outcome ("schema accepts, library accepts", and so on).</summary>
    public IReadOnlyDictionary<string, int> Outcomes => outcomes;

    /// <summary>Each disagreement: the seed, the edit, both answers and the document.</summary>
    public IReadOnlyList<string> Disagreements => disagreements;

    /// <summary>Checks every document with <paramref name="schema"/> and with <paramref name="library"/>, and tallies the outcomes.</summary>
    /// <param name="schema">The schema of the documents' format.</param>
    /// <param name="documents">Each document, with the names of its seed and its edit, and the knowledge base the library checks it against.</param>
    /// <param name="library">What the library makes of a document (given as its JSON text and as a node) with its knowledge base.</param>
    /// <param name="withoutIgnored">A document without what the library reads as nothing.</param>
    /// <param name="stricterByDesign">What <paramref name="withoutIgnored"/> takes out, for the tally's words.</param>
    public static SchemaAgreementTally Of(
        JsonSchema schema,
        IEnumerable<(string Seed, string Edit, JsonNode Document, KnowledgeBase KnowledgeBase)> documents,
        Func<string, JsonNode, KnowledgeBase, LibraryAnswer> library,
        Func<JsonNode, JsonNode> withoutIgnored,
        string stricterByDesign)
    {
        var tally = new SchemaAgreementTally();
        foreach (var (seed, edit, document, knowledgeBase) in documents)
        {
            tally.Documents++;
            var json = document.ToJsonString();
            var schemaErrors = SchemaChecker.Errors(schema, json);
            var answer = library(json, document, knowledgeBase);
            var outcome = $"schema {(schemaErrors.Count == 0 ? "accepts" : "refuses")}, library {answer.Outcome}";
            if (schemaErrors.Count > 0 && answer.Accepts && SchemaChecker.Errors(schema, withoutIgnored(document).ToJsonString()).Count == 0)
            {
                outcome += $" (stricter by design: {stricterByDesign})";
            }
            else if (schemaErrors.Count == 0 ? answer.RefusesOnForm : answer.Accepts)
            {
                tally.disagreements.Add($"{seed}, {edit}: {outcome}; schema: {string.Join("; ", schemaErrors.Take(3))}\n{json}");
            }

            tally.outcomes[outcome] = tally.outcomes.GetValueOrDefault(outcome) + 1;
        }

        return tally;
    }

    /// <summary>Each seed as it is ("as it is"), then each of its <paramref name="edits"/>, with the seed's name and knowledge base.</summary>
    public static IEnumerable<(string Seed, string Edit, JsonNode Document, KnowledgeBase KnowledgeBase)> Edited(
        IEnumerable<(string Name, JsonNode Document, KnowledgeBase KnowledgeBase)> seeds,
        Func<JsonNode, IEnumerable<(string Name, JsonNode Document)>> edits) =>
        seeds.SelectMany(seed => edits(seed.Document).Prepend<(string Name, JsonNode Document)>(("as it is", seed.Document))
            .Select(edit => (seed.Name, edit.Name, edit.Document, seed.KnowledgeBase)));

    /// <summary>How many kinds of outcome begin with <paramref name="prefix"/> ("schema accepts", "schema refuses").</summary>
    public int KindsStartingWith(string prefix) => outcomes.Keys.Count(o => o.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Writes <paramref name="heading"/>, then each outcome with its count, most frequent first.</summary>
    public void WriteTo(ITestOutputHelper output, string heading)
    {
        output.WriteLine(heading);
        foreach (var (outcome, number) in outcomes.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{number,6}  {outcome}");
        }
    }

    /// <summary>Fails with the first disagreements when there is any.</summary>
    public void AssertNoDisagreement() =>
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, the first:\n{string.Join("\n\n", disagreements.Take(3))}");
}
