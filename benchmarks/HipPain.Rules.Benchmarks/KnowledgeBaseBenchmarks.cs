using BenchmarkDotNet.Attributes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>Building the built-in knowledge base with the authoring DSL, and compiling it into an engine.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class KnowledgeBaseBenchmarks
{
    /// <summary>Compiling the built base into an engine's scoring tables.</summary>
    [Benchmark(Baseline = true)]
    public TriageEngine CompileBuiltInBase() => new(BuiltInKnowledgeBase.Instance);

    /// <summary>Authoring and validating the built-in base (the DSL's Build()), without compiling it.</summary>
    [Benchmark]
    public KnowledgeBase BuildBuiltInBase() => BuiltInKnowledgeBase.CreateBuilder().Build();

    // TODO(issue 5): add "LoadBuiltInBaseFromJson" once JSON rule packs land (issue 4); JSON load is not on this branch.
}
