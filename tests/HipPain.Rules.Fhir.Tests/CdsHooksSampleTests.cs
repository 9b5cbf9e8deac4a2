using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HipPain.Rules.Samples.Console;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HipPain.Rules.Fhir.Tests;

/// <summary>The CDS Hooks sample app (samples/HipPain.Rules.Samples.CdsHooks) run in memory by WebApplicationFactory.</summary>
public sealed class CdsHooksSampleTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Sample_DiscoveryAndHotHipHook_CriticalCard()
    {
        using var client = factory.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>(new Uri("/cds-services", UriKind.Relative), TestContext.Current.CancellationToken);
        using var content = new StringContent(CdsHooksEndpointTests.HookRequest(BundledCases.Find("hot-hip")!).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/cds-services/hippain-triage", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var cards = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal("patient-view", discovery.GetProperty("services")[0].GetProperty("hook").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("critical", cards.GetProperty("cards")[0].GetProperty("indicator").GetString());
    }
}
