using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipPain.Rules.Accuracy;

/// <summary>Reads the vignette file (<c>tests/HipPain.Rules.Tests/Vignettes/vignettes.json</c>).</summary>
internal static class VignetteSet
{
    /// <summary>The vignette file's path relative to the repository root.</summary>
    public const string RelativePath = "tests/HipPain.Rules.Tests/Vignettes/vignettes.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Loads every vignette from a file.</summary>
    /// <param name="path">The JSON file: an object with a <c>vignettes</c> array.</param>
    public static IReadOnlyList<Vignette> Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<VignetteFile>(stream, Options)
            ?? throw new InvalidDataException($"'{path}' holds no vignettes.");
        return file.Vignettes;
    }

    /// <summary>Finds the repository root: the nearest directory upwards that holds <c>HipPain.Rules.sln</c>.</summary>
    /// <param name="start">Where to start looking.</param>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HipPain.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No HipPain.Rules.sln above '{start}'.");
    }

    private sealed record VignetteFile
    {
        public string? Description { get; init; }

        public required IReadOnlyList<Vignette> Vignettes { get; init; }
    }
}
