using BenchmarkDotNet.Attributes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Benchmarks;

/// <summary>Building the built-in knowledge base with the authoring DSL, loading it from a JSON rule pack, and compiling it into an engine.</summary>
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

    private readonly string _json = KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance);
    private readonly byte[] _utf8 = System.Text.Encoding.UTF8.GetBytes(KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance));

    /// <summary>Reading the built-in base from its JSON rule pack (a string): parse, resolve names, validate and hash, without compiling.</summary>
    [Benchmark]
    public KnowledgeBase LoadBuiltInBaseFromJson() => KnowledgeBaseJson.Read(_json);

    /// <summary>Reading the same pack from a UTF-8 stream, as a clinic app loading a file would.</summary>
    [Benchmark]
    public KnowledgeBase LoadBuiltInBaseFromUtf8Stream() => KnowledgeBaseJson.Read(new MemoryStream(_utf8, writable: false));

    /// <summary>Loading the JSON pack and compiling it into an engine: what a clinic app pays at start-up or after a knowledge update.</summary>
    [Benchmark]
    public TriageEngine LoadAndCompileFromJson() => new(KnowledgeBaseJson.Read(_json));
}
