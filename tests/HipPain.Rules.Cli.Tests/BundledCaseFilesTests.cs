using HipPain.Rules.Knowledge;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Cli.Tests;

/// <summary>samples/cases/bundled holds the console sample's bundled cases as case files, for <c>hippain replay</c>.</summary>
public class BundledCaseFilesTests
{
    private const string Folder = "samples/cases/bundled";

    [Fact]
    public void BundledFolder_HoldsEveryBundledCaseAsItsCaseFile()
    {
        foreach (var (name, description, patientCase) in BundledCases.All)
        {
            GoldenFile.AssertCurrent($"{Folder}/{name}.case.json", Expected(description, patientCase), "BundledCases changed");
        }

        var names = BundledCases.All.Select(c => c.Name + ".case.json").Order(StringComparer.Ordinal).ToList();
        var files = Directory.GetFiles(CliRunner.Sample(Folder)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, files);
    }

    [Fact]
    public void CaseFiles_EveryFileUnderSamplesCases_IsValidForTheBuiltInBase()
    {
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);
        var files = Directory.GetFiles(CliRunner.Sample("samples/cases"), "*.json", SearchOption.AllDirectories);

        Assert.True(files.Length > BundledCases.All.Count);
        foreach (var file in files)
        {
            var patientCase = CaseJson.Read(File.ReadAllText(file));
            Assert.True(engine.Validate(patientCase).IsEmpty, file + ": " + string.Join("; ", engine.Validate(patientCase)));
        }
    }

    private static string Expected(string description, Model.PatientCase patientCase) =>
        JsonNodeWithSchema(CaseJson.Write(patientCase.WithLabel(description))) + "\n";

    private static string JsonNodeWithSchema(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var ordered = new System.Text.Json.Nodes.JsonObject { ["$schema"] = "../../../src/HipPain.Rules/Serialization/Schemas/case.v1.schema.json" };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            ordered[key] = value;
        }

        return ordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
