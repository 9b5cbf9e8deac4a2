using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HipPain.Rules.Fhir.CdsHooks;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Fhir.Tests;

/// <summary>
/// The worked example in docs/fhir.md (hook request and response) and docs/fhir/example-bundle.json is what the code
/// produces. Regenerate with <c>HIPPAIN_UPDATE_DOCS=1 dotnet test -c Release</c>.
/// </summary>
public sealed partial class DocsExampleTests(FhirValidation validation)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        var (request, response, bundle, resource) = Example();
        Assert.Equal([], validation.Errors(resource));

        var page = File.ReadAllText(Repository.PathOf("docs/fhir.md")).ReplaceLineEndings("\n");
        Assert.Equal(["request", "response"], ExampleBlock().Matches(page).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal));
        var expectedPage = ExampleBlock().Replace(page, m => $"<!-- example: {m.Groups["name"].Value} -->\n```json\n{(m.Groups["name"].Value == "request" ? request : response)}\n```");
        GoldenFile.AssertCurrent("docs/fhir.md", expectedPage, "the worked example's hook request or response changed");
        GoldenFile.AssertCurrent("docs/fhir/example-bundle.json", bundle + "\n", "the example bundle changed");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
