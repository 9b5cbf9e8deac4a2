using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Tests;

public class InterviewCommandTests
{
    private static readonly string LateralHipCase = CliRunner.Sample("samples/cases/lateral-hip-runner.case.json");

    private static readonly string AllNo = string.Concat(Enumerable.Repeat("no\n", 200));

    [Fact]
    public void Interview_ScriptedAnswers_AsksTheInterviewersQuestionsAndEndsWithTheResult()
    {
        var expected = Conduct(InterviewAudience.Clinician, _ => FindingState.Absent);

        var run = CliRunner.RunWithInput(AllNo, "interview", "--case", LateralHipCase);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains($"Q1. {expected.Answers[0].Question.Wording}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Interview finished after {expected.Final.QuestionsAsked} questions, {expected.Final.RedFlagQuestionsAsked} of them red-flag questions", run.Output, StringComparison.Ordinal);
        Assert.Contains($"URGENCY: {expected.Final.Result.Urgency.ToString().ToUpperInvariant()}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"1. {expected.Final.Result.Leading.Cause.Name}", run.Output, StringComparison.Ordinal);
        Assert.Contains("red-flag question", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_FormatJson_WritesTheLastInterviewStepAndTheQuestionsOnStandardError()
    {
        var expected = Conduct(InterviewAudience.Clinician, _ => FindingState.Absent);

        var run = CliRunner.RunWithInput(AllNo, "interview", "--case", LateralHipCase, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("interview-step", root.GetProperty("format").GetString());
        Assert.True(root.GetProperty("finished").GetBoolean());
        Assert.Equal(expected.Final.QuestionsAsked, root.GetProperty("questionsAsked").GetInt32());
        Assert.Equal(expected.Final.Result.Leading.Cause.Id, root.GetProperty("result").GetProperty("differential")[0].GetProperty("cause").GetString());
        Assert.Contains("Q1. ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_Back_TakesBackThePreviousAnswer()
    {
        var direct = CliRunner.RunWithInput(AllNo, "interview", "--case", LateralHipCase, "--format", "json");
        var withBack = CliRunner.RunWithInput("yes\nback\n" + AllNo, "interview", "--case", LateralHipCase, "--format", "json");
        var backFirst = CliRunner.RunWithInput("back\n" + AllNo, "interview", "--case", LateralHipCase, "--format", "json");

        Assert.Equal(0, withBack.ExitCode);
        Assert.Equal(direct.Output, withBack.Output);
        Assert.Contains("back to Q1", withBack.Error, StringComparison.Ordinal);
        Assert.Equal(direct.Output, backFirst.Output);
        Assert.Contains("no earlier answer to go back to", backFirst.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_DontKnowAndComments_RecordedAsUnknown()
    {
        var run = CliRunner.RunWithInput("# the screen\n\ndon't know\n" + AllNo, "interview", "--case", LateralHipCase, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var asked = 0;
        var expected = Conduct(InterviewAudience.Clinician, _ => asked++ == 0 ? FindingState.Unknown : FindingState.Absent);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
        var observations = document.RootElement.GetProperty("state").GetProperty("case").GetProperty("observations");
        var first = expected.Answers[0].Question.Finding.Id;
        Assert.Contains(observations.EnumerateArray(), o => o.GetProperty("findingId").GetString() == first && o.GetProperty("state").GetString() == "unknown");
    }

    [Fact]
    public void Interview_AnswersRunOut_ShowsTheResultSoFarMarkedUnfinished()
    {
        var run = CliRunner.RunWithInput("no\nno\n", "interview", "--case", LateralHipCase);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The answers ended after 2 questions; the interview had not finished.", run.Output, StringComparison.Ordinal);
        Assert.Contains("URGENCY:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_NotAnAnswer_Exit2NamingTheLine()
    {
        var run = CliRunner.RunWithInput("no\n\nmaybe\n", "interview", "--case", LateralHipCase);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("hippain: error: answer line 3: 'maybe' is not an answer to Q2", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Interview_PatientAudience_AsksInThePatientsWords()
    {
        var expected = Conduct(InterviewAudience.Patient, _ => FindingState.Absent);

        var run = CliRunner.RunWithInput(AllNo, "interview", "--case", LateralHipCase, "--audience", "patient", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Q1. {expected.Answers[0].Question.Wording}", run.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("patient", document.RootElement.GetProperty("audience").GetString());
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
    }

    [Fact]
    public void Interview_StartFromNothing_AsksFromTheFirstQuestion()
    {
        var run = CliRunner.RunWithInput("no\n", "interview");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 findings given", run.Output, StringComparison.Ordinal);
        Assert.Contains("Q1. ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_Prompts_YesNoDontKnowBackChosenWithTheKeyboard()
    {
        var expected = Conduct(InterviewAudience.Clinician, _ => FindingState.Absent);
        var prompts = CliRunner.Prompts();
        prompts.Input.PushKey(ConsoleKey.Enter);                                   // Yes
        prompts.Input.PushKey(ConsoleKey.UpArrow);                                 // Back (wraps around)
        prompts.Input.PushKey(ConsoleKey.Enter);
        CliRunner.PushNo(prompts, expected.Final.QuestionsAsked);

        var run = CliRunner.RunWithPrompts(prompts, "interview", "--case", LateralHipCase, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("answer: Yes", prompts.Output, StringComparison.Ordinal);
        Assert.Contains("answer: Back", prompts.Output, StringComparison.Ordinal);
        Assert.Contains("Don't know", prompts.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output);
        Assert.True(document.RootElement.GetProperty("finished").GetBoolean());
        Assert.Equal(expected.Final.QuestionsAsked, document.RootElement.GetProperty("questionsAsked").GetInt32());
        Assert.Equal(expected.Final.Result.Leading.Cause.Id, document.RootElement.GetProperty("result").GetProperty("differential")[0].GetProperty("cause").GetString());
    }

    [Fact]
    public void Interview_CaseFromStandardInput_Exit2()
    {
        var run = CliRunner.RunWithInput("{}", "interview", "--case", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("standard input carries the answers", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_UnknownStartingFinding_Exit1WithHPC001()
    {
        var run = CliRunner.RunWithInput(AllNo, "interview", "--present", "exam.no-such-test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HPC001", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_MaxQuestionsOutOfRange_Exit2()
    {
        var run = CliRunner.RunWithInput(AllNo, "interview", "--max-questions", "0");

        Assert.Equal(2, run.ExitCode);
    }

    private static InterviewTranscript Conduct(InterviewAudience audience, Func<QuestionSuggestion, FindingState> answer) =>
        new Interviewer(new TriageEngine(BuiltInKnowledgeBase.Instance), new InterviewOptions { Audience = audience })
            .Conduct(CaseJson.Read(File.ReadAllText(LateralHipCase)), answer);
}
