using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Cli.Input;

/// <summary>The knowledge base a command runs on: the built-in base or a JSON pack, with clinic overlays applied in order.</summary>
internal static class KnowledgeSource
{
    /// <summary>Loads the base.</summary>
    /// <param name="packPath">A knowledge-base JSON file; null for the built-in base.</param>
    /// <param name="overlayPaths">Overlay JSON files, applied in order.</param>
    /// <param name="console">The console (for <c>-</c>).</param>
    /// <returns>The knowledge base.</returns>
    /// <exception cref="CliException">A file cannot be read (2) or its content is invalid (1).</exception>
    public static KnowledgeBase Load(string? packPath, IReadOnlyList<string> overlayPaths, CliConsole console)
    {
        var knowledgeBase = packPath is null
            ? BuiltInKnowledgeBase.Instance
            : Guard(packPath, () => KnowledgeBaseJson.Read(InputFiles.Read(packPath, console)));
        foreach (var overlayPath in overlayPaths)
        {
            var overlay = Guard(overlayPath, () => OverlayJson.Read(InputFiles.Read(overlayPath, console)));
            var current = knowledgeBase;
            knowledgeBase = Guard(overlayPath, () => overlay.ApplyTo(current));
        }

        return knowledgeBase;
    }

    /// <summary>Runs a read and turns the library's documented exceptions into one-line errors naming the file.</summary>
    /// <typeparam name="T">What is read.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="read">The read.</param>
    /// <returns>What was read.</returns>
    /// <exception cref="CliException">The content is invalid (exit code 1).</exception>
    public static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RulesJsonException ex)
        {
            throw new CliException(ExitCodes.Problems, $"{DisplayName(path)}: {OneLine(ex.Message)}");
        }
        catch (ValidationException ex)
        {
            var first = ex.Problems.IsEmpty ? OneLine(ex.Message) : ex.Problems[0].ToString();
            var more = ex.Problems.Length > 1 ? $" (and {ex.Problems.Length - 1} more; run 'hippain lint' to list them)" : string.Empty;
            throw new CliException(ExitCodes.Problems, $"{DisplayName(path)}: {first}{more}");
        }
    }

    /// <summary>The name of a file in messages; <c>-</c> is standard input.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The name.</returns>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
