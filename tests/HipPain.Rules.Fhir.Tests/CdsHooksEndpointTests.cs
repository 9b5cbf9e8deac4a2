using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HipPain.Rules.Fhir.CdsHooks;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace HipPain.Rules.Fhir.Tests;

/// <summary>The CDS Hooks endpoints in an in-memory ASP.NET Core app (TestServer, as WebApplicationFactory uses).</summary>
public sealed class CdsHooksEndpointTests : IAsyncLifetime
{
    private static readonly KnowledgeBase Base = BuiltInKnowledgeBase.Instance;
    private static readonly Questionnaire Form = KnowledgeBaseQuestionnaire.Create(Base);
    private WebApplication? app;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        app = builder.Build();
        app.MapHipPainCdsHooks(new CdsHooksOptions
        {
            Engine = new TriageEngine(Base),
            Mapping = FhirTestData.ClinicMapping(),
            TimeProvider = new FixedTime(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)),
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        client = app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A hook request for a bundled case: the Patient, a search Bundle with the QuestionnaireResponse, optional Observations.</summary>
    internal static JsonObject HookRequest(PatientCase patientCase, params Hl7.Fhir.Model.Observation[] observations)
    {
        var searchset = new Bundle { Type = Bundle.BundleType.Searchset, Entry = [new Bundle.EntryComponent { FullUrl = "https://ehr.test/fhir/QuestionnaireResponse/qr1", Resource = FhirTestData.ResponseFor(Form, patientCase) }] };
        var prefetch = new JsonObject
        {
            ["patient"] = JsonNode.Parse(FhirTestData.PatientFor(patientCase).ToJson()),
            ["questionnaireResponses"] = JsonNode.Parse(searchset.ToJson()),
        };
        if (observations.Length > 0)
        {
            var obs = new Bundle { Type = Bundle.BundleType.Searchset };
            foreach (var o in observations)
            {
                obs.Entry.Add(new Bundle.EntryComponent { FullUrl = $"https://ehr.test/fhir/Observation/{o.Id}", Resource = o });
            }

            prefetch["observations"] = JsonNode.Parse(obs.ToJson());
        }

        return new JsonObject
        {
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["hook"] = "patient-view",
            ["fhirServer"] = "https://ehr.test/fhir",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = "p1" },
            ["prefetch"] = prefetch,
        };
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> Post(JsonNode? body, string id = "hippain-triage")
    {
        using var content = new StringContent(body?.ToJsonString() ?? "not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri($"/cds-services/{id}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async System.Threading.Tasks.Task Discovery_ListsThePatientViewServiceWithItsPrefetch()
    {
        var discovery = await client.GetFromJsonAsync<JsonElement>(new Uri("/cds-services", UriKind.Relative), TestContext.Current.CancellationToken);

        var service = Assert.Single(discovery.GetProperty("services").EnumerateArray());
        Assert.Equal("patient-view", service.GetProperty("hook").GetString());
        Assert.Equal("hippain-triage", service.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(service.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(service.GetProperty("description").GetString()));
        var prefetch = service.GetProperty("prefetch");
        Assert.Equal("Patient/{{context.patientId}}", prefetch.GetProperty("patient").GetString());
        Assert.Equal($"QuestionnaireResponse?subject={{{{context.patientId}}}}&questionnaire={Form.Url}&_sort=-authored", prefetch.GetProperty("questionnaireResponses").GetString());
        Assert.Contains("http://loinc.org|8310-5", prefetch.GetProperty("observations").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_HotHip_CriticalCardWithCausesQuestionsAndLinks()
    {
        var patientCase = BundledCases.Find("hot-hip")!;
        var expected = new TriageEngine(Base).Triage(patientCase);

        var (status, body, _) = await Post(HookRequest(patientCase));

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(body.GetProperty("cards").EnumerateArray());
        Assert.Equal("critical", card.GetProperty("indicator").GetString());
        var summary = card.GetProperty("summary").GetString()!;
        Assert.True(summary.Length < 140, summary);
        var detail = card.GetProperty("detail").GetString()!;
        Assert.Contains(expected.Leading.Cause.Name, detail, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1. {expected.Leading.Cause.Name}: {expected.Leading.Probability * 100:0}%"), detail, StringComparison.Ordinal);
        Assert.Contains(expected.FiredRedFlags.First().Action, detail, StringComparison.Ordinal);
        Assert.Equal(CdsHooksOptions.DefaultDocumentationUrl, card.GetProperty("links")[0].GetProperty("url").GetString());
        Assert.Equal("absolute", card.GetProperty("links")[0].GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(card.GetProperty("source").GetProperty("label").GetString()));
        Assert.True(Guid.TryParse(card.GetProperty("uuid").GetString(), out _));
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_LateralHip_ProvisionalUrgencyListsQuestionsStillOpen()
    {
        var patientCase = BundledCases.Find("lateral-hip-runner")!;
        var expected = new TriageEngine(Base).Triage(patientCase);
        Assert.True(expected.IsUrgencyProvisional);

        var (_, body, _) = await Post(HookRequest(patientCase));

        var card = body.GetProperty("cards")[0];
        Assert.Equal("info", card.GetProperty("indicator").GetString());
        Assert.Contains("so far, could be", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var detail = card.GetProperty("detail").GetString()!;
        Assert.Contains("**Still to ask**", detail, StringComparison.Ordinal);
        var first = expected.SettlingFindingIds[0];
        Base.TryGetFinding(first, out var finding);
        Assert.Contains(finding!.PatientQuestion ?? finding.Question ?? finding.Name, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_UrgentCase_WarningIndicator()
    {
        var urgent = BundledCases.All.Select(c => c.Case).First(c => new TriageEngine(Base).Triage(c).Urgency == Urgency.Urgent);

        var (_, body, _) = await Post(HookRequest(urgent));

        Assert.Equal("warning", body.GetProperty("cards")[0].GetProperty("indicator").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_ObservationsOnly_LatestPerCodeCounts()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male), FhirTestData.Temperature("old", 39.5m), FhirTestData.Temperature("new", 36.8m));
        request["prefetch"]!.AsObject().Remove("questionnaireResponses");
        ((JsonObject)request["prefetch"]!["observations"]!["entry"]![0]!["resource"]!)["effectiveDateTime"] = "2026-11-01";
        ((JsonObject)request["prefetch"]!["observations"]!["entry"]![1]!["resource"]!)["effectiveDateTime"] = "2026-11-28";

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.OK, status);
        var detail = body.GetProperty("cards")[0].GetProperty("detail").GetString()!;
        Assert.Contains("1 older observation(s) of the same code not used; the latest counts.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Red flag:", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_NoAnswersNoObservations_NoCards()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male));
        request["prefetch"]!.AsObject().Remove("questionnaireResponses");

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_ContradictoryAnswers_ProblemCardNoTriage()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male, Model.Observation.Absent("sym.fever")), FhirTestData.Temperature("t1", 39m));

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(body.GetProperty("cards").EnumerateArray());
        Assert.Equal("warning", card.GetProperty("indicator").GetString());
        Assert.StartsWith("Hip pain triage not made: 1 problem(s)", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("HPF008", card.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_MissingFields_400ListingEvery()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male));
        request.Remove("hookInstance");
        request["context"]!.AsObject().Remove("patientId");

        var (status, body, mediaType) = await Post(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("Malformed CDS Hooks request", body.GetProperty("title").GetString());
        Assert.Equal(["hookInstance is required.", "context.patientId is required."], body.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("order-sign", "hook is 'order-sign'; this service answers 'patient-view'.")]
    public async System.Threading.Tasks.Task Hook_OtherHook_400(string hook, string problem)
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male));
        request["hook"] = hook;

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([problem], body.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_NotJson_400()
    {
        var (status, body, _) = await Post(null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("The request body is not JSON", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_InvalidFhirInPrefetch_400NamingTheKey()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male));
        request["prefetch"]!["patient"] = new JsonObject { ["resourceType"] = "Patient", ["gender"] = 42 };

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("prefetch.patient is not a valid FHIR R4 resource:", body.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_PatientOfAnotherId_400()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male));
        request["context"]!["patientId"] = "p2";

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("prefetch.patient is Patient 'p1', but context.patientId is 'p2'.", body.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_NoPatientPrefetch_412()
    {
        var request = HookRequest(PatientCase.Create(30, Sex.Male));
        request["prefetch"]!.AsObject().Remove("patient");

        var (status, body, _) = await Post(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal("Prefetch missing", body.GetProperty("title").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_UnknownService_404()
    {
        var (status, _, _) = await Post(HookRequest(PatientCase.Create(30, Sex.Male)), "other");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
