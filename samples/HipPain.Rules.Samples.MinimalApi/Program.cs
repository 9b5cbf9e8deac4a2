// The ASP.NET Core minimal API of docs/json-packs.md and the DI package README. The docs quote the code between
// the "docs:" markers verbatim, and a test keeps them equal.
using HipPain.Rules.DependencyInjection;
using HipPain.Rules.Model;

// docs:registration
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHipPainRules(o => o
    .UseKnowledgeBase(() => HipPain.Rules.Knowledge.BuiltInKnowledgeBase.Instance));

var app = builder.Build();
// docs:end

// docs:triage
app.MapPost("/triage", (PatientCase patientCase, IKnowledgeBaseProvider rules) =>
{
    var snapshot = rules.Current;                          // read once per request
    var problems = snapshot.Engine.Validate(patientCase);  // unknown codes, contradictions: HPC codes and paths
    if (!problems.IsEmpty)
    {
        return Results.BadRequest(problems);
    }

    var result = snapshot.Triage(patientCase);
    return Results.Ok(new { result.KnowledgeBaseId, Urgency = result.Urgency.ToString(), Leading = result.Leading.Cause.Id });
});
// docs:end

// A case nested in a larger request body binds the same way.
app.MapPost("/triage/request", (TriageRequest request, IKnowledgeBaseProvider rules) =>
    Results.Ok(new { Leading = rules.Current.Triage(request.Case).Leading.Cause.Id, request.Language }));

app.Run();

/// <summary>A request body that carries a case beside other values.</summary>
/// <param name="Case">The case, in the case JSON format.</param>
/// <param name="Language">The language the client wants, for example <c>es</c>.</param>
internal sealed record TriageRequest(PatientCase Case, string? Language);
