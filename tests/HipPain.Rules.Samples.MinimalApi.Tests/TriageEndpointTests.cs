using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HipPain.Rules.Samples.MinimalApi.Tests;

/// <summary>Runs the docs' ASP.NET Core example (issue 18: it answered HTTP 500 to every request).</summary>
public sealed class TriageEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string LateralHipCase = """
        { "formatVersion": 1, "age": 34, "sex": "female",
          "observations": [ { "findingId": "loc.lateral-hip", "state": "present" }, { "findingId": "tim.lying-on-side", "state": "present" },
                            { "findingId": "sym.fever", "state": "absent" } ] }
        """;

    [Fact]
    public async Task PostTriage_ValidCase_200WithTheResult()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/triage", UriKind.Relative), Json(LateralHipCase), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("triage-result", "gtps"), (body.RootElement.GetProperty("format").GetString(), body.RootElement.GetProperty("differential")[0].GetProperty("cause").GetString()));
    }

    [Fact]
    public async Task PostTriage_UnknownFindingCode_400WithHPC001AndPath()
    {
        using var client = factory.CreateClient();
        const string json = """{ "formatVersion": 1, "observations": [ { "findingId": "loc.elbow", "state": "present" } ] }""";

        using var response = await client.PostAsync(new Uri("/triage", UriKind.Relative), Json(json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("HPC001", problems[0].GetProperty("code").GetString());
        Assert.Equal("$.observations[0].findingId", problems[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("""{ "formatVersion": 1, "sex": "f" }""")]
    [InlineData("""{ "formatVersion": 2 }""")]
    [InlineData("""{ "formatVersion": 1, "observations": [ { "findingId": "a", "state": "yes" } ] }""")]
    [InlineData("""{ "formatVersion": 1, "observations": { } }""")]
    [InlineData("""[ 1, 2 ]""")]
    public async Task PostTriage_UnreadableCase_400NotServerError(string json)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/triage", UriKind.Relative), Json(json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostTriageRequest_CaseNestedInALargerBody_Binds()
    {
        using var client = factory.CreateClient();
        var json = $$"""{ "language": "es", "case": {{LateralHipCase}} }""";

        using var response = await client.PostAsync(new Uri("/triage/request", UriKind.Relative), Json(json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("gtps", "es"), (body.RootElement.GetProperty("differential")[0].GetProperty("cause").GetString(), body.RootElement.GetProperty("text").GetProperty("culture").GetString()));
    }

    [Fact]
    public async Task Interview_PatientStartThenAnswer_NextStepFromTheStateAlone()
    {
        using var client = factory.CreateClient();
        const string start = """{ "formatVersion": 1, "age": 34, "sex": "female", "observations": [ { "findingId": "loc.lateral-hip", "state": "present" } ] }""";

        using var first = await client.PostAsync(new Uri("/interview/start?language=es", UriKind.Relative), Json(start), TestContext.Current.CancellationToken);
        using var step = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var finding = step.RootElement.GetProperty("next").GetProperty("finding").GetString()!;
        var answer = $$"""{ "state": {{step.RootElement.GetProperty("state").GetRawText()}}, "finding": "{{finding}}", "answer": "absent", "language": "es" }""";
        using var second = await client.PostAsync(new Uri("/interview/answer", UriKind.Relative), Json(answer), TestContext.Current.CancellationToken);
        using var next = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode.OK, "patient"), (second.StatusCode, next.RootElement.GetProperty("audience").GetString()));
        Assert.Equal(1, next.RootElement.GetProperty("questionsAsked").GetInt32());
        Assert.NotEqual(finding, next.RootElement.GetProperty("next").GetProperty("finding").GetString());
    }

    [Fact]
    public async Task InterviewAnswer_ForAQuestionNotAsked_400WithHPI001()
    {
        using var client = factory.CreateClient();
        using var first = await client.PostAsync(new Uri("/interview/start", UriKind.Relative), Json("""{ "formatVersion": 1 }"""), TestContext.Current.CancellationToken);
        using var step = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var answer = $$"""{ "state": {{step.RootElement.GetProperty("state").GetRawText()}}, "finding": "loc.knee", "answer": "present" }""";

        using var response = await client.PostAsync(new Uri("/interview/answer", UriKind.Relative), Json(answer), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HPI001", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
