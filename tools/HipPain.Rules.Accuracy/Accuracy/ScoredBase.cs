using System.Collections.Immutable;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Accuracy;

/// <summary>
/// The knowledge base a run of the accuracy tool scores: the built-in base, or the built-in base with each
/// <c>--overlay FILE</c> applied in the order given. An overlay lets a candidate change (a clinic's overlay, or a change
/// held back from the base, such as <c>validation/held-back/</c>) be scored on every scored set with the same command
/// as the shipped base, without building a scratch copy; the documents and the test floors always read the shipped base.
/// </summary>
internal static class ScoredBase
{
    /// <summary>The option that names an overlay file; it may be given more than once.</summary>
    public const string OverlayOption = "--overlay";

    /// <summary>
    /// The options whose output may score an overlaid base: the vignettes (no option), <c>--published</c>,
    /// <c>--holdout</c> (with <c>--details</c> and <c>--cause</c>), <c>--calibration</c>, <c>--explain</c>,
    /// <c>--interview</c>, <c>--patient-interview</c> (with <c>--per-case</c>) and <c>--compare</c> (which needs one). Every
    /// other mode either writes the documents of the shipped base or measures something an overlay does not reach.
    /// </summary>
    public static readonly ImmutableArray<string> RefusingOverlays =
        ["--write", "--case-mix", "--ceiling", "--mapping-agreement", "--reserved-statements"];

    /// <summary>Every option the tool reads; an argument that starts with <c>--</c> and is not one of them is refused.</summary>
    public static readonly ImmutableArray<string> KnownOptions =
    [
        "--all", "--calibration", "--case-mix", "--cause", "--ceiling", "--compare", "--details", "--equal-priors", "--explain", "--holdout",
        "--interview", "--mapping-agreement", "--pain-map-first", "--patient-interview", "--per-case", "--published", "--reserved-statements",
        "--write", OverlayOption,
    ];

    /// <summary>
    /// The first argument that looks like an option and is not one the tool reads, or null. A misspelt option would
    /// otherwise be ignored, and a run meant to score an overlay, for example, would print the shipped base's figures.
    /// </summary>
    /// <param name="args">The command line.</param>
    public static string? UnknownOption(IReadOnlyList<string> args) =>
        args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && !KnownOptions.Contains(a));

    /// <summary>The overlay files named on the command line, in order; an <c>--overlay</c> without a file is an empty name.</summary>
    /// <param name="args">The command line.</param>
    public static ImmutableArray<string> OverlayPaths(IReadOnlyList<string> args)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == OverlayOption)
            {
                paths.Add(i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : string.Empty);
            }
        }

        return paths.ToImmutable();
    }

    /// <summary>
    /// Applies each overlay file to <paramref name="builtIn"/> in order, or says why it cannot: an option given with a
    /// mode that refuses overlays, a missing file name or file, a document that does not read (its code, JSON path and
    /// line), or an overlay that does not apply (every problem with its code and path).
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="builtIn">The base the overlays apply to.</param>
    /// <param name="knowledgeBase">The base to score: <paramref name="builtIn"/> itself when no overlay is named, and when
    /// any overlay is refused.</param>
    /// <param name="error">Why the overlays could not be applied, one line per problem; null on success.</param>
    /// <returns>True when every overlay applied.</returns>
    public static bool TryLoad(IReadOnlyList<string> args, KnowledgeBase builtIn, out KnowledgeBase knowledgeBase, out string? error)
    {
        knowledgeBase = builtIn;
        error = null;
        var paths = OverlayPaths(args);
        if (paths.IsEmpty)
        {
            return true;
        }

        if (RefusingOverlays.FirstOrDefault(args.Contains) is { } mode)
        {
            error = $"{OverlayOption} scores an overlaid base with the vignettes, --published, --holdout, --calibration, --explain, --interview, --patient-interview or --compare; {mode} reads the shipped base only.";
            return false;
        }

        // The overlays apply to the result of the ones before; the caller gets it only when every one applied.
        var current = builtIn;
        foreach (var path in paths)
        {
            if (path.Length == 0)
            {
                error = $"{OverlayOption} takes the path of an overlay file.";
                return false;
            }

            if (!File.Exists(path))
            {
                error = $"{OverlayOption}: no file '{path}'.";
                return false;
            }

            KnowledgeBaseOverlay overlay;
            try
            {
                overlay = OverlayJson.Read(File.ReadAllText(path));
            }
            catch (RulesJsonException ex)
            {
                error = $"{path}: {ex.Code} at {ex.JsonPath ?? "$"}{(ex.LineNumber is { } line ? $" (line {line})" : string.Empty)}: {ex.Message}";
                return false;
            }

            if (!overlay.TryApplyTo(current, out var applied, out var problems))
            {
                error = string.Join(Environment.NewLine, problems.Select(p => $"{path}: {p.Code} at {p.Path}: {p.Message}"));
                return false;
            }

            current = applied;
        }

        knowledgeBase = current;
        return true;
    }

    /// <summary>The line a run prints first when it scores an overlaid base, so that its figures name what they are of.</summary>
    /// <param name="knowledgeBase">The overlaid base.</param>
    /// <param name="builtIn">The base the overlays were applied to.</param>
    /// <param name="paths">The overlay files, in order.</param>
    public static string Banner(KnowledgeBase knowledgeBase, KnowledgeBase builtIn, IReadOnlyList<string> paths) =>
        $"Scoring {knowledgeBase.Id} {knowledgeBase.Version} ({knowledgeBase.ContentHash}): {builtIn.Id} {builtIn.Version} with {string.Join(", then ", paths)}; not the shipped base.";
}
