using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Fhir;

/// <summary>
/// Writes a <see cref="TriageResult"/> as one FHIR R4 <see cref="Bundle"/> (type <c>collection</c>): a
/// <see cref="RiskAssessment"/> with one prediction per ranked cause, a <see cref="DetectedIssue"/> per fired red flag, a
/// <see cref="Hl7.Fhir.Model.CarePlan"/> proposing the plan, the reading's <see cref="OperationOutcome"/> when it has issues, and a
/// Patient when the input named none.
/// </summary>
/// <remarks>
/// Entries have deterministic <c>urn:uuid</c> full URLs derived from the knowledge base's hash and the case, and refer to
/// each other by them: the same result always gives the same Bundle. docs/fhir.md says why these resources were chosen.
/// </remarks>
/// <threadsafety>Stateless; safe to call from any thread. Each call returns a new Bundle.</threadsafety>
public static class TriageResultBundle
{
    /// <summary>The code of the assessment in the package's code system (<see cref="FhirOptions.PackageSystem"/>).</summary>
    public const string AssessmentCode = "hip-pain-triage";

    /// <summary>The name of the extension on the RiskAssessment holding the settled urgency (a code: selfCare, routine, urgent, emergency).</summary>
    public const string UrgencyExtension = "urgency";

    /// <summary>The name of the extension on the RiskAssessment holding the highest urgency still possible.</summary>
    public const string HighestPossibleUrgencyExtension = "highest-possible-urgency";

    /// <summary>The name of the extension on the RiskAssessment holding a finding code still to ask to settle the urgency (one per question, in order).</summary>
    public const string SettlingQuestionExtension = "settling-question";

    /// <summary>Writes a result as a Bundle.</summary>
    /// <param name="knowledgeBase">The knowledge base that produced the result (its wording names the findings and the base).</param>
    /// <param name="result">The result.</param>
    /// <param name="input">What the case was read from (its patient reference, basis and issues); null when the case did not come from FHIR.</param>
    /// <param name="options">The settings; null for <see cref="TriageBundleOptions.Default"/>.</param>
    /// <returns>A new Bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> or <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">The result was produced by another knowledge base (id or content hash differ).</exception>
    public static Bundle Create(KnowledgeBase knowledgeBase, TriageResult result, FhirCaseResult? input = null, TriageBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(result);
        if (!string.Equals(knowledgeBase.Id, result.KnowledgeBaseId, StringComparison.Ordinal) || !string.Equals(knowledgeBase.ContentHash, result.KnowledgeBaseHash, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The result was produced by knowledge base '{result.KnowledgeBaseId}' ({result.KnowledgeBaseHash}), not '{knowledgeBase.Id}' ({knowledgeBase.ContentHash}).", nameof(result));
        }

        options ??= TriageBundleOptions.Default;
        var writer = new Writer(knowledgeBase, result, input, options);
        return writer.Write();
    }

    /// <summary>The wire name of an urgency, as in the triage-result format.</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns><c>selfCare</c>, <c>routine</c>, <c>urgent</c> or <c>emergency</c>.</returns>
    public static string UrgencyCode(Urgency urgency) => urgency switch
    {
        Urgency.SelfCare => "selfCare",
        Urgency.Routine => "routine",
        Urgency.Urgent => "urgent",
        Urgency.Emergency => "emergency",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Not an urgency."),
    };

    private sealed class Writer(KnowledgeBase knowledgeBase, TriageResult result, FhirCaseResult? input, TriageBundleOptions options)
    {
        private readonly FhirOptions fhir = options.Fhir;
        private readonly TextPack words = options.Text is null ? knowledgeBase.Text : options.Text.WithFallback(knowledgeBase.Text);
        private readonly string key = result.KnowledgeBaseHash + "\u001f" + CaseJson.Write(result.Case);

        public Bundle Write()
        {
            var bundle = new Bundle
            {
                Type = Bundle.BundleType.Collection,
                Identifier = new Identifier(fhir.PackageSystem + "/triage-bundle", Uuid("bundle")),
            };
            if (options.OccurredAt is { } at)
            {
                bundle.Timestamp = at;
            }

            var patientRef = input?.PatientReference;
            if (patientRef is null)
            {
                var patient = new Patient
                {
                    Gender = result.Case.Sex switch
                    {
                        Sex.Female => AdministrativeGender.Female,
                        Sex.Male => AdministrativeGender.Male,
                        _ => AdministrativeGender.Unknown,
                    },
                };
                patientRef = Add(bundle, "patient", patient);
            }

            var assessmentRef = FhirIds.Urn(Uuid("risk-assessment"));
            var issueRefs = result.FiredRedFlags.Select(f => FhirIds.Urn(Uuid("detected-issue", f.Id))).ToList();
            var outcomeRef = input is { Issues.IsEmpty: false } ? FhirIds.Urn(Uuid("operation-outcome")) : null;

            Add(bundle, "risk-assessment", RiskAssessment(patientRef, outcomeRef));
            var i = 0;
            foreach (var flag in result.FiredRedFlags)
            {
                Add(bundle, issueRefs[i++], DetectedIssue(flag, patientRef, assessmentRef));
            }

            Add(bundle, "care-plan", CarePlan(patientRef, assessmentRef, issueRefs));
            if (outcomeRef is not null)
            {
                Add(bundle, outcomeRef, input!.ToOperationOutcome(fhir));
            }

            return bundle;
        }

        private string Uuid(params string[] parts) => FhirIds.Uuid([key, .. parts]);

        private string Add(Bundle bundle, string tagOrUrn, Resource resource)
        {
            var fullUrl = tagOrUrn.StartsWith("urn:uuid:", StringComparison.Ordinal) ? tagOrUrn : FhirIds.Urn(Uuid(tagOrUrn));
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });
            return fullUrl;
        }

        private RiskAssessment RiskAssessment(string patientRef, string? outcomeRef)
        {
            var kb = result.KnowledgeBaseId;
            var assessment = new RiskAssessment
            {
                Status = ObservationStatus.Final,
                Subject = new ResourceReference(patientRef),
                Code = new CodeableConcept(fhir.PackageSystem, AssessmentCode, "Hip pain triage in runners (decision support)"),
                Method = new CodeableConcept
                {
                    Coding = [new Coding(fhir.KnowledgeBaseSystem, kb, words.Get(TextKey.Title) ?? kb) { Version = result.KnowledgeBaseVersion }],
                    Text = $"HipPain.Rules {result.EngineVersion}, knowledge base {kb} {result.KnowledgeBaseVersion} ({result.KnowledgeBaseHash})"
                        + (result.DerivedFrom.IsEmpty ? string.Empty : ", derived from " + string.Join(" then ", result.DerivedFrom.Select(s => $"{s.Id} {s.Version} ({s.ContentHash})"))),
                },
                Mitigation = result.Plan.RunningAdvice.Text,
                Note = [new Annotation { Text = new Markdown(Summary()) }, new Annotation { Text = new Markdown(TriageResult.Disclaimer) }],
            };
            if (options.OccurredAt is { } at)
            {
                assessment.Occurrence = new FhirDateTime(at);
            }

            assessment.Extension.Add(new Extension(fhir.ExtensionUrl(UrgencyExtension), new Code(UrgencyCode(result.Urgency))));
            assessment.Extension.Add(new Extension(fhir.ExtensionUrl(HighestPossibleUrgencyExtension), new Code(UrgencyCode(result.HighestPossibleUrgency))));
            foreach (var finding in result.SettlingFindingIds)
            {
                assessment.Extension.Add(new Extension(fhir.ExtensionUrl(SettlingQuestionExtension), new Coding(fhir.FindingSystem(kb), finding, words.Get(TextKey.FindingName(finding)))));
            }

            foreach (var reference in input?.Basis ?? [])
            {
                assessment.Basis.Add(new ResourceReference(reference));
            }

            if (outcomeRef is not null)
            {
                assessment.Basis.Add(new ResourceReference(outcomeRef));
            }

            foreach (var ranked in result.Differential)
            {
                assessment.Prediction.Add(new RiskAssessment.PredictionComponent
                {
                    Outcome = CauseConcept(ranked.Cause),
                    Probability = new FhirDecimal(Math.Round((decimal)ranked.Probability, 4)),
                    Rationale = Rationale(ranked),
                });
            }

            return assessment;
        }

        private string Summary()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Urgency {UrgencyCode(result.Urgency)}");
            if (result.IsUrgencyProvisional)
            {
                text.Append(CultureInfo.InvariantCulture, $" so far, could be {UrgencyCode(result.HighestPossibleUrgency)} until these are asked: ");
                text.Append(string.Join("; ", result.SettlingFindingIds.Select(FindingName)));
            }

            text.Append(". Leading: ");
            text.Append(string.Join("; ", result.Differential.Take(3).Select(c => string.Create(CultureInfo.InvariantCulture, $"{CauseName(c.Cause)} {c.Probability:P0}"))));
            text.Append('.');
            return text.ToString();
        }

        private static string Rationale(RankedCause ranked)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Rank {ranked.Rank} (by probability {ranked.PosteriorRank}); prior {ranked.PriorProbability:0.####}");
            if (!ranked.SuspectedByRedFlagIds.IsEmpty)
            {
                text.Append("; named by red flag ").Append(string.Join(", ", ranked.SuspectedByRedFlagIds));
            }

            foreach (var contribution in ranked.Contributions.Where(c => c.Direction != ContributionDirection.Neutral))
            {
                text.Append(CultureInfo.InvariantCulture, $"; {(contribution.Direction == ContributionDirection.For ? "for" : "against")} x{contribution.Factor:0.###} {contribution.Label} [{contribution.Evidence.Citation}]");
            }

            return text.ToString();
        }

        private string CauseName(Cause cause) => words.Get(TextKey.CauseName(cause.Id)) ?? cause.Name;

        private string FindingName(string findingId) =>
            words.Get(TextKey.FindingName(findingId)) ?? findingId;

        private CodeableConcept CauseConcept(Cause cause)
        {
            var name = CauseName(cause);
            var concept = new CodeableConcept { Text = name };
            if (cause.SnomedCt is { } snomed)
            {
                concept.Coding.Add(new Coding(FhirTerminology.SnomedCt, snomed));
            }

            if (cause.Icd10 is { } icd)
            {
                concept.Coding.Add(new Coding(FhirTerminology.Icd10, icd));
            }

            concept.Coding.Add(new Coding(fhir.CauseSystem(result.KnowledgeBaseId), cause.Id, name));
            return concept;
        }

        private DetectedIssue DetectedIssue(RedFlag flag, string patientRef, string assessmentRef)
        {
            var name = words.Get(TextKey.RedFlagName(flag.Id)) ?? flag.Name;
            var action = words.Get(TextKey.RedFlagAction(flag.Id)) ?? flag.Action;
            var issue = new DetectedIssue
            {
                Status = ObservationStatus.Final,
                Code = new CodeableConcept(fhir.RedFlagSystem(result.KnowledgeBaseId), flag.Id, name, name),
                Severity = flag.Urgency switch
                {
                    Urgency.Emergency => Hl7.Fhir.Model.DetectedIssue.DetectedIssueSeverity.High,
                    Urgency.Urgent => Hl7.Fhir.Model.DetectedIssue.DetectedIssueSeverity.Moderate,
                    _ => Hl7.Fhir.Model.DetectedIssue.DetectedIssueSeverity.Low,
                },
                Patient = new ResourceReference(patientRef),
                Detail = $"Red flag: {name} ({UrgencyCode(flag.Urgency)}). Suspects: {string.Join(", ", flag.SuspectedCauseIds.Select(id => Cause(id) is { } cause ? CauseName(cause) : id))}. {action}",
                Implicated = [new ResourceReference(assessmentRef)],
                Mitigation = [new Hl7.Fhir.Model.DetectedIssue.MitigationComponent { Action = new CodeableConcept { Text = action } }],
            };
            if (options.OccurredAt is { } at)
            {
                issue.Identified = new FhirDateTime(at);
            }

            foreach (var reference in input?.Basis ?? [])
            {
                issue.Evidence.Add(new Hl7.Fhir.Model.DetectedIssue.EvidenceComponent { Detail = [new ResourceReference(reference)] });
            }

            return issue;
        }

        private Hl7.Fhir.Model.CarePlan CarePlan(string patientRef, string assessmentRef, List<string> issueRefs)
        {
            var plan = result.Plan;
            var carePlan = new Hl7.Fhir.Model.CarePlan
            {
                Status = RequestStatus.Draft,
                Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Proposal,
                Title = "Hip pain plan (decision support, for a clinician to review)",
                Description = $"Shaped by urgency {UrgencyCode(plan.Urgency)}. Running: {plan.RunningAdvice.Text}",
                Subject = new ResourceReference(patientRef),
                SupportingInfo = [new ResourceReference(assessmentRef), .. issueRefs.Select(r => new ResourceReference(r))],
            };
            if (options.OccurredAt is { } at)
            {
                carePlan.Created = new FhirDateTime(at).Value;
            }

            foreach (var action in plan.ImmediateActions)
            {
                carePlan.Activity.Add(Activity(new CodeableConcept(fhir.PackageSystem, "immediate-action", "Immediate action"), action, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted));
            }

            carePlan.Activity.Add(Activity(new CodeableConcept(fhir.PackageSystem, "running-advice", "Running advice"), plan.RunningAdvice.Text, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted));
            foreach (var item in plan.Workup.Concat(plan.Treatments).Concat(plan.Prevention))
            {
                carePlan.Activity.Add(PlanActivity(item, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted, null, doNotPerform: false));
            }

            foreach (var item in plan.Deferred)
            {
                carePlan.Activity.Add(PlanActivity(item, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.OnHold, "Held back until the red flags are cleared.", doNotPerform: false));
            }

            foreach (var item in plan.Avoid)
            {
                carePlan.Activity.Add(PlanActivity(item, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted, null, doNotPerform: true));
            }

            return carePlan;
        }

        private static Hl7.Fhir.Model.CarePlan.ActivityComponent Activity(CodeableConcept code, string description, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus status) => new()
        {
            Detail = new Hl7.Fhir.Model.CarePlan.DetailComponent { Code = code, Status = status, Description = description },
        };

        private Hl7.Fhir.Model.CarePlan.ActivityComponent PlanActivity(PlanItem item, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus status, string? statusReason, bool doNotPerform)
        {
            var name = words.Get(TextKey.TreatmentName(item.Treatment.Id)) ?? item.Treatment.Name;
            var detail = new Hl7.Fhir.Model.CarePlan.DetailComponent
            {
                Code = new CodeableConcept(fhir.TreatmentSystem(result.KnowledgeBaseId), item.Treatment.Id, name, name),
                Status = status,
                Description = item.Notes.IsEmpty ? name : $"{name}: {string.Join(" ", item.Notes)}",
                ReasonCode = [.. item.CauseIds.Select(id => Cause(id) is { } cause ? CauseConcept(cause) : new CodeableConcept { Text = id })],
            };
            if (doNotPerform)
            {
                detail.DoNotPerform = true;
            }

            if (statusReason is not null)
            {
                detail.StatusReason = new CodeableConcept { Text = statusReason };
            }

            return new Hl7.Fhir.Model.CarePlan.ActivityComponent { Detail = detail };
        }

        private Cause? Cause(string id) => result.Differential.FirstOrDefault(c => c.Cause.Id == id)?.Cause;
    }
}
