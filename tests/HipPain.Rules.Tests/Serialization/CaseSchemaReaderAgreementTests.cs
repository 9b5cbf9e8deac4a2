using System.Text.Json.Nodes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Safety.Fuzzing;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: the case schema and the library agree on the form of a case, as
/// <see cref="OverlaySchemaReaderAgreementTests"/> checks for overlays. Every case document we have (the fuzz corpus and
/// the bundled sample cases) is edited once at every place (<see cref="SingleEdits"/>). A document the schema refuses,
/// the library refuses too (reading it, or validating it against its knowledge base); a document the schema accepts,
/// the library reads, and validation finds no problem of form. What is left are problems a schema cannot see: a finding
/// code the base does not have, one finding given twice. A finding code that no knowledge base can have (blank, or with
/// white space or a control character, which a base's id never holds: HPK012) is a problem of form.
/// </summary>
public sealed class CaseSchemaReaderAgreementTests(ITestOutputHelper output)
{
    /// <summary>The codes of problems a schema can see: the JSON reader's, an age out of range, a missing finding code, an undefined state or sex.</summary>
    private static readonly string[] FormCodes =
        ["HPJ", ErrorCodes.CaseAgeOutOfRange, ErrorCodes.CaseMissingFindingId, ErrorCodes.CaseUndefinedState, ErrorCodes.CaseUndefinedSex];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<KnowledgeBase, TriageEngine> Engines = new();

    [Fact]
    public void CaseSchema_RefusesWhatTheLibraryRefusesOnForm_AndNothingItAccepts()
    {
        var seeds = Seeds().ToList();
        var tally = SchemaAgreementTally.Of(
            SchemaChecker.Case,
            SchemaAgreementTally.Edited(seeds, SingleEdits.Of),
            (json, _, knowledgeBase) => Library(json, knowledgeBase),
            SingleEdits.WithoutNulls,
            "a null");

        tally.WriteTo(output, $"{tally.Documents} documents ({seeds.Count} as they are, the rest single edits):");

        Assert.True(tally.Documents > 500, $"Only {tally.Documents} documents: the seeds lost content.");
        Assert.True(tally.KindsStartingWith("schema accepts") > 1, "No edited document was valid: the check tells nothing.");
        Assert.True(tally.KindsStartingWith("schema refuses") > 3, "Too few kinds of refusal: the check tells little.");
        Assert.All(seeds, seed => Assert.Empty(SchemaChecker.Errors(SchemaChecker.Case, seed.Document.ToJsonString())));
        tally.AssertNoDisagreement();
    }

    /// <summary>"accepts", or where the library refuses the case: its read codes, or its validation codes; on form when a schema could see a problem.</summary>
    private static LibraryAnswer Library(string json, KnowledgeBase knowledgeBase)
    {
        try
        {
            var problems = Engines.GetOrAdd(knowledgeBase, kb => new TriageEngine(kb)).Validate(CaseJson.Read(json));
            return problems.IsEmpty
                ? new("accepts", true, false)
                : new("refuses on validation: " + Codes(problems), false, problems.Any(IsOfForm));
        }
        catch (ValidationException ex)
        {
            return new("refuses on read: " + Codes(ex.Problems), false, ex.Problems.Any(IsOfForm));
        }

        static string Codes(IEnumerable<ValidationProblem> problems) => string.Join(", ", problems.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>Whether a schema can see <paramref name="problem"/>: one of <see cref="FormCodes"/>, or a finding code no knowledge base can have.</summary>
    private static bool IsOfForm(ValidationProblem problem) =>
        FormCodes.Any(code => problem.Code.StartsWith(code, StringComparison.Ordinal))
        || (problem.Code == ErrorCodes.CaseUnknownFinding && IsImpossibleId(problem.Message));

    /// <summary>Whether the finding code the HPC001 message quotes holds white space or a control character (or is blank).</summary>
    private static bool IsImpossibleId(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal) + 1;
        var id = message[start..message.IndexOf("':", start, StringComparison.Ordinal)];
        return string.IsNullOrWhiteSpace(id) || id.Any(char.IsWhiteSpace) || id.Any(char.IsControl);
    }

    /// <summary>The case documents we have, each with the knowledge base it is validated against.</summary>
    private static IEnumerable<(string Name, JsonNode Document, KnowledgeBase KnowledgeBase)> Seeds()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("fuzz/corpus/case"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return ("fuzz/corpus/case/" + Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!, FuzzSeeds.Small);
        }

        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("samples/cases/bundled"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return ("samples/cases/bundled/" + Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!, BuiltInKnowledgeBase.Instance);
        }
    }
}
