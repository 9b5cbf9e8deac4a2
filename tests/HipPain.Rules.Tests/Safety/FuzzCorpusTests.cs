using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Safety.Fuzzing;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Safety;

/// <summary>The SharpFuzz harness's committed seed corpus (fuzz/corpus) stays readable and in step with the seeds.</summary>
public sealed class FuzzCorpusTests
{
    private static string Corpus => Path.Combine(Repository.Root, "fuzz", "corpus");

    [Fact]
    public void Corpus_EverySeed_IsCommittedAndReads()
    {
        foreach (var (kind, name, bytes) in FuzzSeeds.All())
        {
            var path = Path.Combine(Corpus, kind, name + ".json");
            Assert.True(File.Exists(path), $"{path} is missing: run dotnet run --project fuzz/HipPain.Rules.Fuzz -- write-corpus fuzz/corpus");
            using var stream = File.OpenRead(path);
            object read = kind switch
            {
                "knowledge-base" => KnowledgeBaseJson.Read(stream),
                "overlay" => OverlayJson.Read(stream).ApplyTo(FuzzSeeds.Small),
                "case" => CaseJson.Read(stream),
                _ => TextPackJson.Read(stream),
            };
            Assert.NotNull(read);
        }
    }
}
