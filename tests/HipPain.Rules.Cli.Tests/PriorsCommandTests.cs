using HipPain.Rules.Knowledge;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Tests;

public sealed class PriorsCommandTests
{
    private const string Register = """
        # Example register: one line per diagnosis
        cause,count
        gtps,41
        itbs,30
        femoral-neck-stress-fracture,9
        labral-tear
        other,25
        """;

    [Fact]
    public void Priors_Register_WritesAnOverlayThatSetsTheEstimatedPriors()
    {
        using var temp = new TempFolder();
        var register = temp.Write("register.csv", Register);

        var run = CliRunner.Run("priors", register, "--citation", "Test clinic, 2024-2026", "--id", "test-clinic", "--version", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var clinic = OverlayJson.Read(run.Output).ApplyTo(BuiltInKnowledgeBase.Instance);
        Assert.Equal("test-clinic", clinic.Id);
        Assert.Equal("2", clinic.Version);
        var expected = CaseMixPriors.Estimate(BuiltInKnowledgeBase.Instance, [new("gtps", 41), new("itbs", 30), new("femoral-neck-stress-fracture", 9), new("labral-tear", 1), new("other", 25)]);
        Assert.Equal(expected.Causes.Select(c => c.Prior), clinic.Causes.Select(c => c.Prior));
        Assert.All(clinic.Causes, c => Assert.Equal("Test clinic, 2024-2026", c.PriorEvidence.Citation));
    }

    [Fact]
    public void Priors_Output_WritesTheFileAndATable()
    {
        using var temp = new TempFolder();
        var register = temp.Write("register.csv", Register);
        var output = Path.Combine(temp.Path, "clinic.overlay.json");

        var run = CliRunner.Run("priors", register, "--citation", "Test clinic", "--base-weight", "50", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("106 patients (25 with a diagnosis outside the base); the base's priors worth 50 patients.", run.Output, StringComparison.Ordinal);
        Assert.Contains("septic-arthritis                      0     0.0%    0.002    0.002  kept at the base's prior", run.Output, StringComparison.Ordinal);
        var lint = CliRunner.Run("lint", output);
        Assert.Equal(0, lint.ExitCode);
        var clinic = OverlayJson.Read(File.ReadAllText(output)).ApplyTo(BuiltInKnowledgeBase.Instance);
        var gtps = CaseMixPriors.Estimate(BuiltInKnowledgeBase.Instance, [new("gtps", 41), new("itbs", 30), new("femoral-neck-stress-fracture", 9), new("labral-tear", 1), new("other", 25)], 50).Causes[0];
        Assert.Equal(gtps.Prior, clinic.Causes.Single(c => c.Id == "gtps").Prior);
    }

    [Theory]
    [InlineData("gtps,3\ngtp,2\n", "register.csv line 2: 'gtp' is not a cause of hippain.builtin 0.28.0. Did you mean 'gtps'?")]
    [InlineData("Cause,Count\nGTPS,3\n", "register.csv line 2: 'GTPS' is not a cause of hippain.builtin 0.28.0. Did you mean 'gtps'?")]
    [InlineData("gtps,3\ntrochanteric-bursitis\n", "register.csv line 2: 'trochanteric-bursitis' is not a cause of hippain.builtin 0.28.0. Count a diagnosis outside the base as 'other'")]
    [InlineData("cause,count\ngtps,three\n", "register.csv line 2: the count 'three' for 'gtps' is not a whole number from 0 to 2147483647.")]
    [InlineData("gtps,-1\n", "register.csv line 1: the count '-1' for 'gtps' is not a whole number")]
    [InlineData("gtps,1,2\n", "register.csv line 1: expected 'cause-id' or 'cause-id,count', found 3 fields in 'gtps,1,2'.")]
    [InlineData("# nothing\n\n", "register.csv: no diagnosis; write one cause id, or 'cause-id,count', per line.")]
    [InlineData("gtps,0\nother,0\n", "register.csv: The register has no patient: every count is 0.")]
    public void Priors_BadRegister_NamesTheLineExit1(string text, string message)
    {
        using var temp = new TempFolder();
        var register = temp.Write("register.csv", text);

        var run = CliRunner.Run("priors", register, "--citation", "x");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("hippain: error: " + message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Priors_TheSampleRegisterOfTheReadme_GivesTheSameOverlayAsTheTestRegister()
    {
        var sample = CliRunner.Run("priors", CliRunner.Sample("samples/packs/example-register.csv"), "--citation", "x");
        using var temp = new TempFolder();
        var test = CliRunner.Run("priors", temp.Write("register.csv", Register), "--citation", "x");

        Assert.Equal(0, sample.ExitCode);
        Assert.Equal(test.Output, sample.Output);
    }

    [Fact]
    public void Priors_StandardInput_IsRead()
    {
        var run = CliRunner.RunWithInput("gtps,4\nitbs,1\n", "priors", "-", "--citation", "x");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"cause\": \"gtps\"", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-weight", "0", "--base-weight must be greater than 0 and at most 1000000.")]
    [InlineData("--base-weight", "-3", "--base-weight must be greater than 0 and at most 1000000.")]
    public void Priors_BadBaseWeight_Exit2(string option, string value, string message)
    {
        using var temp = new TempFolder();
        var register = temp.Write("register.csv", Register);

        var run = CliRunner.Run("priors", register, "--citation", "x", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Priors_NoCitation_Exit2()
    {
        using var temp = new TempFolder();
        var register = temp.Write("register.csv", Register);

        var missing = CliRunner.Run("priors", register);
        var blank = CliRunner.Run("priors", register, "--citation", " ");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'--citation' is required", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, blank.ExitCode);
        Assert.Contains("--citation must name the register.", blank.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--id")]
    [InlineData("--version")]
    public void Priors_EmptyIdOrVersion_Exit2BeforeReadingTheRegister(string option)
    {
        var run = CliRunner.Run("priors", "no-such-register.csv", "--citation", "x", option, " ");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hippain: error: --id and --version must not be empty.", run.Error.TrimEnd());
    }

    [Fact]
    public void Priors_MissingRegister_Exit2()
    {
        var run = CliRunner.Run("priors", "no-such-register.csv", "--citation", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read 'no-such-register.csv': no such file", run.Error, StringComparison.Ordinal);
    }
}
