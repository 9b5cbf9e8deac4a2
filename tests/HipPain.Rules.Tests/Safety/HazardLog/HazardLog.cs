using System.Reflection;
using System.Text.RegularExpressions;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Safety;

/// <summary>One hazard of docs/safety/hazard-log.md: its id, its fields and the tests that prove its controls.</summary>
public sealed record Hazard(string Id, string Title, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Tests);

/// <summary>
/// Reads docs/safety/hazard-log.md (linked into each test assembly, which checks the tests it holds). A hazard is a
/// <c>### H01 Title</c> heading followed by a table of <c>| field | value |</c> rows; the <c>Tests</c> row lists test
/// methods in backticks: <c>Namespace.Class.Method</c> under <c>HipPain.Rules.Tests</c>, or a full name for another
/// test assembly (<c>HipPain.Rules.DependencyInjection.Tests.Class.Method</c>).
/// </summary>
public static partial class HazardLog
{
    public static readonly string[] RequiredFields = ["Cause", "Effect", "Severity", "Likelihood", "Risk", "Controls", "Tests", "Residual risk"];

    public static readonly string[] Severities = ["1 Minor", "2 Significant", "3 Considerable", "4 Major", "5 Catastrophic"];

    public static readonly string[] Likelihoods = ["1 Very low", "2 Low", "3 Medium", "4 High", "5 Very high"];

    public static string Path => System.IO.Path.Combine(Repository.Root, "docs", "safety", "hazard-log.md");

    public static IReadOnlyList<Hazard> Read()
    {
        var hazards = new List<Hazard>();
        string? id = null, title = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path))
        {
            if (HazardHeading().Match(line) is { Success: true } heading)
            {
                Add();
                (id, title) = (heading.Groups[1].Value, heading.Groups[2].Value);
                fields = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Add();
                id = null;
            }
            else if (id is not null && Row().Match(line) is { Success: true } row && row.Groups[1].Value is not ("field" or "---"))
            {
                fields[row.Groups[1].Value.Trim('*')] = row.Groups[2].Value.Trim();
            }
        }

        Add();
        return hazards;

        void Add()
        {
            if (id is not null)
            {
                var tests = fields.TryGetValue("Tests", out var list) ? TestName().Matches(list).Select(m => m.Groups[1].Value).ToList() : [];
                hazards.Add(new Hazard(id, title!, fields, tests));
            }
        }
    }

    /// <summary>The tests of this log that belong to <paramref name="assembly"/> and do not exist in it as test methods.</summary>
    public static IEnumerable<string> MissingTests(Assembly assembly, string? defaultNamespace)
    {
        var prefix = assembly.GetName().Name + ".";
        var methods = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
                .Select(m => t.FullName + "." + m.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in Read().SelectMany(h => h.Tests.Select(t => (h.Id, Test: t))))
        {
            var full = name.Test.StartsWith("HipPain.", StringComparison.Ordinal) ? name.Test : defaultNamespace is null ? null : defaultNamespace + "." + name.Test;
            if (full is not null && full.StartsWith(prefix, StringComparison.Ordinal) && !methods.Contains(full))
            {
                yield return $"{name.Id}: {name.Test}";
            }
        }
    }

    [GeneratedRegex(@"^### (H[0-9]{2}) (.+)$")]
    private static partial Regex HazardHeading();

    [GeneratedRegex(@"^\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$")]
    private static partial Regex Row();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_.]+\.[A-Za-z0-9_]+)`")]
    private static partial Regex TestName();
}
