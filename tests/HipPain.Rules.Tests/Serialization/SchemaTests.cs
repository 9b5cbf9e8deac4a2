using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Serialization;

public sealed class SchemaTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> BundledJsonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "samples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Build output (bin/, obj/) holds generated JSON that is not a rule pack or case.
            var parts = Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            // An ASP.NET Core sample's host configuration (appsettings*.json) is not a library document, and a FHIR
            // observation mapping is the FHIR package's format (ObservationMappingJsonTests reads the bundled one).
            if (Path.GetFileName(file).StartsWith("appsettings", StringComparison.Ordinal)
                || file.EndsWith(".observation-mapping.json", StringComparison.Ordinal))
            {
                continue;
            }

            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundledJsonFiles))]
    public void BundledFile_ValidatesAgainstItsSchemaAndReads(string relativePath)
    {
        var json = File.ReadAllText(Path.Combine(Root, relativePath));

        if (relativePath.EndsWith(".overlay.json", StringComparison.Ordinal))
        {
            Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, json));
            var applied = OverlayJson.Read(json).ApplyTo(FixtureBase.Create());
            Assert.NotNull(applied);
        }
        else if (relativePath.EndsWith(".knowledge-base.json", StringComparison.Ordinal))
        {
            Assert.Empty(SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json));
            Assert.NotNull(KnowledgeBaseJson.Read(json));
        }
        else if (relativePath.EndsWith(".case.json", StringComparison.Ordinal))
        {
            Assert.Empty(SchemaChecker.Errors(SchemaChecker.Case, json));
            // Bundled case files are for the built-in base (the console sample and the hippain tool triage them); issue 14.
            Assert.Empty(new HipPain.Rules.Scoring.TriageEngine(HipPain.Rules.Knowledge.BuiltInKnowledgeBase.Instance).Validate(CaseJson.Read(json)));
        }
        else
        {
            Assert.Fail($"{relativePath}: name bundled JSON files *.overlay.json, *.knowledge-base.json or *.case.json so that a schema checks them.");
        }
    }

    [Fact]
    public void BundledFiles_IncludeTheEnduranceClinicOverlay()
    {
        Assert.Contains("samples/packs/endurance-clinic.overlay.json", BundledJsonFiles().Select(row => (string)row.Data));
    }

    [Fact]
    public void EnduranceClinicOverlay_RaisesOnlyTheFractureProbability()
    {
        var baseKb = FixtureBase.Create();
        var overlay = OverlayJson.Read(File.ReadAllText(Path.Combine(Root, "samples/packs/endurance-clinic.overlay.json")));

        var clinic = overlay.ApplyTo(baseKb);

        var patientCase = PatientCase.Create(30, Sex.Male, Observation.Present("exam.hop-pain"));
        var before = new HipPain.Rules.Scoring.TriageEngine(baseKb).Triage(patientCase).Differential;
        var after = new HipPain.Rules.Scoring.TriageEngine(clinic).Triage(patientCase).Differential;
        Assert.True(after.Single(r => r.Cause.Id == "femoral-neck-stress-fracture").Probability > before.Single(r => r.Cause.Id == "femoral-neck-stress-fracture").Probability);
        Assert.Equal(before.Single(r => r.Cause.Id == "gtps").Probability, after.Single(r => r.Cause.Id == "gtps").Probability);
        Assert.Equal("endurance-clinic", clinic.Id);
    }

    [Fact]
    public void SchemaFiles_InSourceEqualEmbeddedResources()
    {
        var folder = Path.Combine(Root, "src/HipPain.Rules/Serialization/Schemas");

        Assert.Equal(File.ReadAllText(Path.Combine(folder, "knowledge-base.v1.schema.json")), JsonSchemas.KnowledgeBase);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "overlay.v1.schema.json")), JsonSchemas.Overlay);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "case.v1.schema.json")), JsonSchemas.Case);
    }

    [Fact]
    public void Schemas_DeclareDraft2020_12()
    {
        foreach (var schema in new[] { JsonSchemas.KnowledgeBase, JsonSchemas.Overlay, JsonSchemas.Case })
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)JsonNode.Parse(schema)!["$schema"]);
        }
    }

    [Fact]
    public void SchemaEnums_MatchTheReadersNames()
    {
        var defs = JsonNode.Parse(JsonSchemas.KnowledgeBase)!["$defs"]!;

        Assert.Equal(Names<FindingKind>(), Enum(defs["findingKind"]));
        Assert.Equal(Names<BodyRegion>(), Enum(defs["bodyRegion"]));
        Assert.Equal(Names<TreatmentKind>(), Enum(defs["treatmentKind"]));
        Assert.Equal(Names<TreatmentLine>(), Enum(defs["treatmentLine"]));
        Assert.Equal(Names<EvidenceLevel>(), Enum(defs["evidenceLevel"]));
        Assert.Equal(Names<VerificationStatus>(), Enum(defs["verificationStatus"]));
        Assert.Equal(Names<Urgency>(), Enum(defs["urgency"]));
        Assert.Equal(Names<RunningRestriction>(), Enum(defs["runningRestriction"]));
        var caseProperties = JsonNode.Parse(JsonSchemas.Case)!["properties"]!;
        Assert.Equal(Names<Sex>(), Enum(caseProperties["sex"]));
        Assert.Equal(Names<FindingState>(), Enum(caseProperties["observations"]!["items"]!["properties"]!["state"]));
    }

    [Fact]
    public void SchemaChecker_InvalidDocument_ReportsErrors()
    {
        var json = JsonNode.Parse(KnowledgeBaseJson.Write(FixtureBase.Create()))!;
        json["causes"]![0]!["prior"] = 1.5;
        json["causes"]![0]!["rules"]![0]!["criterion"]!["absent"] = "loc.groin";
        json["findings"]![0]!["kind"] = "Examination";

        var errors = SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("/causes/0/prior", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/causes/0/rules/0/criterion", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/findings/0/kind", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaChecker_OverlayWithUnknownProperty_ReportsIt()
    {
        var errors = SchemaChecker.Errors(SchemaChecker.Overlay, """{ "formatVersion": 1, "id": "x", "version": "1", "removeCauses": ["gtps"] }""");

        Assert.NotEmpty(errors);
    }

    private static string[] Names<T>()
        where T : struct, Enum => [.. System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])];

    private static string[] Enum(JsonNode? node) => [.. node!["enum"]!.AsArray().Select(v => (string)v!)];
}
