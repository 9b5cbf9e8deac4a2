using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Cli.Tests;

/// <summary><c>hippain interview --pain-map</c>, and the map a patient interview at a terminal shows before its first question.</summary>
public class InterviewPainMapTests
{
    private static readonly string AllNo = string.Concat(Enumerable.Repeat("no\n", 200));

    private static readonly Interviewer Patient = new(new TriageEngine(BuiltInKnowledgeBase.Instance), new InterviewOptions { Audience = InterviewAudience.Patient });

    [Fact]
    public void Interview_PainMapOption_StartsFromTheMarkedRegionsAsTheLibraryDoes()
    {
        var expected = Patient.Conduct(PatientCase.Create(41, Sex.Male), ["loc.lower-back", "loc.buttock"], _ => FindingState.Absent);

        var run = CliRunner.RunWithInput(AllNo, "interview", "--audience", "patient", "--age", "41", "--sex", "male", "--pain-map", "loc.lower-back", "loc.buttock", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 findings given, pain map: Low back pain; Pain in the", run.Error, StringComparison.Ordinal);
        Assert.Contains("Is any skin numb between your legs or around your bottom?", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("No pain map given", run.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
        Assert.Equal(expected.Final.RedFlagQuestionsAsked, document.RootElement.GetProperty("redFlagQuestionsAsked").GetInt32());
        Assert.Equal(2, document.RootElement.GetProperty("state").GetProperty("startingObservations").GetInt32());
    }

    [Fact]
    public void Interview_ScriptedPatientWithoutAMap_SaysSoAndStartsFromAgeAndSex()
    {
        var expected = Patient.Conduct(PatientCase.Create(41, Sex.Male), _ => FindingState.Absent);

        var run = CliRunner.RunWithInput(AllNo, "interview", "--audience", "patient", "--age", "41", "--sex", "male", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No pain map given", run.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
    }

    [Fact]
    public void Interview_EmptyPainMapOrALocationInTheCase_NoHint()
    {
        var empty = CliRunner.RunWithInput(AllNo, "interview", "--audience", "patient", "--age", "41", "--pain-map");
        var located = CliRunner.RunWithInput(AllNo, "interview", "--audience", "patient", "--age", "41", "--present", "loc.groin");

        Assert.Equal((0, 0), (empty.ExitCode, located.ExitCode));
        Assert.DoesNotContain("No pain map given", empty.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("No pain map given", located.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_BadPainMap_Exit1NamingEveryRegionProblem()
    {
        var run = CliRunner.RunWithInput(AllNo, "interview", "--audience", "patient", "--pain-map", "sym.fever", "loc.nowhere");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--pain-map: HPC009 at $.painMap[0]", run.Error, StringComparison.Ordinal);
        Assert.Contains("HPC001 at $.painMap[1]", run.Error, StringComparison.Ordinal);
        Assert.Contains("loc.lower-back", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_PatientAtATerminal_MarksThePainMapBeforeTheFirstQuestion()
    {
        var expected = Patient.Conduct(PatientCase.Create(41, Sex.Male), ["loc.lower-back"], _ => FindingState.Absent);
        var prompts = CliRunner.Prompts();
        prompts.Input.PushKey(ConsoleKey.UpArrow);                                 // the last region (wraps around): low back
        prompts.Input.PushKey(ConsoleKey.Spacebar);
        prompts.Input.PushKey(ConsoleKey.Enter);
        CliRunner.PushNo(prompts, expected.Final.QuestionsAsked);

        var run = CliRunner.RunWithPrompts(prompts, "interview", "--audience", "patient", "--age", "41", "--sex", "male", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Where do you feel the pain?", prompts.Output, StringComparison.Ordinal);
        Assert.Contains("pain map: Low back pain.", prompts.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output);
        Assert.True(document.RootElement.GetProperty("finished").GetBoolean());
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
        Assert.Equal(expected.Final.RedFlagQuestionsAsked, document.RootElement.GetProperty("redFlagQuestionsAsked").GetInt32());
    }

    [Fact]
    public void Interview_ClinicianAtATerminal_NoPainMapPrompt()
    {
        var expected = new Interviewer(new TriageEngine(BuiltInKnowledgeBase.Instance)).Conduct(PatientCase.Create(41, Sex.Male), _ => FindingState.Absent);
        var prompts = CliRunner.Prompts();
        CliRunner.PushNo(prompts, expected.Final.QuestionsAsked);

        var run = CliRunner.RunWithPrompts(prompts, "interview", "--age", "41", "--sex", "male", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Where do you feel the pain?", prompts.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
    }
}
