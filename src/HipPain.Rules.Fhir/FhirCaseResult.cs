using System.Collections.Immutable;
using Hl7.Fhir.Model;
using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>
/// What <see cref="FhirCaseReader"/> read: the case, every issue (nothing is dropped without one), and references to the
/// input resources that gave the case something, for <c>RiskAssessment.basis</c>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class FhirCaseResult
{
    internal FhirCaseResult(PatientCase patientCase, ImmutableArray<FhirIssue> issues, ImmutableArray<string> basis, string? patientReference)
    {
        Case = patientCase;
        Issues = issues;
        Basis = basis;
        PatientReference = patientReference;
    }

    /// <summary>The case. Triage it only when <see cref="HasErrors"/> is false.</summary>
    public PatientCase Case { get; }

    /// <summary>Every issue, in the order found: Patient, QuestionnaireResponse, Observations, then the case's own validation.</summary>
    public ImmutableArray<FhirIssue> Issues { get; }

    /// <summary>True when an issue is an error: the case is not safe to triage.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);

    /// <summary>
    /// Relative references (<c>Patient/123</c>, <c>QuestionnaireResponse/qr1</c>, <c>Observation/o7</c>) to the input
    /// resources that have an id and gave the case its age, sex or a finding, in input order.
    /// </summary>
    public ImmutableArray<string> Basis { get; }

    /// <summary>The Patient's relative reference (<c>Patient/123</c>), or null when no Patient with an id was given.</summary>
    public string? PatientReference { get; }

    /// <summary>The issues as a new FHIR OperationOutcome (one information issue <see cref="FhirIssueCodes.AllMapped"/> when there is none).</summary>
    /// <param name="options">The canonical base of the issue code system; null for <see cref="FhirOptions.Default"/>.</param>
    /// <returns>A new OperationOutcome.</returns>
    public OperationOutcome ToOperationOutcome(FhirOptions? options = null) => FhirOutcomes.From(Issues, options ?? FhirOptions.Default);
}
