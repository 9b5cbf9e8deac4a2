using Hl7.Fhir.Model;

namespace HipPain.Rules.Fhir;

/// <summary>Writes issues as an OperationOutcome.</summary>
internal static class FhirOutcomes
{
    public static OperationOutcome From(IEnumerable<FhirIssue> issues, FhirOptions options)
    {
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = issue.Severity,
                Code = issue.Type,
                Details = new CodeableConcept(options.PackageSystem, issue.Code, issue.Message),
                Expression = [issue.Expression],
            });
        }

        if (outcome.Issue.Count == 0)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Details = new CodeableConcept(options.PackageSystem, FhirIssueCodes.AllMapped, "Every input was read into the case."),
            });
        }

        return outcome;
    }
}
