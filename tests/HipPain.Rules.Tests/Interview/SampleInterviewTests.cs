using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Interview;

public sealed class SampleInterviewTests
{
    private static (int Code, string Output, string Error) Run(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SampleApp.Run(args, reader, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_ScriptedInterview_AsksRedFlagsFirstShowsProgressAndEndsWithFullResult()
    {
        // No to every question: the red-flag screen first (fever, saddle numbness, ...), then diagnostic questions.
        var script = string.Join('\n', Enumerable.Repeat("n", 60));

        var (code, output, error) = Run(script, "--interview");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("Q1. Do you have a fever, or do you feel generally unwell?", output, StringComparison.Ordinal);
        Assert.Contains("     why: Red flag: the answer can fire or rule out 'Fever, a hot swollen hip, or two infection predictors' (Emergency)", output, StringComparison.Ordinal);
        Assert.Contains("Q2. ", output, StringComparison.Ordinal);
        Assert.Matches(@"now: 1\. [^\n]+ \d+ %; 2\. [^\n]+; 3\. [^\n]+ \| urgency ROUTINE", output);
        Assert.Matches(@"Interview finished after \d+ questions, \d+ of them red-flag questions \((LeadingCauseClear|NothingLeftToChange|MaximumQuestionsReached|NoQuestionsLeft)\)", output);
        Assert.Contains("URGENCY: SELFCARE", output, StringComparison.Ordinal);
        Assert.Contains(TriageResult.Disclaimer, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InterviewYesToCannotBearWeight_EscalatesToEmergency()
    {
        // The red-flag history comes first (20 questions: where it hurts before the signs that only a painful groin or
        // buttock makes red flags, rule R8, and a hip replacement, base 0.18.0), then the examination: a hot swollen
        // hip, then weight bearing.
        var (code, output, _) = Run(string.Concat(Enumerable.Repeat("no\n", 21)) + "yes\n", "--interview");

        Assert.Equal(0, code);
        Assert.Contains("Q22. Are you unable to walk four steps on your own because of the pain?", output, StringComparison.Ordinal);
        Assert.Contains("| urgency EMERGENCY", output, StringComparison.Ordinal);
        Assert.Contains("End of input after 22 questions: the interview stops here.", output, StringComparison.Ordinal);
        Assert.Contains("RED FLAG (Emergency): Unable to bear weight", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InterviewFromBundledCase_SkipsWhatTheCaseStatesAndRepromptsOnNonsense()
    {
        var (code, output, _) = Run("maybe\n?\nu\n", "--case", "hot-hip", "--interview");

        Assert.Equal(0, code);
        Assert.Contains("'maybe' is not an answer: type yes, no or unknown (y/n/u/?).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Q1. Do you have a fever", output, StringComparison.Ordinal);
        Assert.Contains("Case: hot-hip (interview)", output, StringComparison.Ordinal);
        Assert.Contains("End of input after 2 questions", output, StringComparison.Ordinal);
        Assert.Contains("URGENCY: EMERGENCY", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Simulate_IsDeterministicBySeed()
    {
        var first = Run(string.Empty, "--simulate", "3", "--seed", "7");
        var second = Run(string.Empty, "--simulate", "3", "--seed", "7");

        Assert.Equal(0, first.Code);
        Assert.Equal(first.Output, second.Output);
        Assert.Contains("| **All causes** |", first.Output, StringComparison.Ordinal);
        Assert.Contains("| lateral-hip-runner |", first.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y", Model.FindingState.Present)]
    [InlineData(" Yes ", Model.FindingState.Present)]
    [InlineData("n", Model.FindingState.Absent)]
    [InlineData("NO", Model.FindingState.Absent)]
    [InlineData("u", Model.FindingState.Unknown)]
    [InlineData("?", Model.FindingState.Unknown)]
    [InlineData("unknown", Model.FindingState.Unknown)]
    public void Parse_Answer_MapsToState(string line, Model.FindingState expected)
    {
        Assert.Equal(expected, InteractiveInterview.Parse(line));
    }
}
