using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

[assembly: AssemblyFixture(typeof(HipPain.Rules.Fhir.Tests.FhirValidation))]

namespace HipPain.Rules.Fhir.Tests;

/// <summary>
/// Firely's validator against the R4 specification package, loaded once for the test assembly (loading the
/// specification takes seconds).
/// </summary>
public sealed class FhirValidation
{
    private readonly Validator validator;
    private readonly Lock gate = new();

    public FhirValidation()
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        validator = new Validator(source, new LocalTerminologyService(source));
    }

    /// <summary>Validates a resource and returns its error and fatal issues as text, one per line; empty when it has none.</summary>
    public IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (gate)
        {
            outcome = validator.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {i.Code} at {string.Join(", ", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }

    /// <summary>Every issue of every severity, for reports.</summary>
    public IReadOnlyList<OperationOutcome.IssueComponent> Issues(Resource resource)
    {
        lock (gate)
        {
            return [.. validator.Validate(resource).Issue];
        }
    }
}
