namespace HipPain.Rules.Cli.Input;

/// <summary>Reads the files a command names; a missing or unreadable file is a usage error.</summary>
internal static class InputFiles
{
    /// <summary>Reads a file, or standard input when <paramref name="path"/> is <c>-</c>.</summary>
    /// <param name="path">The path or <c>-</c>.</param>
    /// <param name="console">Where standard input comes from.</param>
    /// <returns>The text.</returns>
    /// <exception cref="CliException">The file cannot be read (exit code 2).</exception>
    public static string Read(string path, CliConsole console)
    {
        if (path == "-")
        {
            return console.In.ReadToEnd();
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read '{path}': {Describe(ex)}", ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
