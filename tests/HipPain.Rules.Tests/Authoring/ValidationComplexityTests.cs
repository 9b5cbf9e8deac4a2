using System.Text;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// Issue 17: validation was quadratic inside the documented limits (one cause with 10,000 rules took 9.9 s and
/// 42 GB; 10,000 criterion errors 6 s and 27 GB). These tests hold it to near-linear growth by counting, never by
/// timing: the validator's own count of steps, and the bytes allocated on this thread, for n and 2n rules. A
/// quadratic step makes the ratio about 4; linear work keeps it near 2. The benchmark
/// <c>ValidationBenchmarks</c> measures the time.
/// </summary>
public sealed class ValidationComplexityTests
{
    private const int N = 2_000;
    private const double MaxRatio = 2.3;

    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    public static TheoryData<string> Shapes() => ["distinct findings", "one shared finding", "unknown findings", "one-sided outcomes", "one evidence group sharing a finding", "graded rules in groups"];

    /// <summary>One cause with <paramref name="rules"/> rules of the given shape.</summary>
    internal static KnowledgeBaseBuilder OneCause(int rules, string shape)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("shared", "Shared", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        for (var i = 0; i < rules; i++)
        {
            if (shape != "unknown findings")
            {
                builder.AddFinding($"f{i}", "F", FindingKind.Symptom);
            }
        }

        return builder.AddCause("c", "Cause", c =>
        {
            c.Prior(0.2, Source).Treat("tx");
            if (shape == "one evidence group sharing a finding")
            {
                // Members of one group may read the same finding: every rule shares one with every earlier rule.
                c.Group("c/g", "One group", g =>
                {
                    for (var i = 0; i < rules; i++)
                    {
                        g.Composite($"r{i}", Criterion.AllOf(Criterion.Present("shared"), Criterion.Present($"f{i}")), 2, 0.5, Source, joint: i == 0);
                    }
                });
                return;
            }

            if (shape == "graded rules in groups")
            {
                // A graded rule and a criterion rule reading the same finding, in a group of two, many times over.
                for (var i = 0; i < rules; i += 2)
                {
                    var pair = i;
                    c.Group($"c/g{i}", "Pair", g => g
                        .Graded($"r{pair}", [Criterion.Present($"f{pair}"), Criterion.AgeBetween(40, null)], [0.5, 1, 2], Source, joint: true)
                        .Finding($"f{pair}", 2, 0.5, Source));
                }

                return;
            }

            for (var i = 0; i < rules; i++)
            {
                _ = shape switch
                {
                    "one shared finding" => c.Composite($"r{i}", Criterion.AllOf(Criterion.Present("shared"), Criterion.Present($"f{i}")), 2, 0.5, Source),
                    "one-sided outcomes" => c.Composite($"r{i}", Criterion.AllOf(i % 2 == 0 ? Criterion.Present("shared") : Criterion.Absent("shared"), Criterion.Present($"f{i}")), 2, 1, Source),
                    _ => c.Finding($"f{i}", 2, 0.5, Source),
                };
            }
        });
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Validate_RulesInOneCause_StepsGrowInProportion(string shape)
    {
        KnowledgeBaseValidator.Validate(OneCause(N, shape), out var small);
        KnowledgeBaseValidator.Validate(OneCause(2 * N, shape), out var large);

        Assert.InRange((double)large / small, 1.5, MaxRatio);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Validate_TenThousandRulesInOneCause_AllocationGrowsInProportionNotQuadratically(string shape)
    {
        var small = Allocated(() => OneCause(N, shape).Validate());
        var large = Allocated(() => OneCause(2 * N, shape).Validate());

        Assert.InRange((double)large / small, 1.5, MaxRatio);
    }

    [Fact]
    public void TryRead_ManyCriterionErrors_AllocationGrowsInProportionNotQuadratically()
    {
        var small = Allocated(() => KnowledgeBaseJson.TryRead(WithCriterionErrors(N), out _, out _));
        var large = Allocated(() => KnowledgeBaseJson.TryRead(WithCriterionErrors(2 * N), out _, out _));

        Assert.InRange((double)large / small, 1.5, MaxRatio);
    }

    [Fact]
    public void ApplyTo_ManyAdditionsAndDisabledRules_AllocationGrowsInProportionNotQuadratically()
    {
        var smallBase = OneCause(N, "distinct findings").Build();
        var largeBase = OneCause(2 * N, "distinct findings").Build();
        var smallOverlay = OverlayJson.Read(Overlay(N));
        var largeOverlay = OverlayJson.Read(Overlay(2 * N));

        var small = Allocated(() => smallOverlay.ApplyTo(smallBase));
        var large = Allocated(() => largeOverlay.ApplyTo(largeBase));

        Assert.InRange((double)large / small, 1.5, MaxRatio);
    }

    /// <summary>A knowledge-base document whose one cause has <paramref name="rules"/> rules, each reading an unknown finding inside a composite.</summary>
    internal static string WithCriterionErrors(int rules)
    {
        var json = new StringBuilder("{\"formatVersion\":1,\"id\":\"x\",\"version\":\"1\",\"treatments\":[{\"id\":\"t\",\"name\":\"T\",\"kind\":\"selfCare\",\"evidence\":{\"citation\":\"c\",\"level\":\"cohortStudy\",\"status\":\"computed\"}}],");
        json.Append("\"causes\":[{\"id\":\"c\",\"name\":\"C\",\"prior\":0.1,\"priorEvidence\":{\"citation\":\"c\",\"level\":\"cohortStudy\",\"status\":\"computed\"},\"recommendations\":[{\"treatmentId\":\"t\"}],\"rules\":[");
        for (var i = 0; i < rules; i++)
        {
            json.Append(i > 0 ? "," : string.Empty)
                .Append("{\"id\":\"r").Append(i).Append("\",\"criterion\":{\"allOf\":[{\"present\":\"u").Append(i)
                .Append("\"}]},\"ratio\":{\"positive\":2,\"negative\":0.5},\"evidence\":{\"citation\":\"c\",\"level\":\"cohortStudy\",\"status\":\"computed\"}}");
        }

        return json.Append("]}]}").ToString();
    }

    private static string Overlay(int items)
    {
        var json = new StringBuilder("{\"formatVersion\":1,\"id\":\"o\",\"version\":\"1\",\"disableRules\":[");
        json.AppendJoin(",", Enumerable.Range(0, items).Where(i => i % 2 == 0).Select(i => $"\"c/f{i}\""));
        json.Append("],\"addFindings\":[");
        json.AppendJoin(",", Enumerable.Range(0, items).Select(i => $"{{\"id\":\"n{i}\",\"name\":\"N\",\"kind\":\"symptom\"}}"));
        json.Append("],\"findingText\":[");
        json.AppendJoin(",", Enumerable.Range(0, items).Select(i => $"{{\"id\":\"f{i}\",\"name\":\"Renamed\"}}"));
        return json.Append("]}").ToString();
    }

    private static long Allocated(Action action)
    {
        action(); // warm up: the first run also allocates for the JIT and the static caches
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
