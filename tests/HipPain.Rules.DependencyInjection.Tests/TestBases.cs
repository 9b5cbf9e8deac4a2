using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.DependencyInjection.Tests;

internal static class TestBases
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    public static PatientCase LateralHip { get; } = PatientCase.Create(40, Sex.Female, Observation.Present("loc.lateral-hip"));

    public static KnowledgeBase Create(string id = "base", double gtpsPrior = 0.3) => new KnowledgeBaseBuilder(id, "1.0.0")
        .AddFinding("loc.lateral-hip", "Lateral hip pain", FindingKind.PainLocation, BodyRegion.LateralHip)
        .AddTreatment("tx.education", "Load-management education", TreatmentKind.SelfCare, Source)
        .AddCause("gtps", "Greater trochanteric pain syndrome", c => c.Prior(gtpsPrior, Source).Finding("loc.lateral-hip", 3.0, 0.2, Source).Treat("tx.education"))
        .AddCause("femoral-neck-stress-fracture", "Femoral neck stress fracture", c => c.Prior(0.02, Source).Treat("tx.education"))
        .Build();

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
