// The clinic web app sample: docs/web.md. One command starts it and prints its URL:
//   dotnet run -c Release --project samples/HipPain.Rules.Samples.Web
using HipPain.Rules.DependencyInjection;
using HipPain.Rules.Samples.Web;
using HipPain.Rules.Serialization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// docs:registration
builder.Services.AddHipPainRules(o => o
    .UseKnowledgeBase(() => HipPain.Rules.Knowledge.BuiltInKnowledgeBase.Instance));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new PatientCaseJsonConverter())); // bind PatientCase bodies in the case format
builder.Services.AddSingleton<ClinicPacks>();                    // the base, and the base with the clinic overlay
builder.Services.AddProblemDetails();                            // RFC 9457 for every error response
builder.Services.AddExceptionHandler<RulesProblemHandler>();     // library codes and paths in problem details
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // unreadable bodies reach the handler
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocumentTransformer>());
// docs:end

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();

// docs:endpoints
app.MapOpenApi();                         // /openapi/v1.json
app.MapScalarApiReference("/api/docs", o => // the API reference page, served by the app
{
    o.Title = "HipPain.Rules clinic API";
    o.OpenApiRoutePattern = "/openapi/{documentName}.json";
    o.DefaultFonts = false;                   // nothing fetched from outside the app
    o.Telemetry = false;
});
app.MapGroup("/api").MapClinicApi();      // triage, interview, knowledge base: ClinicApi.cs
app.MapSchemas();                         // /schemas/case.v1.schema.json, ...
// docs:end

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"HipPain clinic page: {address}/   API reference: {address}/api/docs");
    }
});

app.Run();
