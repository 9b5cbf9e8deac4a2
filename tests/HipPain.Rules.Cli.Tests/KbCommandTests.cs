using System.Text.Json;

namespace HipPain.Rules.Cli.Tests;

public class KbCommandTests
{
    [Fact]
    public void KbShow_BuiltIn_ShowsStampAndCounts()
    {
        var run = CliRunner.Run("kb", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("id:          hippain.builtin", run.Output, StringComparison.Ordinal);
        Assert.Contains("hash:        sha256:", run.Output, StringComparison.Ordinal);
        Assert.Contains("causes:      18", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void KbShow_Overlay_ShowsDerivedFrom()
    {
        var run = CliRunner.Run("kb", "show", "--overlay", CliRunner.Sample("samples/packs/endurance-clinic.overlay.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("id:          endurance-clinic", run.Output, StringComparison.Ordinal);
        Assert.Contains("derived from: hippain.builtin", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void KbSchema_NoName_ListsFormats()
    {
        var run = CliRunner.Run("kb", "schema");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["knowledge-base", "overlay", "case", "text-pack", "triage-result", "interview-step", "interview-state"],
            run.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void KbSchema_Case_WritesTheSchema()
    {
        var run = CliRunner.Run("kb", "schema", "case");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.True(document.RootElement.TryGetProperty("$schema", out _));
    }

    [Fact]
    public void KbSchema_UnknownName_Exit2()
    {
        var run = CliRunner.Run("kb", "schema", "nonsense");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void KbFindings_ListsCodesWithQuestions()
    {
        var run = CliRunner.Run("kb", "findings");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("exam.hop-test", run.Output, StringComparison.Ordinal);
        Assert.Contains("loc.lateral-hip", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_NoSubcommand_Exit2()
    {
        var run = CliRunner.Run("kb");

        Assert.Equal(2, run.ExitCode);
    }
}

public class KbExportTests
{
    [Fact]
    public void KbExport_BuiltIn_WritesAPackWithTheSameContentHash()
    {
        var run = CliRunner.Run("kb", "export");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Knowledge.BuiltInKnowledgeBase.Instance.ContentHash, Serialization.KnowledgeBaseJson.Read(run.Output).ContentHash);
    }

    [Fact]
    public void KbExport_Overlay_WritesTheOverlaidBase()
    {
        var run = CliRunner.Run("kb", "export", "--overlay", CliRunner.Sample("samples/packs/endurance-clinic.overlay.json"));

        Assert.Equal(0, run.ExitCode);
        var kb = Serialization.KnowledgeBaseJson.Read(run.Output);
        Assert.Equal("endurance-clinic", kb.Id);
        Assert.True(kb.TryGetCause("femoral-neck-stress-fracture", out var cause));
        Assert.Equal(0.06, cause.Prior);
    }
}

public class CompletionTests
{
    [Fact]
    public void Suggest_CommandPrefix_CompletesTheCommand()
    {
        var run = CliRunner.Run("[suggest]", "rep");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["replay"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("replay --fail", "--fail-on")]
    [InlineData("replay --fail-on urgenc", "urgency-drop")]
    [InlineData("interview --audience pat", "patient")]
    public void Suggest_AtTheCursor_CompletesOptionsAndAllowedValues(string line, string expected)
    {
        var run = CliRunner.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([expected], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
