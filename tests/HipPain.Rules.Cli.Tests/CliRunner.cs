using HipPain.Rules.Cli;
using HipPain.Rules.TestKit;
using Spectre.Console.Testing;

namespace HipPain.Rules.Cli.Tests;

/// <summary>Runs <c>hippain</c> in process and captures what it writes.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args) => RunWithInput(string.Empty, args);

    public static CliRun RunWithInput(string standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(standardInput);
        var exitCode = HippainApp.Run(args, new CliConsole(input, output, error));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>An interactive test console 200 columns wide, for the interview's prompts.</summary>
    public static TestConsole Prompts()
    {
        var prompts = new TestConsole().Interactive();
        prompts.Profile.Width = 200;
        return prompts;
    }

    /// <summary>Pushes the keys that answer No (the second choice) to <paramref name="count"/> interview questions.</summary>
    public static void PushNo(TestConsole prompts, int count)
    {
        for (var i = 0; i < count; i++)
        {
            prompts.Input.PushKey(ConsoleKey.DownArrow);
            prompts.Input.PushKey(ConsoleKey.Enter);
        }
    }

    /// <summary>Runs with the questions asked at the test console's prompts; standard input is empty.</summary>
    public static CliRun RunWithPrompts(TestConsole prompts, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HippainApp.Run(args, new CliConsole(new StringReader(string.Empty), output, error) { Prompts = prompts });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The repository root (where HipPain.Rules.sln is).</summary>
    public static string RepositoryRoot => Repository.Root;

    public static string Sample(string relativePath) => Path.Combine(RepositoryRoot, relativePath);
}

internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hippain-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
