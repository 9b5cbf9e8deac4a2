using System.Diagnostics;

namespace HipPain.Rules.Cli.Tests;

/// <summary>
/// The tool as users get it: packs src/HipPain.Rules.Cli into artifacts/, installs it with
/// <c>dotnet tool install --tool-path</c> from there (into an empty package cache, so the fresh package is the one
/// installed), and runs the installed <c>hippain</c> for each exit code.
/// </summary>
public sealed class PackedToolTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void PackedTool_InstalledFromArtifacts_RunsWithEveryExitCode()
    {
        var root = CliRunner.RepositoryRoot;
        var artifacts = Path.Combine(root, "artifacts");
        var pack = Dotnet(root, isolatedCache: false, "pack", Path.Combine("src", "HipPain.Rules.Cli", "HipPain.Rules.Cli.csproj"), "-c", "Release", "--no-build", "-o", artifacts);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        var version = PackageVersion(artifacts);

        var toolPath = Path.Combine(folder.Path, "tools");
        var install = Dotnet(root, isolatedCache: true, "tool", "install", "HipPain.Rules.Cli", "--tool-path", toolPath, "--add-source", artifacts, "--version", version);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);
        var hippain = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "hippain.exe" : "hippain");
        Assert.True(File.Exists(hippain), hippain + " was not installed:\n" + install.Output);

        var triage = Run(root, hippain, "triage", Path.Combine("samples", "cases", "lateral-hip-runner.case.json"), "--top", "3");
        Assert.True(triage.ExitCode == 0, triage.Output);
        Assert.Contains("URGENCY: ", triage.Output, StringComparison.Ordinal);
        Assert.Contains("1. Greater trochanteric pain syndrome", triage.Output, StringComparison.Ordinal);

        var invalid = Run(root, hippain, "triage", "--present", "exam.no-such-test");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("hippain: error: ", invalid.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", invalid.Output, StringComparison.Ordinal);

        var usage = Run(root, hippain, "lint", Path.Combine(folder.Path, "missing.json"));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("no such file", usage.Output, StringComparison.Ordinal);

        var candidate = Path.Combine(folder.Path, "next-base.json");
        var export = Run(root, hippain, "kb", "export");
        Assert.Equal(0, export.ExitCode);
        File.WriteAllText(candidate, export.Output.Replace("\"urgency\": \"emergency\"", "\"urgency\": \"urgent\"", StringComparison.Ordinal));
        var replay = Run(root, hippain, "replay", "--cases", Path.Combine("samples", "cases"), "--candidate", candidate, "--fail-on", "urgency-drop");
        Assert.True(replay.ExitCode == 3, replay.Output);
        Assert.Contains("FAIL --fail-on urgency-drop", replay.Output, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private static string PackageVersion(string artifacts)
    {
        const string prefix = "HipPain.Rules.Cli.";
        var package = Directory.GetFiles(artifacts, prefix + "*.nupkg")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => char.IsAsciiDigit(name[prefix.Length]))
            .OrderByDescending(name => File.GetLastWriteTimeUtc(Path.Combine(artifacts, name)))
            .First();
        return package[prefix.Length..^".nupkg".Length];
    }

    private (int ExitCode, string Output) Dotnet(string workingDirectory, bool isolatedCache, params string[] args) =>
        Start(workingDirectory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", isolatedCache, args);

    private (int ExitCode, string Output) Run(string workingDirectory, string fileName, params string[] args) =>
        Start(workingDirectory, fileName, isolatedCache: false, args);

    private (int ExitCode, string Output) Start(string workingDirectory, string fileName, bool isolatedCache, string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (isolatedCache)
        {
            // An empty package cache: a package of the same version cached by an earlier run must not stand in for this one.
            start.Environment["NUGET_PACKAGES"] = Path.Combine(folder.Path, "packages");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host)
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
