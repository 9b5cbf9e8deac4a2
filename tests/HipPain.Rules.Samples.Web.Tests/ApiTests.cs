using System.Net;
using System.Text;
using System.Text.Json;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HipPain.Rules.Samples.Web.Tests;

/// <summary>The sample's HTTP API, in memory: results, interview steps, the knowledge-base summary, and problem details for bad input.</summary>
public sealed class ApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string LateralHipCase = """
        { "formatVersion": 1, "age": 34, "sex": "female",
          "observations": [ { "findingId": "loc.lateral-hip", "state": "present" }, { "findingId": "tim.lying-on-side", "state": "present" },
                            { "findingId": "sym.fever", "state": "absent" } ] }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetKnowledgeBase_Default_StampsCausesAndFindingsWithQuestions()
    {
        var kb = await GetJson("/api/knowledge-base");

        var builtIn = BuiltInKnowledgeBase.Instance;
        Assert.Equal((builtIn.Id, builtIn.Version, builtIn.ContentHash), (kb.GetProperty("id").GetString(), kb.GetProperty("version").GetString(), kb.GetProperty("hash").GetString()));
        Assert.Equal(builtIn.Causes.Length, kb.GetProperty("causes").GetArrayLength());
        var findings = kb.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(builtIn.Findings.Length, findings.Count);
        var groin = findings.Single(f => f.GetProperty("id").GetString() == "loc.groin");
        Assert.Equal(("painLocation", "groinAnteriorHip"), (groin.GetProperty("kind").GetString(), groin.GetProperty("region").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(groin.GetProperty("question").GetString()));
        Assert.Equal(builtIn.Causes.Single(c => c.Id == "gtps").Prior, kb.GetProperty("causes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "gtps").GetProperty("prior").GetDouble());
    }

    [Fact]
    public async Task GetKnowledgeBase_SpanishAndClinicPack_WordsInSpanishAndOverlayChain()
    {
        var kb = await GetJson("/api/knowledge-base?pack=endurance-clinic&language=es");

        Assert.Equal(("endurance-clinic", "es", "needsClinicalReview"), (kb.GetProperty("pack").GetString(), kb.GetProperty("text").GetProperty("culture").GetString(), kb.GetProperty("text").GetProperty("review").GetString()));
        Assert.Equal(BuiltInKnowledgeBase.Instance.ContentHash, kb.GetProperty("derivedFrom")[0].GetProperty("hash").GetString());
        Assert.NotEqual(BuiltInKnowledgeBase.Instance.ContentHash, kb.GetProperty("hash").GetString());
        var spanishName = BuiltInTextPacks.Spanish.Get(new Model.TextKey("findings", "loc.groin", "name"));
        Assert.Equal(spanishName, kb.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "loc.groin").GetProperty("name").GetString());
    }

    [Fact]
    public async Task PostTriage_LateralHipCase_TriageResultWithTextAndEveryCauseExplained()
    {
        using var response = await Post("/api/triage", LateralHipCase);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = await Body(response);
        Assert.Equal(("triage-result", 1), (result.GetProperty("format").GetString(), result.GetProperty("formatVersion").GetInt32()));
        var differential = result.GetProperty("differential").EnumerateArray().ToList();
        Assert.Equal("gtps", differential[0].GetProperty("cause").GetString());
        Assert.All(differential, d => Assert.True(d.TryGetProperty("explanation", out _) && d.TryGetProperty("name", out _), d.GetProperty("cause").GetString()));
    }

    [Fact]
    public async Task PostTriage_EnduranceClinicPack_RaisesTheOverlaysCause()
    {
        const string groinCase = """{ "formatVersion": 1, "age": 29, "sex": "female", "observations": [ { "findingId": "loc.groin", "state": "present" } ] }""";

        var builtIn = await Body(await Post("/api/triage", groinCase));
        var clinic = await Body(await Post("/api/triage?pack=endurance-clinic", groinCase));

        static double Fracture(JsonElement result) => result.GetProperty("differential").EnumerateArray()
            .Single(d => d.GetProperty("cause").GetString() == "femoral-neck-stress-fracture").GetProperty("probability").GetDouble();
        Assert.True(Fracture(clinic) > Fracture(builtIn), $"{Fracture(clinic)} <= {Fracture(builtIn)}");
        Assert.Equal(BuiltInKnowledgeBase.Instance.ContentHash, clinic.GetProperty("knowledgeBase").GetProperty("derivedFrom")[0].GetProperty("hash").GetString());
    }

    [Fact]
    public async Task PostTriage_UnknownFinding_ProblemDetailsWithHPC001AndPath()
    {
        using var response = await Post("/api/triage", """{ "formatVersion": 1, "observations": [ { "findingId": "loc.elbow", "state": "present" } ] }""");

        var error = await SingleError(response);
        Assert.Equal(("HPC001", "$.observations[0].findingId"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
        Assert.Contains("loc.elbow", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "formatVersion": 2 }""", "HPJ002", "$.formatVersion")]
    [InlineData("""{ "formatVersion": 1, "observations": [ { "findingId": "loc.groin", "state": "yes" } ] }""", "HPJ004", "$.observations[0].state")]
    [InlineData("""{ "formatVersion": 1, "age": 300 }""", "HPC004", "$.age")]
    [InlineData("""{ "formatVe""", "HPJ001", "$")]
    [InlineData("", "HPJ001", "$")]
    public async Task PostTriage_UnreadableCase_ProblemDetailsWithTheLibrarysCode(string body, string code, string path)
    {
        using var response = await Post("/api/triage", body);

        var error = await SingleError(response);
        Assert.Equal((code, path), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("/api/triage?pack=nope", "query.pack")]
    [InlineData("/api/interview/start?audience=robot", "query.audience")]
    public async Task Post_UnknownQueryValue_ProblemDetailsNamingTheParameter(string url, string path)
    {
        using var response = await Post(url, LateralHipCase);

        var error = await SingleError(response);
        Assert.Equal(("HPJ004", path), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Interview_StartThenAnswer_AsksTheRedFlagScreenFirstThenCountsTheAnswer()
    {
        var first = await Body(await Post("/api/interview/start?audience=patient", LateralHipCase));
        Assert.Equal(("interview-step", "patient", 0), (first.GetProperty("format").GetString(), first.GetProperty("audience").GetString(), first.GetProperty("questionsAsked").GetInt32()));
        var next = first.GetProperty("next");
        Assert.True(next.GetProperty("redFlagQuestion").GetBoolean());

        var second = await Body(await Post("/api/interview/answer", Answer(first.GetProperty("state"), next.GetProperty("finding").GetString()!, "absent")));

        Assert.Equal(1, second.GetProperty("questionsAsked").GetInt32());
        Assert.Contains(second.GetProperty("result").GetProperty("case").GetProperty("observations").EnumerateArray(),
            o => o.GetProperty("findingId").GetString() == next.GetProperty("finding").GetString() && o.GetProperty("state").GetString() == "absent");
    }

    [Fact]
    public async Task Interview_AnswerToAQuestionNotAsked_ProblemDetailsWithHPI001()
    {
        var first = await Body(await Post("/api/interview/start", LateralHipCase));

        using var response = await Post("/api/interview/answer", Answer(first.GetProperty("state"), "exam.trendelenburg", "present"));

        var error = await SingleError(response);
        Assert.Equal("HPI001", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Interview_StateOfAnotherPack_ProblemDetailsWithHPI002()
    {
        var first = await Body(await Post("/api/interview/start", LateralHipCase));

        using var response = await Post("/api/interview/answer?pack=endurance-clinic", Answer(first.GetProperty("state"), first.GetProperty("next").GetProperty("finding").GetString()!, "present"));

        var error = await SingleError(response);
        Assert.Equal("HPI002", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Interview_AnswerMissingEverything_EveryProblemAtOnce()
    {
        using var response = await Post("/api/interview/answer", """{ "answer": "maybe" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Body(response)).GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("code").GetString()} {e.GetProperty("path").GetString()}");
        Assert.Equal(["HPJ005 $.state", "HPJ005 $.findingId", "HPJ004 $.answer"], errors);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryOperationWithProblemDetails()
    {
        var document = await GetJson("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Path: p.Name, Operation: m.Value)))
            .ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!);
        Assert.Equal(["AnswerInterview", "GetKnowledgeBase", "GetSchema", "StartInterview", "Triage"], operations.Keys.Order(StringComparer.Ordinal));
        foreach (var id in new[] { "Triage", "StartInterview", "AnswerInterview", "GetKnowledgeBase" })
        {
            Assert.True(operations[id].Operation.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _), id);
        }
    }

    [Fact]
    public async Task ApiReference_Page_ServedByTheAppWithLocalScripts()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/api/docs/", UriKind.Relative), Cancel);

        Assert.Contains("scalar.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        using var script = await client.GetAsync(new Uri("/api/docs/scalar.js", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task GetSchema_Case_TheLibrarysSchema()
    {
        using var client = factory.CreateClient();

        var schema = await client.GetStringAsync(new Uri("/schemas/case.v1.schema.json", UriKind.Relative), Cancel);

        Assert.Equal(JsonSchemas.Case, schema);
    }

    private static string Answer(JsonElement state, string findingId, string answer) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["state"] = state, ["findingId"] = findingId, ["answer"] = answer });

    private async Task<HttpResponseMessage> Post(string url, string json)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, Cancel);
    }

    private async Task<JsonElement> GetJson(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Body(response);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> SingleError(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Body(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return Assert.Single(problem.GetProperty("errors").EnumerateArray().ToList());
    }
}
