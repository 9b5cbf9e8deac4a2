using System.Collections.Immutable;

namespace HipPain.Rules.Fhir.CdsHooks;

/// <summary>
/// What the service answers a hook call: a response (status 200), or a problem (400 for a malformed request, 412 when
/// the prefetch the service needs is missing) with a title and every problem found.
/// </summary>
/// <param name="StatusCode">The HTTP status: 200, 400 or 412.</param>
/// <param name="Response">The cards when <paramref name="StatusCode"/> is 200; otherwise null.</param>
/// <param name="Title">The problem's title when it is not 200; otherwise null.</param>
/// <param name="Problems">What is wrong, each naming the member of the request; empty for 200.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsHookOutcome(int StatusCode, CdsHookResponse? Response, string? Title, ImmutableArray<string> Problems)
{
    internal static CdsHookOutcome Ok(CdsHookResponse response) => new(200, response, null, []);

    internal static CdsHookOutcome BadRequest(ImmutableArray<string> problems) => new(400, null, "Malformed CDS Hooks request", problems);

    internal static CdsHookOutcome PreconditionFailed(string problem) => new(412, null, "Prefetch missing", [problem]);
}
