using System.Text.RegularExpressions;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Docs;

/// <summary>
/// Issue 15 item 7: the README's C# is compiled and run. Each <c>```csharp</c> block of README.md is one region below
/// (between <c>// readme:NAME</c> and <c>// readme:end</c>), compared line by line after its common indentation; a
/// block's <c>using</c> lines must be among this file's. A new block without its region here fails the test.
/// </summary>
public sealed partial class ReadmeCodeTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Readme_EveryCSharpBlock_IsARegionCompiledHere()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var source = File.ReadAllText(Path.Combine(Root, "tests/HipPain.Rules.Tests/Docs/ReadmeCodeTests.cs")).ReplaceLineEndings("\n");
        var regions = RegionNames().Matches(source).Select(m => Region(source, m.Groups[1].Value)).ToList();
        var usings = source.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var blocks = CSharpBlocks().Matches(readme).Select(m => m.Groups[1].Value.TrimEnd('\n')).ToList();

        Assert.Equal(3, blocks.Count);
        Assert.Equal(blocks.Count, regions.Count);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            Assert.All(lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)), u => Assert.Contains(u, usings));
            var code = string.Join("\n", lines.SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0));
            Assert.Contains(code, regions);
        }
    }

    [Fact]
    public void QuickStart_Runs_AndPrintsUrgencyRunningAdviceAndThreeCauses()
    {
        // The README writes to the console; here "Console" is a writer, so the output can be read.
#pragma warning disable IDE1006 // the local is named after the type it stands in for
        using var Console = new StringWriter();
#pragma warning restore IDE1006

        // readme:quick-start
        // Build once and share: engines and knowledge bases are immutable and thread-safe.
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);

        var result = engine.Triage(PatientCase.Create(34, Sex.Female,
            Observation.Present("loc.lateral-hip"),
            Observation.Present("tim.lying-on-side"),
            Observation.Absent("sym.fever")));

        if (result.IsUrgencyProvisional)   // unknown answers could still raise the urgency: settle the first red flag next
        {
            var first = result.UndecidedRedFlags[0];
            Console.WriteLine($"Urgency: {result.Urgency} so far, could be {result.HighestPossibleUrgency}; ask first ({first.RedFlag.Name}): {string.Join(", ", first.SettlingFindingIds)}");
        }
        else
            Console.WriteLine($"Urgency: {result.Urgency}");
        Console.WriteLine($"Running: {result.Plan.RunningAdvice.Text}");
        foreach (var cause in result.Differential.Take(3))
        {
            Console.WriteLine($"{cause.Rank}. {cause.Cause.Name}: {cause.Probability:P0}");
            foreach (var why in cause.Contributions)
                Console.WriteLine($"   x{why.Factor:0.##} {why.Label} [{why.Evidence.Citation}]");
        }
        // readme:end

        var printed = Console.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Urgency: ", printed[0], StringComparison.Ordinal);
        Assert.Contains($"ask first ({result.UndecidedRedFlags[0].RedFlag.Name}): {string.Join(", ", result.UndecidedRedFlags[0].SettlingFindingIds)}", printed[0], StringComparison.Ordinal);
        Assert.StartsWith("Running: ", printed[1], StringComparison.Ordinal);
        Assert.Equal(["1. ", "2. ", "3. "], printed.Where(l => !l.StartsWith(' ')).Skip(2).Select(l => l[..3]));
    }

    [Fact]
    public void WriteYourOwnKnowledgeBase_Builds()
    {
        // readme:own-base
        var source = new Evidence("Reiman MP et al. Br J Sports Med 2013;47:893, Table 8",
            EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary);

        var kb = new KnowledgeBaseBuilder("my-clinic", "1.0.0")
            .AddFinding("exam.trendelenburg", "Positive Trendelenburg sign", FindingKind.Examination)
            .AddTreatment("tx.exercise", "Progressive abductor strengthening", TreatmentKind.Physiotherapy, source)
            .AddCause("gluteal-tendinopathy", "Gluteal tendinopathy", c => c
                .Prior(0.2, new Evidence("Clinic audit 2025", EvidenceLevel.CohortStudy, VerificationStatus.Estimated))
                .Finding("exam.trendelenburg", positive: 6.83, negative: 0.25, source)
                .Treat("tx.exercise"))
            .Build();   // validates everything at once; throws KnowledgeBaseValidationException listing every problem
        // readme:end

        Assert.Equal(("my-clinic", 1, 1), (kb.Id, kb.Causes.Length, kb.Rules.Length));
    }

    [Fact]
    public void EvidenceGroupExample_Builds_AndCountsTheJointFigureAlone()
    {
        var source = new Evidence("Reiman MP et al. Br J Sports Med 2013;47:893, Table 8", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary);
        var kinsella = new Evidence("Kinsella 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
        var builder = new KnowledgeBaseBuilder("grouped", "1.0.0")
            .AddFinding("exam.gt-tenderness", "Greater trochanter tenderness", FindingKind.Examination)
            .AddFinding("exam.resisted-abduction-pain", "Pain on resisted abduction", FindingKind.Examination)
            .AddFinding("exam.trendelenburg", "Positive Trendelenburg sign", FindingKind.Examination)
            .AddTreatment("tx.education", "Load-management education", TreatmentKind.SelfCare, source);
        builder.AddCause("gtps", "Greater trochanteric pain syndrome", c =>
        {
            c.Prior(0.3, source).Treat("tx.education");
            // readme:evidence-group
            c.Group("gtps/abductor-loading", "Abductor loading tests", g => g
                .Graded("gtps/kinsella", [Criterion.Present("exam.gt-tenderness"), Criterion.Present("exam.resisted-abduction-pain")],
                    [0.11, null, 16.7], kinsella, "Kinsella cluster", joint: true)   // the combination's own figure counts alone
                .Finding("exam.trendelenburg", positive: 6.83, negative: 0.25, source));  // otherwise the strongest member each way
            // readme:end
        });
        var kb = builder.Build();

        var both = new TriageEngine(kb).Triage(PatientCase.Create(50, Sex.Female,
            Observation.Present("exam.gt-tenderness"), Observation.Present("exam.resisted-abduction-pain"), Observation.Present("exam.trendelenburg")));

        var group = Assert.Single(kb.Groups);
        Assert.Equal(["gtps/kinsella", "gtps/exam.trendelenburg"], group.Members.Select(m => m.RuleId));
        Assert.Equal(Math.Log(0.3 / 0.7) + Math.Log(16.7), both.Differential.Single().LogOdds, 12);
    }

    [GeneratedRegex(@"^\s*// readme:(?!end)([a-z-]+)$", RegexOptions.Multiline)]
    private static partial Regex RegionNames();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();

    /// <summary>The lines between "// readme:name" and "// readme:end", without their common indentation.</summary>
    private static string Region(string source, string name)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "// readme:" + name);
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "// readme:end");
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }
}
