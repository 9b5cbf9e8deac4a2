using System.Text.Json;
using System.Text.RegularExpressions;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Cli.Tests;

public partial class LintCommandTests
{
    private static readonly string BuiltInJson = KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance);

    [Fact]
    public void Lint_ValidPack_Exit0()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("base.json", BuiltInJson);

        var run = CliRunner.Run("lint", pack, "--overlay", CliRunner.Sample("samples/packs/endurance-clinic.overlay.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{pack} (knowledge-base): no problems", run.Output, StringComparison.Ordinal);
        Assert.Contains("(overlay): no problems", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("0 problems in 0 of 2 files", run.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_OverlayAlone_CheckedAgainstBuiltInBase()
    {
        var run = CliRunner.Run("lint", CliRunner.Sample("samples/packs/endurance-clinic.overlay.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(overlay): no problems", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ContentProblems_EveryProblemWithCodePathLineAndColumnExit1()
    {
        using var temp = new TempFolder();
        var priors = PriorPattern().Matches(BuiltInJson);
        var broken = PriorPattern().Replace(BuiltInJson, "\"prior\": 2", 2);
        var pack = temp.Write("base.json", broken);
        var firstLine = broken[..priors[0].Index].Count(c => c == '\n') + 1;

        var run = CliRunner.Run("lint", pack);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{pack} (knowledge-base): 2 problems", run.Output, StringComparison.Ordinal);
        var lines = run.Output.Split('\n').Where(l => l.Contains("HPK005", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith($"  {pack}:{firstLine}:", lines[0], StringComparison.Ordinal);
        Assert.Contains("HPK005 at $.causes[0].prior", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FormatJson_GroupsByFileWithPositions()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("base.json", PriorPattern().Replace(BuiltInJson, "\"prior\": 0", 1));
        var overlay = temp.Write("clinic.overlay.json", """
            {
              "formatVersion": 1,
              "id": "clinic",
              "version": "1",
              "disableRules": [ "no-such-rule" ]
            }
            """);

        var run = CliRunner.Run("lint", pack, "--overlay", overlay, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var files = document.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal(pack, files[0].GetProperty("file").GetString());
        var problem = files[0].GetProperty("problems")[0];
        Assert.Equal("HPK005", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("line").GetInt32() > 1);
        Assert.True(problem.GetProperty("column").GetInt32() > 1);
        Assert.Equal(overlay, files[1].GetProperty("file").GetString());
    }

    [Fact]
    public void Lint_OverlayProblem_PointsAtTheOverlaysLine()
    {
        using var temp = new TempFolder();
        var overlay = temp.Write("clinic.overlay.json", """
            {
              "formatVersion": 1,
              "id": "clinic",
              "version": "1",
              "disableRules": [ "no-such-rule" ]
            }
            """);

        var run = CliRunner.Run("lint", overlay, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var problem = document.RootElement.GetProperty("files")[0].GetProperty("problems")[0];
        Assert.Equal("HPK051", problem.GetProperty("code").GetString());
        Assert.Equal(5, problem.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Lint_MalformedJson_HPJ001WithLineAndColumnExit1()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("base.json", "{\n  \"formatVersion\": 1,\n  \"id\": }\n");

        var run = CliRunner.Run("lint", pack);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  {pack}:3:", run.Output, StringComparison.Ordinal);
        Assert.Contains("HPJ001", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MissingFile_Exit2()
    {
        var run = CliRunner.Run("lint", "missing.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hippain: error: cannot read 'missing.json': no such file", run.Error.TrimEnd());
    }

    [Fact]
    public void Lint_NoPack_Exit2()
    {
        var run = CliRunner.Run("lint");

        Assert.Equal(2, run.ExitCode);
    }

    [GeneratedRegex("\"prior\": ?[0-9.eE-]+")]
    private static partial Regex PriorPattern();
}
