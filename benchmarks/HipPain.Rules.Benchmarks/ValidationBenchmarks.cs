using BenchmarkDotNet.Attributes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Benchmarks;

/// <summary>
/// Validating one cause with many rules (issue 17: 10,000 rules took 9.9 s and 42 GB, 10,000 criterion errors 6 s
/// and 27 GB). Target: 10,000 rules in one cause under 1 s. Near-linear growth is also held by a test that counts
/// steps (tests/HipPain.Rules.Tests/Authoring/ValidationComplexityTests.cs), for these shapes and more (one-sided
/// outcomes, graded rules in groups). Not run on the shared CI machine: see docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ValidationBenchmarks
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private KnowledgeBaseBuilder distinct = null!;
    private KnowledgeBaseBuilder shared = null!;
    private KnowledgeBaseBuilder grouped = null!;
    private string criterionErrors = null!;

    /// <summary>Rules in the one cause.</summary>
    [Params(1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        distinct = OneCause(Rules, sharedFinding: false);
        shared = OneCause(Rules, sharedFinding: true);
        grouped = OneGroup(Rules);
        criterionErrors = WithCriterionErrors(Rules);
    }

    /// <summary>Each rule reads its own finding: no problem to report.</summary>
    [Benchmark(Baseline = true)]
    public int DistinctFindings() => distinct.Validate().Length;

    /// <summary>Every rule also reads one shared finding: an HPK010 for every rule after the first.</summary>
    [Benchmark]
    public int OneSharedFinding() => shared.Validate().Length;

    /// <summary>Every rule reads one shared finding, all in one evidence group: no problem, as group members may share findings.</summary>
    [Benchmark]
    public int OneGroupSharingAFinding() => grouped.Validate().Length;

    /// <summary>A JSON pack whose every rule names an unknown finding inside a composite: HPK003 at each JSON path.</summary>
    [Benchmark]
    public int CriterionErrorsFromJson()
    {
        KnowledgeBaseJson.TryRead(criterionErrors, out _, out var problems);
        return problems.Length;
    }

    private static KnowledgeBaseBuilder OneCause(int rules, bool sharedFinding)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("shared", "Shared", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        for (var i = 0; i < rules; i++)
        {
            builder.AddFinding($"f{i}", "F", FindingKind.Symptom);
        }

        return builder.AddCause("c", "Cause", c =>
        {
            c.Prior(0.2, Source).Treat("tx");
            for (var i = 0; i < rules; i++)
            {
                _ = sharedFinding
                    ? c.Composite($"r{i}", Criterion.AllOf(Criterion.Present("shared"), Criterion.Present($"f{i}")), 2, 0.5, Source)
                    : c.Finding($"f{i}", 2, 0.5, Source);
            }
        });
    }

    private static KnowledgeBaseBuilder OneGroup(int rules)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("shared", "Shared", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        for (var i = 0; i < rules; i++)
        {
            builder.AddFinding($"f{i}", "F", FindingKind.Symptom);
        }

        return builder.AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Group("c/g", "One group", g =>
        {
            for (var i = 0; i < rules; i++)
            {
                g.Composite($"r{i}", Criterion.AllOf(Criterion.Present("shared"), Criterion.Present($"f{i}")), 2, 0.5, Source);
            }
        }));
    }

    private static string WithCriterionErrors(int rules)
    {
        var json = new System.Text.StringBuilder("{\"formatVersion\":1,\"id\":\"x\",\"version\":\"1\",\"treatments\":[{\"id\":\"t\",\"name\":\"T\",\"kind\":\"selfCare\",\"evidence\":{\"citation\":\"c\",\"level\":\"cohortStudy\",\"status\":\"computed\"}}],");
        json.Append("\"causes\":[{\"id\":\"c\",\"name\":\"C\",\"prior\":0.1,\"priorEvidence\":{\"citation\":\"c\",\"level\":\"cohortStudy\",\"status\":\"computed\"},\"recommendations\":[{\"treatmentId\":\"t\"}],\"rules\":[");
        for (var i = 0; i < rules; i++)
        {
            json.Append(i > 0 ? "," : string.Empty)
                .Append("{\"id\":\"r").Append(i).Append("\",\"criterion\":{\"allOf\":[{\"present\":\"u").Append(i)
                .Append("\"}]},\"ratio\":{\"positive\":2,\"negative\":0.5},\"evidence\":{\"citation\":\"c\",\"level\":\"cohortStudy\",\"status\":\"computed\"}}");
        }

        return json.Append("]}]}").ToString();
    }
}
