using System.Text.Json;
using HipPain.Rules.Fhir.CdsHooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the HipPain.Rules CDS Hooks service into an ASP.NET Core app.</summary>
public static class HipPainCdsHooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}</c> (discovery) and <c>POST {prefix}/{id}</c> (the <c>patient-view</c> hook). A malformed
    /// request gets 400 and a missing Patient prefetch 412, each as <c>application/problem+json</c> listing every problem;
    /// an unknown service id gets 404.
    /// </summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="options">The service's settings.</param>
    /// <param name="prefix">The path of the discovery endpoint. Default <c>/cds-services</c>, as the specification says.</param>
    /// <returns>The route group, to add authorization or CORS to.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The mapping names findings the engine's knowledge base does not have.</exception>
    public static RouteGroupBuilder MapHipPainCdsHooks(this IEndpointRouteBuilder endpoints, CdsHooksOptions options, string prefix = "/cds-services")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        var service = new CdsHooksService(options);
        var group = endpoints.MapGroup(prefix);
        group.MapGet(string.Empty, () => Results.Json(service.Discovery));
        group.MapPost("/{id}", async (string id, HttpRequest request) =>
        {
            if (!string.Equals(id, options.ServiceId, StringComparison.Ordinal))
            {
                return Results.Problem($"No CDS service '{id}'; this server offers '{options.ServiceId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown CDS service");
            }

            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException error)
            {
                return Results.Problem($"The request body is not JSON: {error.Message}", statusCode: StatusCodes.Status400BadRequest, title: "Malformed CDS Hooks request");
            }

            using (document)
            {
                var outcome = service.Handle(document.RootElement);
                return outcome.StatusCode == StatusCodes.Status200OK
                    ? Results.Json(outcome.Response)
                    : Results.Problem(
                        string.Join(" ", outcome.Problems),
                        statusCode: outcome.StatusCode,
                        title: outcome.Title,
                        extensions: new Dictionary<string, object?> { ["problems"] = outcome.Problems });
            }
        });
        return group;
    }
}
