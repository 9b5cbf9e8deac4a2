using System.ComponentModel;
using System.Text.Json;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Samples.Web;

/// <summary>
/// The HTTP API: triage a case, run an interview one answer at a time on a stateless server, and describe a pack's
/// knowledge base. Results and steps are the library's <c>triage-result</c> and <c>interview-step</c> formats (version
/// 1, docs/results.md) with display text in the requested language and every cause explained; bad input is answered
/// with RFC 9457 problem details carrying the library's codes and paths (<see cref="RulesProblemHandler"/>).
/// </summary>
internal static class ClinicApi
{
    private const string Json = "application/json";
    private const string PackHelp = "The pack: builtin (default) or endurance-clinic (the built-in base with the clinic overlay).";
    private const string LanguageHelp = "The language of names, questions and notes: en (default) or es.";
    private const string AudienceHelp = "Who answers: clinician (default) or patient (patient wording, no examination questions).";

    public static RouteGroupBuilder MapClinicApi(this RouteGroupBuilder api)
    {
        api.WithTags("Triage");

        api.MapGet("/knowledge-base", Describe)
            .WithName("GetKnowledgeBase")
            .WithSummary("The knowledge base of a pack: id, version, hash, causes, findings with their questions, red flags.")
            .Produces<KnowledgeBaseSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/triage", Triage)
            .WithName("Triage")
            .WithSummary("Triages a case (the case format, version 1) and returns a triage-result document (version 1).")
            .Accepts<PatientCase>(Json)
            .Produces(StatusCodes.Status200OK, contentType: Json)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/interview/start", Start)
            .WithName("StartInterview")
            .WithSummary("Starts an interview from what is known so far (a case, possibly empty of findings): the first question, or why there is none.")
            .Accepts<PatientCase>(Json)
            .Produces(StatusCodes.Status200OK, contentType: Json)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/interview/answer", Answer)
            .WithName("AnswerInterview")
            .WithSummary("Records the answer to a step's question, with the step's state sent back unchanged, and returns the next interview-step.")
            .Produces(StatusCodes.Status200OK, contentType: Json)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return api;
    }

    /// <summary>Serves the library's JSON Schemas for the documents the API reads and writes, under <c>/schemas/</c>.</summary>
    public static IEndpointRouteBuilder MapSchemas(this IEndpointRouteBuilder app)
    {
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case.v1.schema.json"] = JsonSchemas.Case,
            ["triage-result.v1.schema.json"] = JsonSchemas.TriageResult,
            ["interview-step.v1.schema.json"] = JsonSchemas.InterviewStep,
            ["interview-state.v1.schema.json"] = JsonSchemas.InterviewState,
        };
        app.MapGet("/schemas/{name}", (string name) => schemas.TryGetValue(name, out var schema)
                ? Results.Text(schema, "application/schema+json")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such schema", detail: $"Schemas: {string.Join(", ", schemas.Keys)}."))
            .WithName("GetSchema")
            .WithTags("Schemas")
            .WithSummary("A JSON Schema of the library: case, triage-result, interview-step or interview-state (version 1).")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Describe([Description(PackHelp)] string? pack, [Description(LanguageHelp)] string? language, ClinicPacks packs)
    {
        if (packs.Find(pack) is not { } found)
        {
            return UnknownPack(pack!);
        }

        return TypedResults.Ok(KnowledgeBaseSummary.From(found, BuiltInTextPacks.For(language ?? "en")));
    }

    private static IResult Triage(PatientCase patientCase, [Description(PackHelp)] string? pack, [Description(LanguageHelp)] string? language, ClinicPacks packs)
    {
        if (packs.Find(pack) is not { } found)
        {
            return UnknownPack(pack!);
        }

        var problems = found.Engine.Validate(patientCase);   // unknown findings, contradictions: HPC codes and paths
        if (!problems.IsEmpty)
        {
            return RulesProblemHandler.Problem("The case has problems", problems);
        }

        return Results.Text(TriageResultJson.Write(found.Engine.Triage(patientCase), Options(language)), Json);
    }

    private static IResult Start(PatientCase patientCase, [Description(PackHelp)] string? pack, [Description(AudienceHelp)] string? audience, [Description(LanguageHelp)] string? language, ClinicPacks packs)
    {
        if (packs.Find(pack) is not { } found)
        {
            return UnknownPack(pack!);
        }

        if (ParseAudience(audience) is not { } who)
        {
            return RulesProblemHandler.Problem("The request has problems",
                [new ValidationProblem(ErrorCodes.JsonUnknownValue, "query.audience", $"'{audience}' is not an allowed value; allowed: clinician, patient.")]);
        }

        var problems = found.Engine.Validate(patientCase);
        if (!problems.IsEmpty)
        {
            return RulesProblemHandler.Problem("The case has problems", problems);
        }

        return Step(found.For(who).Start(patientCase), language);
    }

    private static IResult Answer(AnswerRequest request, [Description(PackHelp)] string? pack, [Description(LanguageHelp)] string? language, ClinicPacks packs)
    {
        if (packs.Find(pack) is not { } found)
        {
            return UnknownPack(pack!);
        }

        List<ValidationProblem> problems = [];
        if (request.State.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(ErrorCodes.JsonMissingProperty, "$.state", "The answer needs the step's \"state\" object, sent back unchanged."));
        }

        if (string.IsNullOrEmpty(request.FindingId))
        {
            problems.Add(new ValidationProblem(ErrorCodes.JsonMissingProperty, "$.findingId", "The answer needs \"findingId\": the finding whose question was answered."));
        }

        FindingState? answer = request.Answer switch
        {
            "present" => FindingState.Present,
            "absent" => FindingState.Absent,
            "unknown" => FindingState.Unknown,
            _ => null,
        };
        if (answer is null)
        {
            problems.Add(new ValidationProblem(ErrorCodes.JsonUnknownValue, "$.answer", $"'{request.Answer}' is not an allowed value; allowed: present, absent, unknown."));
        }

        if (problems.Count > 0)
        {
            return RulesProblemHandler.Problem("The answer has problems", problems);
        }

        // The state names its audience; the interviewer of that audience replays it (HPI001-HPI004 when it does not fit).
        var state = InterviewStateJson.Read(request.State);
        var step = found.For(state.Audience).Resume(state);
        return Step(found.For(state.Audience).Answer(step, request.FindingId!, answer!.Value), language);
    }

    private static IResult Step(InterviewStep step, string? language) =>
        Results.Text(InterviewStepJson.Write(step, Options(language)), Json);

    private static ResultJsonOptions Options(string? language) => new()
    {
        Text = BuiltInTextPacks.For(language ?? "en"),
        IncludeText = true,        // names and labels beside the ids, ready to display
        ExplainAllCauses = true,   // the page draws the waterfall of whichever cause the clinician picks
    };

    private static InterviewAudience? ParseAudience(string? audience) => audience switch
    {
        null or "" or "clinician" => InterviewAudience.Clinician,
        "patient" => InterviewAudience.Patient,
        _ => null,
    };

    private static IResult UnknownPack(string pack) => RulesProblemHandler.Problem("The request has problems",
        [new ValidationProblem(ErrorCodes.JsonUnknownValue, "query.pack", $"'{pack}' is not an allowed value; allowed: {string.Join(", ", ClinicPacks.Names)}.")]);
}

/// <summary>An answer to an interview step's question.</summary>
/// <param name="State">The step's <c>state</c> object, sent back unchanged.</param>
/// <param name="FindingId">The finding whose question was answered: the step's <c>next.finding</c>.</param>
/// <param name="Answer">The answer: <c>present</c> (yes), <c>absent</c> (no) or <c>unknown</c> (don't know).</param>
internal sealed record AnswerRequest(JsonElement State, string? FindingId, string? Answer);
