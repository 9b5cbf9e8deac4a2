using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.DependencyInjection.Tests;

internal static class TestBases
{
    /// <summary>The shared fixture (tests/Shared/FixtureBase.cs) under an id and with a prior for its common cause.</summary>
    public static KnowledgeBase Create(string id = "base", double gtpsPrior = 0.3) => FixtureBase.Create(id, gtpsPrior);

    public static PatientCase LateralHip => FixtureBase.LateralHip;

    public static string PriorOverlay(string cause, double prior, string id = "clinic") =>
        "{ \"formatVersion\": 1, \"id\": \"" + id + "\", \"version\": \"1\", \"priors\": [ { \"cause\": \"" + cause + "\", \"prior\": "
        + prior.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        + ", \"priorEvidence\": { \"citation\": \"Clinic audit\", \"level\": \"cohortStudy\", \"status\": \"estimated\" } } ] }";

    /// <summary>A temporary folder for pack files, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("hippain-di-").FullName;

        public string Write(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    public static string Json(KnowledgeBase knowledgeBase) => KnowledgeBaseJson.Write(knowledgeBase);
}
