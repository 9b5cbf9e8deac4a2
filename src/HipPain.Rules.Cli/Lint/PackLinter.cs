using System.Collections.Immutable;
using System.Text.Json;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Cli.Lint;

/// <summary>
/// Checks a knowledge-base pack (or an overlay on the built-in base) and overlays applied to it in order, collecting
/// every problem with its position rather than stopping at the first.
/// </summary>
internal static class PackLinter
{
    private const string KnowledgeBaseKind = "knowledge-base";
    private const string OverlayKind = "overlay";

    /// <summary>Lints the files.</summary>
    /// <param name="pack">The pack's path and text.</param>
    /// <param name="overlays">The overlays' paths and texts, in order.</param>
    /// <returns>One report per file, in the order given.</returns>
    public static IReadOnlyList<LintFileReport> Lint((string Path, string Json) pack, IReadOnlyList<(string Path, string Json)> overlays)
    {
        var reports = new List<LintFileReport>();
        KnowledgeBase? current;
        if (LooksLikeOverlay(pack.Json))
        {
            // An overlay on its own is checked against the built-in base.
            current = LintOverlay(pack.Path, pack.Json, BuiltInKnowledgeBase.Instance, reports);
        }
        else
        {
            current = LintKnowledgeBase(pack.Path, pack.Json, reports);
        }

        foreach (var (path, json) in overlays)
        {
            current = LintOverlay(path, json, current, reports);
        }

        return reports;
    }

    private static KnowledgeBase? LintKnowledgeBase(string path, string json, List<LintFileReport> reports)
    {
        var index = JsonPositionIndex.Build(json);
        try
        {
            var ok = KnowledgeBaseJson.TryRead(json, out var kb, out var problems);
            reports.Add(new LintFileReport(path, KnowledgeBaseKind, Locate(problems, index)));
            return ok ? kb : null;
        }
        catch (RulesJsonException ex)
        {
            reports.Add(new LintFileReport(path, KnowledgeBaseKind, [FromException(ex, index)]));
            return null;
        }
    }

    private static KnowledgeBase? LintOverlay(string path, string json, KnowledgeBase? target, List<LintFileReport> reports)
    {
        var index = JsonPositionIndex.Build(json);
        KnowledgeBaseOverlay overlay;
        try
        {
            overlay = OverlayJson.Read(json);
        }
        catch (RulesJsonException ex)
        {
            reports.Add(new LintFileReport(path, OverlayKind, [FromException(ex, index)]));
            return null;
        }
        catch (ValidationException ex)
        {
            reports.Add(new LintFileReport(path, OverlayKind, Locate(ex.Problems, index)));
            return null;
        }

        if (target is null)
        {
            // Read cleanly; there is no valid base to apply it to, which the earlier file's problems explain.
            reports.Add(new LintFileReport(path, OverlayKind, []));
            return null;
        }

        var applied = overlay.TryApplyTo(target, out var result, out var problems);
        reports.Add(new LintFileReport(path, OverlayKind, Locate(problems, index)));
        return applied ? result : null;
    }

    private static bool LooksLikeOverlay(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && !document.RootElement.TryGetProperty("causes", out _)
                && !document.RootElement.TryGetProperty("findings", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<LintProblem> Locate(ImmutableArray<ValidationProblem> problems, JsonPositionIndex index) =>
        [.. problems.Select(p =>
        {
            var (line, column) = index.Locate(p.Path);
            return new LintProblem(p.Code, p.Path, line, column, p.Message);
        })];

    private static LintProblem FromException(RulesJsonException ex, JsonPositionIndex index)
    {
        // The exception's one problem carries the code, path, line and byte apart from the text.
        var problem = ex.Problems[0];
        var (line, column) = problem.LineNumber is { } l
            ? ((int)l, (int)(problem.BytePositionInLine ?? 1))
            : index.Locate(problem.Path);
        return new LintProblem(problem.Code, problem.Path, line, column, problem.Message.ReplaceLineEndings(" "));
    }
}
