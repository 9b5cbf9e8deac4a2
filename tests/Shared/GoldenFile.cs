namespace HipPain.Rules.TestKit;

/// <summary>
/// Committed files that the code generates (docs, text packs, examples): a test compares the file with what the code
/// produces now and fails when it is stale; with <c>HIPPAIN_UPDATE_DOCS=1</c> it rewrites the file first.
/// </summary>
internal static class GoldenFile
{
    /// <summary>The command that regenerates every golden file.</summary>
    public const string RegenerateCommand = "HIPPAIN_UPDATE_DOCS=1 dotnet test -c Release";

    /// <summary>True when this run rewrites golden files (<c>HIPPAIN_UPDATE_DOCS=1</c>).</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("HIPPAIN_UPDATE_DOCS") == "1";

    /// <summary>
    /// Asserts that the file at <paramref name="relativePath"/> (under the repository root) holds
    /// <paramref name="expected"/>, line endings aside; when updating, writes it first. <paramref name="reason"/> says
    /// what changes make the file stale.
    /// </summary>
    public static void AssertCurrent(string relativePath, string expected, string reason)
    {
        var path = Repository.PathOf(relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        Xunit.Assert.True(
            expected.ReplaceLineEndings("\n") == actual,
            $"{relativePath} is stale: {reason}. Regenerate it with '{RegenerateCommand}' and commit it.");
    }
}
