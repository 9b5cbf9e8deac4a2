using System.Text.Json;
using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;
using HipPain.Rules.Tests.Safety.Fuzzing;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>
/// Issue 15 item 1: the generated overlay schema and the library agree on the form of an overlay. Every overlay document
/// we have (the fuzz corpus, the bundled sample and hand-made ones that reach every definition) is edited once at every
/// place: each property removed, an unknown property added to each object, each value replaced by null, an empty or
/// blank string, a word, a control character, a number (negative, fractional, 2), a boolean, an array or an object. A seeded sample of those
/// documents must get the same answer from both: a document the schema refuses, the library refuses too (reading or
/// applying it to its base); a document the schema accepts, the library reads, and applying it finds no problem of form
/// (what is left are problems a schema cannot see: unknown ids, conflicts with the base, ranges between fields).
/// </summary>
public sealed class OverlaySchemaReaderAgreementTests(ITestOutputHelper output)
{
    /// <summary>Edited documents checked on one CI run (of 8,961 single edits; <c>HIPPAIN_FUZZ_SCALE=7</c> checks them all).</summary>
    public const int Documents = 1_500;

    private const string Evidence = """{"citation":"Clinic audit","level":"cohortStudy","status":"estimated","note":"n"}""";

    /// <summary>
    /// The codes of problems a schema can see: the JSON reader's, a likelihood ratio or prior out of range, a missing
    /// citation, blank text.
    /// </summary>
    private static readonly string[] FormCodes = ["HPJ", ErrorCodes.InvalidLikelihoodRatio, ErrorCodes.PriorOutOfRange, ErrorCodes.MissingCitation, ErrorCodes.InvalidText];

    [Fact]
    public void OverlaySchema_RefusesWhatTheLibraryRefusesOnForm_AndNothingItAccepts()
    {
        var seeds = Seeds().ToList();
        var edits = seeds.SelectMany(seed => SingleEdits.Of(seed.Document).Select(edit => (seed.Name, edit.Name, edit.Document, seed.KnowledgeBase))).ToList();
        var count = Math.Min(edits.Count, FuzzSettings.Count(Documents));
        var rng = new Random(FuzzSettings.Seed);
        var tally = SchemaAgreementTally.Of(
            SchemaChecker.Overlay,
            SchemaAgreementTally.Edited(seeds, _ => []).Concat(edits.OrderBy(_ => rng.Next()).Take(count)),
            Library,
            WithoutWhatTheLibraryIgnores,
            "a null, or a text change without text");

        tally.WriteTo(output, $"{tally.Documents} documents ({seeds.Count} as they are, {count} of {edits.Count} single edits; seed {FuzzSettings.Seed}):");

        Assert.True(edits.Count > 5_000, $"Only {edits.Count} single edits: the seeds lost content.");
        Assert.True(tally.KindsStartingWith("schema accepts") > 1, "No edited document was valid: the check tells nothing.");
        Assert.True(tally.KindsStartingWith("schema refuses") > 3, "Too few kinds of refusal: the check tells little.");
        Assert.All(seeds, seed => Assert.Equal("applies", Library(seed.Document.ToJsonString(), seed.Document, seed.KnowledgeBase).Outcome));
        tally.AssertNoDisagreement();
    }

    /// <summary>
    /// "applies", or where the library refuses the document: its read code, or its apply codes; on form when a schema
    /// could see one of the problems (the read problem, or those of applying).
    /// </summary>
    private static LibraryAnswer Library(string json, JsonNode document, KnowledgeBase knowledgeBase)
    {
        try
        {
            var overlay = OverlayJson.Read(json);
            return overlay.TryApplyTo(knowledgeBase, out _, out var problems)
                ? new("applies", true, false)
                : new("refuses on apply: " + string.Join(", ", problems.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal)), false, problems.Any(p => IsOfForm(p, document)));
        }
        catch (RulesJsonException ex)
        {
            return new("refuses on read: " + ex.Code, false, ex.Problems.Any(p => IsOfForm(p, document)));
        }
    }

    /// <summary>
    /// Whether a schema can see <paramref name="problem"/>: one of <see cref="FormCodes"/>, or a criterion of the wrong
    /// form (HPK011) other than the two relations between its own values a schema cannot check: more parts required
    /// than listed (<c>atLeast</c> above the length of <c>of</c>), and an age band whose minimum is above its maximum.
    /// </summary>
    private static bool IsOfForm(ValidationProblem problem, JsonNode document)
    {
        if (FormCodes.Any(code => problem.Code.StartsWith(code, StringComparison.Ordinal)))
        {
            return true;
        }

        if (problem.Code != ErrorCodes.InvalidCriterion)
        {
            return false;
        }

        if (SingleEdits.TryFind(document, problem.Path) is not JsonObject criterion)
        {
            return true;
        }

        if (criterion["atLeast"] is JsonValue atLeast && atLeast.TryGetValue<int>(out var minimum) && criterion["of"] is JsonArray of)
        {
            return minimum <= of.Count;
        }

        return !(criterion["age"] is JsonObject age
            && age["minimum"] is JsonValue low && low.TryGetValue<int>(out var youngest)
            && age["maximum"] is JsonValue high && high.TryGetValue<int>(out var oldest)
            && youngest > oldest);
    }

    /// <summary>
    /// <paramref name="document"/> without what the library reads as nothing: every property whose value is <c>null</c>,
    /// and every text change that gives no text.
    /// </summary>
    private static JsonNode WithoutWhatTheLibraryIgnores(JsonNode document)
    {
        var copy = SingleEdits.WithoutNulls(document);
        foreach (var change in new[] { "causeText", "findingText", "treatmentText", "redFlagText" })
        {
            if (copy[change] is JsonArray changes)
            {
                foreach (var empty in changes.OfType<JsonObject>().Where(c => c.All(p => p.Key == "id")).ToList())
                {
                    changes.Remove(empty);
                }
            }
        }

        return copy;
    }

    /// <summary>The overlay documents we have, each with the base it applies to.</summary>
    private static IEnumerable<(string Name, JsonNode Document, KnowledgeBase KnowledgeBase)> Seeds()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("fuzz/corpus/overlay"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return ("fuzz/corpus/overlay/" + Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!, FuzzSeeds.Small);
        }

        const string sample = "samples/packs/endurance-clinic.overlay.json";
        yield return (sample, JsonNode.Parse(File.ReadAllText(Repository.PathOf(sample)))!, FixtureBase.Create());

        const string head = """{"formatVersion":1,"id":"hand-made","version":"2","appliesTo":{"id":"fuzz-base"},""";
        string[] handMade =
        [
            """
            "overrideRules":[{"id":"common/cluster","criterion":{"anyOf":[{"present":"b"},{"sex":"male"},{"age":{"maximum":30}}]},"ratio":{"positive":3,"negative":0.5},"evidence":EVIDENCE,"description":"Relabelled"},
              {"id":"common/graded","cause":"common","graded":{"parts":[{"absent":"a"},{"age":{"minimum":40,"maximum":90}}],"ratios":[0.6,1.2,2.0]},"evidence":EVIDENCE}]
            """,
            """
            "overrideGroups":[{"id":"common/loading","cause":"common","members":[{"rule":"common/a"},{"rule":"common/graded","joint":true}]}],
            "addRecommendations":[{"cause":"serious","treatmentId":"tx.avoid","line":"avoid","note":"n","evidence":EVIDENCE}]
            """,
            """
            "addCauses":[{"id":"rich","name":"Rich cause","description":"D","icd10":"M25.5","snomedCt":"1","prior":0.04,"priorEvidence":EVIDENCE,"suspectedUrgency":"urgent",
              "running":{"restriction":"reduceLoad","text":"Run less."},
              "rules":[{"id":"rich/a","criterion":{"present":"a"},"ratio":{"positive":2,"negative":0.5},"evidence":EVIDENCE},
                {"id":"rich/g","graded":{"parts":[{"present":"b"},{"present":"c"}],"ratios":[0.5,null,3]},"evidence":EVIDENCE,"description":"G"}],
              "groups":[{"id":"rich/group","name":"Group","members":[{"rule":"rich/a"},{"rule":"rich/g","joint":true}]}],
              "recommendations":[{"treatmentId":"tx.rest","line":"firstLine","evidence":EVIDENCE}]}],
            "addRedFlags":[{"id":"rf.rich","name":"Rich flag","criterion":{"present":"d"},"urgency":"urgent","action":"Act.","running":{"restriction":"stopRunning","text":"Stop."},
              "suspects":["rich"],"evidence":EVIDENCE,"askWhen":{"present":"a"},"screen":["d"]}]
            """,
            """
            "causeText":[{"id":"serious","name":"N","description":"D"}],
            "findingText":[{"id":"b","name":"N","question":"Q?","patientQuestion":"P?"}],
            "treatmentText":[{"id":"tx.mri","name":"N","description":"D"}],
            "redFlagText":[{"id":"rf.serious","name":"N","action":"A"}]
            """,
        ];
        for (var i = 0; i < handMade.Length; i++)
        {
            var text = head + handMade[i].Trim().Replace("EVIDENCE", Evidence, StringComparison.Ordinal) + "}";
            yield return ($"hand-made {i}", JsonNode.Parse(text)!, FuzzSeeds.Small);
        }
    }
}
