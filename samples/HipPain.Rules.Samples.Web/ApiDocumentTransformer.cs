using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HipPain.Rules.Samples.Web;

/// <summary>Names the API and points at the library's JSON Schemas for the bodies it reads and writes.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "HipPain.Rules clinic web app sample",
            Version = "v1",
            Description = "Triage of hip pain in runners: decision support for clinicians, not a diagnosis. "
                + "Cases use the case format (version 1); results and interview steps are the triage-result and "
                + "interview-step formats (version 1). Their JSON Schemas are served under /schemas/. Errors are RFC 9457 "
                + "problem details whose `errors` list each problem's library code (HPJ, HPC, HPI) and path.",
        };
        return Task.CompletedTask;
    }
}
