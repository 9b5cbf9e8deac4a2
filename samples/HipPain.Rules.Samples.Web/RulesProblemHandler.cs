using System.Text.Json;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HipPain.Rules.Samples.Web;

/// <summary>
/// Turns the library's errors into RFC 9457 problem details (status 400) with an <c>errors</c> member listing every
/// problem's <c>code</c>, <c>path</c> and <c>message</c>: a body the case converter could not read (HPJ codes, or the
/// case's HPC codes), a case or interview state the library refused (HPC, HPI codes). Any other exception, a
/// configuration failure included, is left to the default handler: a 500 then means a fault in the app, never bad
/// input.
/// </summary>
/// <threadsafety>Thread-safe: keeps no state.</threadsafety>
internal sealed class RulesProblemHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(exception, httpContext.Request) is not { } problem)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A 400 problem-details result listing library problems.</summary>
    /// <param name="title">What was refused, for example "The case has problems".</param>
    /// <param name="problems">Every problem, with its code and path.</param>
    public static IResult Problem(string title, IReadOnlyCollection<ValidationProblem> problems)
    {
        var details = Details(title, problems, StatusCodes.Status400BadRequest);
        return TypedResults.Problem(details);
    }

    private static ProblemDetails? Describe(Exception exception, HttpRequest request) => exception switch
    {
        BadHttpRequestException bad => FromUnreadableBody(bad, request),
        // Only the exceptions bad input causes: a configuration failure (HipPainRulesOptionsException) stays a 500.
        CaseValidationException or InterviewStateException => Details(Title((ValidationException)exception), ((ValidationException)exception).Problems, StatusCodes.Status400BadRequest),
        RulesJsonException json => Details("The request body cannot be read", [Problem(json)], StatusCodes.Status400BadRequest),
        _ => null,
    };

    private static ProblemDetails FromUnreadableBody(BadHttpRequestException bad, HttpRequest request)
    {
        if (request.ContentLength is 0 or null && bad.StatusCode == StatusCodes.Status400BadRequest && bad.InnerException is null)
        {
            return Details("The request has no body",
                [new ValidationProblem(ErrorCodes.JsonMalformed, "$", "The request needs a JSON body: a case in the case format (formatVersion 1), or for an answer the step's state, findingId and answer.")], bad.StatusCode);
        }

        // Minimal APIs wrap what System.Text.Json threw; the case converter's JsonException wraps the library's own.
        var json = bad.InnerException as JsonException;
        return json?.InnerException switch
        {
            RulesJsonException rules => Details("The request body cannot be read", [Problem(rules)], bad.StatusCode),
            CaseValidationException invalid => Details(Title(invalid), invalid.Problems, bad.StatusCode),
            _ when json is not null => Details("The request body cannot be read",
                [new ValidationProblem(ErrorCodes.JsonMalformed, json.Path ?? "$", json.Message)], bad.StatusCode),
            _ => Details("The request cannot be read",
                [new ValidationProblem(ErrorCodes.JsonMalformed, "$", bad.Message)], bad.StatusCode),
        };
    }

    // The exception's one problem carries the code, path and message apart (and the line and byte, not shown here).
    private static ValidationProblem Problem(RulesJsonException json) => json.Problems[0];

    private static string Title(ValidationException exception) =>
        exception is InterviewStateException ? "The interview state does not fit this interview" : "The case has problems";

    private static ProblemDetails Details(string title, IReadOnlyCollection<ValidationProblem> problems, int status) => new()
    {
        Status = status,
        Title = title,
        Detail = string.Join(" ", problems.Select(p => p.ToString())),
        Extensions =
        {
            ["errors"] = problems.Select(p => new ProblemError(p.Code, p.Path, p.Message)).ToArray(),
        },
    };
}

/// <summary>One problem in a problem-details response.</summary>
/// <param name="Code">The library's stable code, for example <c>HPC001</c> (docs/errors.md).</param>
/// <param name="Path">Where, as a JSON path inside the request body (or <c>query.NAME</c> for a query parameter).</param>
/// <param name="Message">What is wrong.</param>
internal sealed record ProblemError(string Code, string Path, string Message);
