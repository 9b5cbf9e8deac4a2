using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>Issue 18: a serialised TriageResult was 100-115 KB, numeric enums, empty criteria, and not AOT-safe.</summary>
public sealed class TriageResultJsonTests(ITestOutputHelper output)
{
    /// <summary>The size a typical result must stay under, in UTF-8 bytes (issue 18).</summary>
    private const int TypicalLimit = 8 * 1024;

    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    public static TheoryData<string> CaseNames => [.. BundledCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Write_BundledCase_ValidAgainstTheSchema(string name)
    {
        var json = TriageResultJson.Write(Engine.Triage(BundledCases.Find(name)!));

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.TriageResult, json));
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.TriageResult, TriageResultJson.Write(Engine.Triage(BundledCases.Find(name)!), new ResultJsonOptions { IncludeText = true, ExplainAllCauses = true })));
    }

    [Fact]
    public void Write_BundledCasesAndVignettes_TypicalResultOutsideRedFlagsUnder8KB()
    {
        // The size docs/results.md reports: the median over the bundled cases and the vignettes, default options.
        // The budget counts the result without its urgency section: a byte count never holds back red-flag content.
        var results = TypicalCases().Select(c => Engine.Triage(c)).ToList();
        var measured = results.Select(r => Measure(TriageResultJson.Write(r))).ToList();
        var whole = measured.Select(m => m.Whole).Order().ToList();
        var outside = measured.Select(m => m.Whole - m.Urgency).Order().ToList();
        var urgency = measured.Select(m => m.Urgency).Order().ToList();
        var withText = results.Select(r => Measure(TriageResultJson.Write(r, new ResultJsonOptions { IncludeText = true })).Whole).Order().ToList();

        var report = $"{whole.Count} results: whole median {Median(whole)} bytes, max {whole[^1]}; outside urgency median {Median(outside)}, max {outside[^1]}; "
            + $"urgency section median {Median(urgency)}, max {urgency[^1]}; whole with text median {Median(withText)}, max {withText[^1]}";
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "result-sizes.txt"), report);
        output.WriteLine(report);
        Assert.True(Median(outside) < TypicalLimit, $"median outside urgency {Median(outside)} bytes");
    }

    [Fact]
    public void Write_BundledCasesAndVignettes_EveryGateListsTheEnginesSettlingFindings()
    {
        // The red-flag rule: nothing trims an undecided gate's questions (or a fired or undecided gate) from the
        // written result, for size or any other reason.
        var checkedGates = 0;
        foreach (var result in TypicalCases().Select(c => Engine.Triage(c)))
        {
            using var document = JsonDocument.Parse(TriageResultJson.Write(result));
            var urgency = document.RootElement.GetProperty("urgency");
            var undecided = urgency.GetProperty("undecided").EnumerateArray().ToList();

            Assert.Equal(result.UndecidedRedFlags.Select(r => r.RedFlag.Id), undecided.Select(e => e.GetProperty("redFlag").GetString()));
            for (var i = 0; i < undecided.Count; i++)
            {
                Assert.Equal(result.UndecidedRedFlags[i].SettlingFindingIds, undecided[i].GetProperty("settlingFindings").EnumerateArray().Select(f => f.GetString()!));
                checkedGates++;
            }

            Assert.Equal(
                result.RedFlags.Where(r => r.Status == RedFlagStatus.Fired).Select(r => r.RedFlag.Id),
                urgency.GetProperty("fired").EnumerateArray().Select(e => e.GetProperty("redFlag").GetString()));
        }

        output.WriteLine($"{checkedGates} undecided gates checked");
        Assert.True(checkedGates > 0, "no undecided gate in the bundled cases and vignettes");
    }

    private static List<PatientCase> TypicalCases() =>
        [.. BundledCases.All.Select(c => c.Case)
            .Concat(HipPain.Rules.Accuracy.VignetteSet.Load(Path.Combine(Repository.Root, HipPain.Rules.Accuracy.VignetteSet.RelativePath)).Select(v => v.ToCase()))];

    /// <summary>The UTF-8 bytes of a written result, and of its <c>urgency</c> property's value exactly as written.</summary>
    private static (int Whole, int Urgency) Measure(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (System.Text.Encoding.UTF8.GetByteCount(json), System.Text.Encoding.UTF8.GetByteCount(document.RootElement.GetProperty("urgency").GetRawText()));
    }

    private static int Median(List<int> sorted) => sorted[sorted.Count / 2];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReadWrite_BundledCase_RoundTripsToTheSameText(string name)
    {
        var options = new ResultJsonOptions { Text = BuiltInTextPacks.Spanish, ExplainAllCauses = true };
        var json = TriageResultJson.Write(Engine.Triage(BundledCases.Find(name)!), options);

        var again = TriageResultJson.Write(TriageResultJson.Read(json, Engine), options);

        Assert.Equal(json, again);
    }

    [Fact]
    public void Write_EmergencyGateFired_MustExcludeFirstNamesTheCauseMostUrgentFirst()
    {
        // Issue 18: septic arthritis ranked 15th under a fired Emergency gate while FAI led.
        var result = Engine.Triage(BundledCases.Find("hot-hip")!);

        using var document = JsonDocument.Parse(TriageResultJson.Write(result));
        var urgency = document.RootElement.GetProperty("urgency");
        var first = urgency.GetProperty("mustExcludeFirst")[0];

        Assert.Equal(("emergency", "septic-arthritis", "emergency"), (urgency.GetProperty("settled").GetString(), first.GetProperty("cause").GetString(), first.GetProperty("urgency").GetString()));
        Assert.Equal(result.Differential.Single(c => c.Cause.Id == "septic-arthritis").Rank, first.GetProperty("rank").GetInt32());
        Assert.Contains("rf.infection-signs", first.GetProperty("redFlags").EnumerateArray().Select(e => e.GetString()));
        var septic = document.RootElement.GetProperty("differential").EnumerateArray().Single(c => c.GetProperty("cause").GetString() == "septic-arthritis");
        Assert.True(septic.TryGetProperty("explanation", out _));
    }

    [Fact]
    public void Write_ProvisionalUrgency_CarriesSettledPossibleUndecidedAndTheirQuestions()
    {
        var result = Engine.Triage(PatientCase.Create(34, Sex.Female, Observation.Present("loc.lateral-hip")));

        using var document = JsonDocument.Parse(TriageResultJson.Write(result));
        var urgency = document.RootElement.GetProperty("urgency");

        Assert.True(urgency.GetProperty("provisional").GetBoolean());
        Assert.Equal(JsonEnumName(result.HighestPossibleUrgency), urgency.GetProperty("highestPossible").GetString());
        Assert.Equal(result.UndecidedRedFlags.Select(r => r.RedFlag.Id), urgency.GetProperty("undecided").EnumerateArray().Select(e => e.GetProperty("redFlag").GetString()));
        Assert.Equal(
            result.SettlingFindingIds,
            urgency.GetProperty("undecided").EnumerateArray().SelectMany(e => e.GetProperty("settlingFindings").EnumerateArray().Select(f => f.GetString()!)).Distinct());
    }

    [Fact]
    public void Write_Spanish_NamesInSpanishAndTheTextStamped()
    {
        var json = TriageResultJson.Write(Engine.Triage(BundledCases.Find("lateral-hip-runner")!), new ResultJsonOptions { Text = BuiltInTextPacks.Spanish, IncludeText = true });

        using var document = JsonDocument.Parse(json);
        var text = document.RootElement.GetProperty("text");
        Assert.Equal(("es", "needsClinicalReview", BuiltInTextPacks.Spanish.ContentHash), (text.GetProperty("culture").GetString(), text.GetProperty("review").GetString(), text.GetProperty("hash").GetString()));
        Assert.Equal(BuiltInTextPacks.Spanish.Get(TextKey.CauseName("gtps")), document.RootElement.GetProperty("differential")[0].GetProperty("name").GetString());
        Assert.Equal(BuiltInKnowledgeBase.Instance.ContentHash, document.RootElement.GetProperty("knowledgeBase").GetProperty("hash").GetString());
    }

    [Fact]
    public void Write_OverlaidBase_NamesTheBaseUnderTheOverlay()
    {
        var overlay = OverlayJson.Read("""{ "formatVersion": 1, "id": "endurance-clinic", "version": "2026.1" }""");
        var engine = new TriageEngine(overlay.ApplyTo(BuiltInKnowledgeBase.Instance));

        using var document = JsonDocument.Parse(TriageResultJson.Write(engine.Triage(BundledCases.Find("lateral-hip-runner")!)));
        var knowledgeBase = document.RootElement.GetProperty("knowledgeBase");

        Assert.Equal("endurance-clinic", knowledgeBase.GetProperty("id").GetString());
        var origin = knowledgeBase.GetProperty("derivedFrom")[0];
        Assert.Equal((BuiltInKnowledgeBase.Id, BuiltInKnowledgeBase.Instance.ContentHash), (origin.GetProperty("id").GetString(), origin.GetProperty("hash").GetString()));
    }

    [Fact]
    public void Read_AnotherBase_HPR001()
    {
        var json = TriageResultJson.Write(Engine.Triage(BundledCases.Find("lateral-hip-runner")!));
        var other = new TriageEngine(BuiltInKnowledgeBase.CreateBuilder().SetIdentity("clinic", "1").Build());

        var ex = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(json, other));

        Assert.Equal(["HPR001 at $.knowledgeBase"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void Read_ProbabilityEdited_HPR002AtTheCause()
    {
        var result = Engine.Triage(BundledCases.Find("lateral-hip-runner")!);
        var json = TriageResultJson.Write(result);
        var recorded = $"\"probability\":{TriageResultJson.Round(result.Leading.Probability).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        var ex = Assert.Throws<ResultValidationException>(() => TriageResultJson.Read(json.Replace(recorded, "\"probability\":0.99", StringComparison.Ordinal), Engine));

        Assert.Equal(["HPR002 at $.differential[0]"], ex.Problems.Select(p => $"{p.Code} at {p.Path}"));
    }

    [Fact]
    public void WriteStep_PatientInterview_ValidSchemaPatientWordingAndResumable()
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient });
        var step = interviewer.Answer(interviewer.Start(PatientCase.Create(34, Sex.Female, Observation.Present("loc.lateral-hip"))), FindingState.Absent);

        var json = InterviewStepJson.Write(step, new ResultJsonOptions { Text = BuiltInTextPacks.Spanish });

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.InterviewStep, json));
        using var document = JsonDocument.Parse(json);
        var next = document.RootElement.GetProperty("next");
        Assert.Equal(BuiltInTextPacks.Spanish.Get(TextKey.FindingPatientQuestion(step.NextQuestion!.Finding.Id)), next.GetProperty("question").GetString());
        var resumed = InterviewStepJson.Read(json, interviewer);
        Assert.Equal((step.NextQuestion.Finding.Id, step.QuestionsAsked), (resumed.NextQuestion?.Finding.Id, resumed.QuestionsAsked));
    }

    private static string JsonEnumName(Urgency urgency) => char.ToLowerInvariant(urgency.ToString()[0]) + urgency.ToString()[1..];
}
