// The ASP.NET Core minimal API of docs/json-packs.md and the DI package README. The docs quote the code between
// the "docs:" markers verbatim, and a test keeps them equal.
using System.Text.Json;
using HipPain.Rules.DependencyInjection;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

// docs:registration
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHipPainRules(o =>
{
    o.UseKnowledgeBase(() => HipPain.Rules.Knowledge.BuiltInKnowledgeBase.Instance); // or UseKnowledgeBaseFile("packs/...")
    o.Interview.Audience = InterviewAudience.Patient; // the registered interviewer asks what a patient can answer
});
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new PatientCaseJsonConverter())); // bind PatientCase bodies in the case format

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

    var json = TriageResultJson.Write(snapshot.Triage(patientCase)); // triage-result v1: docs/results.md
    return Results.Text(json, "application/json");
});
// docs:end

// docs:interview
// A patient interview on a stateless server: the client keeps the step's "state" and sends it back with each answer.
// The snapshot's interviewer follows reloads and swaps with its engine (a state made on another base: HPI002).
app.MapPost("/interview/start", (PatientCase start, string? language, IKnowledgeBaseProvider rules) =>
    Step(rules.Current.Interviewer.Start(start), language));
app.MapPost("/interview/answer", (AnswerRequest request, IKnowledgeBaseProvider rules) =>
{
    var interviewer = rules.Current.Interviewer;
    try
    {
        var step = interviewer.Resume(InterviewStateJson.Read(request.State));   // counts derived by replay
        var answer = Enum.Parse<FindingState>(request.Answer, ignoreCase: true);  // present, absent, unknown
        return Step(interviewer.Answer(step, request.Finding, answer), request.Language); // HPI001 unless it was asked
    }
    catch (Exception ex) when (ex is ValidationException or ArgumentException)   // RulesJsonException is a ValidationException
    {
        return Results.BadRequest(ex is ValidationException v ? v.Problems : [new ValidationProblem("HPJ001", "$", ex.Message)]);
    }
});

static IResult Step(InterviewStep step, string? language) => Results.Text(
    InterviewStepJson.Write(step, new ResultJsonOptions { Text = BuiltInTextPacks.For(language ?? "en") }), "application/json");
// docs:end

// A case nested in a larger request body binds the same way.
app.MapPost("/triage/request", (TriageRequest request, IKnowledgeBaseProvider rules) =>
    Results.Text(TriageResultJson.Write(rules.Current.Triage(request.Case), new ResultJsonOptions { Text = BuiltInTextPacks.For(request.Language ?? "en") }), "application/json"));

app.Run();

/// <summary>An answer to an interview step's question, with the step's state sent back.</summary>
/// <param name="State">The step's <c>state</c>, unchanged.</param>
/// <param name="Finding">The finding the question was about.</param>
/// <param name="Answer">The answer: present, absent or unknown.</param>
/// <param name="Language">The language of the next step, for example <c>es</c>.</param>
internal sealed record AnswerRequest(JsonElement State, string Finding, string Answer, string? Language);

/// <summary>A request body that carries a case beside other values.</summary>
/// <param name="Case">The case, in the case JSON format.</param>
/// <param name="Language">The language the client wants, for example <c>es</c>.</param>
internal sealed record TriageRequest(PatientCase Case, string? Language);
