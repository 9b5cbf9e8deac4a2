using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HipPain.Rules.Fhir.CdsHooks;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Fhir.Tests;

/// <summary>
/// The worked example in docs/fhir.md (hook request and response) and docs/fhir/example-bundle.json is what the code
/// produces. Regenerate with <c>HIPPAIN_UPDATE_DOCS=1 dotnet test -c Release</c>.
/// </summary>
public sealed partial class DocsExampleTests(FhirValidation validation)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HipPain.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No HipPain.Rules.sln above {AppContext.BaseDirectory}.");
    }

    private static (string Request, string Response, string Bundle, Bundle Resource) Example()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var engine = new TriageEngine(kb);
        var patientCase = BundledCases.Find("groin-stress-fracture")!;
        var request = CdsHooksEndpointTests.HookRequest(patientCase);
        var service = new CdsHooksService(new CdsHooksOptions
        {
            Engine = engine,
            TimeProvider = new FixedTime(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)),
        });
        request["prefetch"]!.AsObject().Remove("observations");
        var outcome = service.Handle(JsonDocument.Parse(request.ToJsonString()).RootElement);
        var response = JsonSerializer.Serialize(outcome.Response, Indented);

        var reader = new FhirCaseReader(engine);
        var prefetch = request["prefetch"]!;
        var read = reader.Read(
            new FhirJsonDeserializer().DeserializeResource(prefetch["patient"]!.ToJsonString()) as Patient,
            (QuestionnaireResponse)((Bundle)new FhirJsonDeserializer().DeserializeResource(prefetch["questionnaireResponses"]!.ToJsonString())).Entry[0].Resource!,
            asOf: FhirTestData.AsOf);
        var bundle = TriageResultBundle.Create(kb, engine.Triage(read.Case), read, new TriageBundleOptions { OccurredAt = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero) });
        // The engine's version carries the commit it was built from: the page shows a placeholder instead.
        return (request.ToJsonString(Indented), response, bundle.ToJson(pretty: true).Replace(TriageEngine.Version, "{engine version}", StringComparison.Ordinal), bundle);
    }

    [GeneratedRegex("<!-- example: (?<name>[a-z]+) -->\\s*```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [Fact]
    public void WorkedExample_DocsMatchTheCode()
    {
        var root = Root();
        var page = Path.Combine(root, "docs", "fhir.md");
        var bundlePath = Path.Combine(root, "docs", "fhir", "example-bundle.json");
        var (request, response, bundle, resource) = Example();
        Assert.Equal([], validation.Errors(resource));
        if (Environment.GetEnvironmentVariable("HIPPAIN_UPDATE_DOCS") == "1")
        {
            var text = File.ReadAllText(page);
            text = ExampleBlock().Replace(text, m => $"<!-- example: {m.Groups["name"].Value} -->\n```json\n{(m.Groups["name"].Value == "request" ? request : response)}\n```");
            File.WriteAllText(page, text);
            Directory.CreateDirectory(Path.GetDirectoryName(bundlePath)!);
            File.WriteAllText(bundlePath, bundle + "\n");
        }

        var blocks = ExampleBlock().Matches(File.ReadAllText(page)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["json"].Value);
        const string Stale = "is stale: regenerate it with 'HIPPAIN_UPDATE_DOCS=1 dotnet test -c Release' and commit it.";
        Assert.True(blocks.TryGetValue("request", out var docRequest) && docRequest == request, $"The request in docs/fhir.md {Stale}");
        Assert.True(blocks.TryGetValue("response", out var docResponse) && docResponse == response, $"The response in docs/fhir.md {Stale}");
        Assert.True(File.Exists(bundlePath) && File.ReadAllText(bundlePath) == bundle + "\n", $"docs/fhir/example-bundle.json {Stale}");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
