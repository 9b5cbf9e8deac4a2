using HipPain.Rules.Samples.Console;

namespace HipPain.Rules.Tests.Samples;

/// <summary>
/// Regression tests for the console sample's crashes of issue 17 (exit code 134, an unhandled exception or an
/// out-of-memory abort). Each input now ends with a documented exit code and a message on standard error.
/// </summary>
public sealed class SampleAppDefectTests
{
    private const string MiniPack = """
        {"formatVersion":1,"id":"mini","version":"1",
         "findings":[{"id":"a","name":"A","kind":"symptom"}],
         "treatments":[{"id":"t","name":"T","kind":"selfCare","evidence":{"citation":"c","level":"expertOpinion","status":"estimated"}}],
         "causes":[{"id":"c","name":"C","prior":0.2,"priorEvidence":{"citation":"c","level":"expertOpinion","status":"estimated"},
           "rules":[{"id":"c/a","criterion":{"present":"a"},"ratio":{"positive":2,"negative":0.5},"evidence":{"citation":"c","level":"expertOpinion","status":"estimated"}}],
           "recommendations":[{"treatmentId":"t"}]}]}
        """;

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SampleApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--pack")]
    [InlineData("--overlay")]
    public void Run_EmptyPath_ExitsTwoNotAnUnhandledArgumentException(string option)
    {
        var (code, _, error) = Run(option, "");

        Assert.Equal(2, code);
        Assert.StartsWith($"{option} needs a file path; got an empty one.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EndlessPack_ExitsFourAtTheSizeLimitNotOutOfMemory()
    {
        var (code, _, error) = Run("--pack", "/dev/zero");

        Assert.Equal(4, code);
        Assert.StartsWith("Could not load the knowledge base: HPJ003 at $ (line 1, byte 4194305): The knowledge-base document is more than 4194304 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OverlayWithAnUnpairedSurrogateEscape_ExitsFourNotAnUnhandledInvalidOperation()
    {
        using var file = new TempFile("""{"formatVersion":1,"id":"o","version":"1","\ud800":1}""");

        var (code, _, error) = Run("--overlay", file.Path);

        Assert.Equal(4, code);
        Assert.StartsWith("Could not load the knowledge base: HPJ001 at $ (line 1, byte 44): The property name is not valid Unicode", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PackWithInvalidUtf8_ExitsFourNotSilentlyReplaced()
    {
        using var file = new TempFile(MiniPack.Replace("\"name\":\"A\"", "\"name\":\"A\u00ff\"", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(file.Path);
        bytes[Array.IndexOf(bytes, (byte)0xC3)] = 0xFF;
        File.WriteAllBytes(file.Path, bytes);

        var (code, _, error) = Run("--pack", file.Path);

        Assert.Equal(4, code);
        Assert.Contains("HPJ001 at $.findings[0].name (line 2, byte 33): The string is not valid UTF-8: byte 0xFF cannot appear in UTF-8 text.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SimulateWithAnotherBase_SkipsBundledCasesItCannotReadNotAnUnhandledCaseValidation()
    {
        using var file = new TempFile(MiniPack);

        var (code, output, error) = Run("--pack", file.Path, "--simulate", "2");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("| C |", output, StringComparison.Ordinal);
        Assert.Contains("skipped, as they name findings knowledge base 'mini' 1 does not have:", output, StringComparison.Ordinal);
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string text)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
