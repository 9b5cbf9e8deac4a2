using Hl7.Fhir.Model;

namespace HipPain.Rules.Fhir;

/// <summary>
/// One problem found while reading FHIR input into a case: a stable code (<see cref="FhirIssueCodes"/>), how serious it
/// is, the FHIRPath of the input element it is about, and a message naming what is wrong.
/// </summary>
/// <param name="Code">The stable code, for example <c>HPF001</c>.</param>
/// <param name="Severity">Error: the case is not safe to triage. Warning: something was left out or read with an assumption. Information: noted, nothing lost.</param>
/// <param name="Type">The FHIR issue type written to <c>OperationOutcome.issue.code</c>.</param>
/// <param name="Expression">The FHIRPath of the element, for example <c>QuestionnaireResponse.item[0].item[2].answer</c>.</param>
/// <param name="Message">What is wrong and what was done about it.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record FhirIssue(string Code, OperationOutcome.IssueSeverity Severity, OperationOutcome.IssueType Type, string Expression, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {Severity} at {Expression}: {Message}";
}
