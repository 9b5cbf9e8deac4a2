using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Validation;

/// <summary>
/// One validation vocabulary (issue 15 item 5): every exception the library throws for bad input carries
/// <see cref="ValidationProblem"/>s, every reader and validator reports its paths in the one JSON-path grammar of
/// docs/errors.md with a severity, and a defect has the same code and path whether the base was built in C# or read
/// from JSON.
/// </summary>
public sealed class ValidationVocabularyTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private static Regex PathGrammar() => ProblemPathGrammar.Regex();

    [Fact]
    public void PublicExceptionTypes_OfTheLibrary_AreValidationExceptions()
    {
        var exceptions = typeof(ValidationProblem).Assembly.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Contains(typeof(RulesJsonException), exceptions);
        Assert.All(exceptions, t => Assert.True(typeof(ValidationException).IsAssignableFrom(t), $"{t.Name} does not derive from ValidationException"));
    }

    [Fact]
    public void RulesJsonException_ItsOneProblem_CarriesCodePathAndPosition()
    {
        var ex = Assert.Throws<RulesJsonException>(() => KnowledgeBaseJson.Read("{\n  \"formatVersion\": 1,\n  \"id\": oops\n}"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((ex.Code, ex.JsonPath, ex.LineNumber, ex.BytePositionInLine), (problem.Code, problem.Path, problem.LineNumber, problem.BytePositionInLine));
        Assert.Equal(("HPJ001", "$.id", 3L, 9L, ValidationSeverity.Error), (problem.Code, problem.Path, problem.LineNumber.GetValueOrDefault(), problem.BytePositionInLine.GetValueOrDefault(), problem.Severity));
        Assert.Equal(problem.ToString(), ex.Message);
    }

    [Fact]
    public void Problems_OfEveryReaderAndValidator_FollowThePathGrammarWithASeverity()
    {
        var problems = BadInputs().SelectMany(input => input.Problems.Select(p => (input.Name, Problem: p))).ToList();

        Assert.Equal(BadInputs().Select(i => i.Name), problems.Select(p => p.Name).Distinct());
        Assert.All(problems, p => Assert.Matches(PathGrammar(), p.Problem.Path));
        Assert.All(problems, p => Assert.True(Enum.IsDefined(p.Problem.Severity), $"{p.Name}: {p.Problem}"));
        Assert.All(problems, p => Assert.Equal(p.Problem.Code.StartsWith("HPT", StringComparison.Ordinal) && p.Name == "text pack check" ? ValidationSeverity.Warning : ValidationSeverity.Error, p.Problem.Severity));
    }

    [Theory]
    [InlineData("$", true)]
    [InlineData("$.causes[3].prior", true)]
    [InlineData("$.findings['loc.groin']['name']", true)]
    [InlineData("$.Triage.LeadingCauseCount", true)]
    [InlineData("causes[3].prior", false)]
    [InlineData("$.causes[gtps].prior", false)]
    [InlineData("packs/clinic.overlay.json:$.priors[0]", false)]
    [InlineData("$.observations[0].", false)]
    public void PathGrammar_ExamplesOfTheDocs_AcceptedOrRefused(string path, bool valid)
    {
        Assert.Equal(valid, PathGrammar().IsMatch(path));
    }

    [Theory]
    [InlineData("$.causes[3].prior", "$.causes[3].prior")]
    [InlineData("$.case. observations", "$.case[' observations']")]
    [InlineData("$.plan.avoid[0].ca uses", "$.plan.avoid[0]['ca uses']")]
    [InlineData("$.case.", "$.case['']")]
    [InlineData("$.$schema", "$['$schema']")]
    [InlineData("$['loc.groin']['it\\'s']", "$['loc.groin']['it\\'s']")]
    [InlineData("$.texts['a'b']", "$.texts['a\\'b']")]
    [InlineData("query.pack", "query.pack")]
    public void Constructor_PathWithANameThatIsNotPlain_QuotedInTheGrammar(string given, string expected)
    {
        var problem = new ValidationProblem("HPJ001", given, "m");

        Assert.Equal(expected, problem.Path);
        Assert.True(!expected.StartsWith('$') || PathGrammar().IsMatch(problem.Path), problem.Path);
    }

    [Fact]
    public void SameDefects_BuiltInCSharpOrReadFromJson_SameCodesAndPaths()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(Base().Build()))!;
        json["causes"]![1]!["prior"] = 1.5;
        json["causes"]![1]!["rules"]![1]!["criterion"]!["of"]![2]!["present"] = "zz";
        json["causes"]![1]!["rules"]![2]!["criterion"]!["anyOf"]![0]!["allOf"]![1]!["absent"] = "yy";
        json["redFlags"]![0]!["suspects"]![0] = "nope";

        Assert.False(KnowledgeBaseJson.TryRead(json.ToJsonString(), out _, out var fromJson));
        var fromCSharp = Base(prior: 1.5, unknown: "zz", absent: "yy", suspect: "nope").Validate();

        string[] expected =
        [
            "HPK005 at $.causes[1].prior",
            "HPK003 at $.causes[1].rules[1].criterion.of[2]",
            "HPK003 at $.causes[1].rules[2].criterion.anyOf[0].allOf[1]",
            "HPK002 at $.redFlags[0].suspects[0]",
        ];
        Assert.Equal(expected, fromCSharp.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal(expected, fromJson.Select(p => $"{p.Code} at {p.Path}"));
    }

    // Valid with the defaults; each argument puts one defect where the test expects it.
    private static KnowledgeBaseBuilder Base(double prior = 0.2, string unknown = "d", string absent = "f", string suspect = "second") =>
        new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddFinding("b", "B", FindingKind.Symptom)
            .AddFinding("c", "C", FindingKind.Examination)
            .AddFinding("d", "D", FindingKind.Examination)
            .AddFinding("e", "E", FindingKind.History)
            .AddFinding("f", "F", FindingKind.History)
            .AddFinding("g", "G", FindingKind.RiskFactor)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("first", "First", c => c.Prior(0.3, Source).Treat("tx").Finding("a", 2, 0.5, Source))
            .AddCause("second", "Second", c => c.Prior(prior, Source).Treat("tx")
                .Finding("a", 2, 0.5, Source)
                .Composite("second/two-of", Criterion.AtLeast(2, Criterion.Present("b"), Criterion.Present("c"), Criterion.Present(unknown)), 3, 0.6, Source)
                .Composite("second/any", Criterion.AnyOf(Criterion.AllOf(Criterion.Present("e"), Criterion.Absent(absent)), Criterion.Present("g")), 1.5, 0.9, Source))
            .AddRedFlag("rf", "Flag", f => f.When(Criterion.Present("a")).Urgency(Urgency.Urgent).Action("Act").Evidence(Source).Suspect(suspect));

    private static IEnumerable<(string Name, IReadOnlyList<ValidationProblem> Problems)> BadInputs()
    {
        var valid = Base().Build();
        var engine = new TriageEngine(valid);

        yield return ("builder", Base(prior: 1.5, unknown: "zz", absent: "yy", suspect: "nope").AddFinding("a", " ", (FindingKind)9).Validate());

        var json = JsonNode.Parse(KnowledgeBaseJson.Write(valid))!;
        json["causes"]![0]!["prior"] = -1;
        json["causes"]![1]!["rules"]![0]!["ratio"]!["positive"] = 0;
        json["findings"]![0]!["kind"] = "nonsense";
        KnowledgeBaseJson.TryRead(json.ToJsonString(), out _, out var jsonProblems);
        yield return ("knowledge-base JSON", jsonProblems);

        yield return ("unreadable JSON", Assert.Throws<RulesJsonException>(() => CaseJson.Read("""{ "formatVersion": 1, "age": [ }""")).Problems);

        var overlay = new KnowledgeBaseOverlayBuilder("o", "1").Prior("nope", 0.5, Source).DisableRule("nope/rule").Build();
        Assert.False(overlay.TryApplyTo(valid, out _, out var overlayProblems));
        yield return ("overlay", overlayProblems);

        yield return ("case", engine.Validate(new PatientCase(130, (Sex)7, [Observation.Present("zz"), Observation.Present("a"), Observation.Absent("a"), new Observation(" ", FindingState.Present)])));

        yield return ("case JSON", Assert.ThrowsAny<ValidationException>(() => CaseJson.Read("""{ "formatVersion": 1, "sex": "f", "observations": [ { "findingId": "a", "state": "yes" } ] }""")).Problems);

        yield return ("text pack check", BuiltInTextPacks.Spanish.Check(valid));

        var result = TriageResultJson.Write(new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(PatientCase.Create(30, Sex.Female, Observation.Present("loc.groin"))));
        yield return ("stored result", Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(result, engine)).Problems);
    }
}
