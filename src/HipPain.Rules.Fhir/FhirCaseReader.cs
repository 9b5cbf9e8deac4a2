using System.Collections.Immutable;
using System.Globalization;
using Hl7.Fhir.Model;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;
using FhirObservation = Hl7.Fhir.Model.Observation;
using Observation = HipPain.Rules.Model.Observation;
using Severity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HipPain.Rules.Fhir;

/// <summary>
/// Reads FHIR R4 input into a <see cref="PatientCase"/>: age and sex from a Patient, findings from a QuestionnaireResponse
/// to the knowledge base's Questionnaire (<see cref="KnowledgeBaseQuestionnaire"/>) and from coded Observations through a
/// clinic's <see cref="ObservationMapping"/>. Whatever cannot be read is reported as a <see cref="FhirIssue"/> with its
/// FHIRPath, never dropped silently; the case is then checked by the engine (<see cref="TriageEngine.Validate"/>).
/// </summary>
/// <threadsafety>Immutable; <see cref="Read"/> may be called from any number of threads. It never changes its inputs.</threadsafety>
public sealed class FhirCaseReader
{
    private readonly TriageEngine engine;
    private readonly ObservationMapping mapping;
    private readonly FhirOptions options;

    /// <summary>Creates a reader for one engine's knowledge base.</summary>
    /// <param name="engine">The engine whose knowledge base names the findings and validates the case.</param>
    /// <param name="mapping">The clinic's Observation mapping; null for <see cref="ObservationMapping.Empty"/>.</param>
    /// <param name="options">The canonical base the Questionnaire was made with; null for <see cref="FhirOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    /// <exception cref="ArgumentException">The mapping names findings the knowledge base does not have (every one is listed).</exception>
    public FhirCaseReader(TriageEngine engine, ObservationMapping? mapping = null, FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        this.mapping = mapping ?? ObservationMapping.Empty;
        this.options = options ?? FhirOptions.Default;
        var problems = this.mapping.Check(engine.KnowledgeBase);
        if (!problems.IsEmpty)
        {
            throw new ArgumentException($"The Observation mapping does not fit knowledge base '{engine.KnowledgeBase.Id}' ({problems.Length} problem(s)):\n" + string.Join('\n', problems), nameof(mapping));
        }
    }

    /// <summary>The knowledge base.</summary>
    public KnowledgeBase KnowledgeBase => engine.KnowledgeBase;

    /// <summary>The Observation mapping.</summary>
    public ObservationMapping Mapping => mapping;

    /// <summary>Reads a case.</summary>
    /// <param name="patient">The Patient (age and sex), or null: the case then has no age and an unspecified sex.</param>
    /// <param name="response">A QuestionnaireResponse to the knowledge base's Questionnaire, or null.</param>
    /// <param name="observations">Coded Observations, or null.</param>
    /// <param name="asOf">The date the age is computed at; null: the response's authored date, else no age (with an issue). The reader never reads the clock.</param>
    /// <returns>The case, every issue, and the basis references.</returns>
    public FhirCaseResult Read(Patient? patient, QuestionnaireResponse? response = null, IEnumerable<FhirObservation>? observations = null, DateOnly? asOf = null)
    {
        var issues = ImmutableArray.CreateBuilder<FhirIssue>();
        var basis = ImmutableArray.CreateBuilder<string>();
        var states = new Dictionary<string, (FindingState State, string Source)>(StringComparer.Ordinal);
        var order = new List<string>();

        // The authored date as written (the author's own calendar day), when it has a full date.
        if (asOf is null && response?.Authored is { Length: >= 10 } authored
            && DateOnly.TryParseExact(authored[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var authoredOn))
        {
            asOf = authoredOn;
        }

        var (age, sex) = ReadPatient(patient, asOf, issues);
        string? patientReference = patient?.Id is { Length: > 0 } pid ? $"Patient/{pid}" : null;
        if (patientReference is not null)
        {
            basis.Add(patientReference);
        }

        if (response is not null)
        {
            var source = response.Id is { Length: > 0 } rid ? $"QuestionnaireResponse/{rid}" : "the QuestionnaireResponse";
            if (ReadResponse(response, patient?.Id, source, issues, states, order) && response.Id is { Length: > 0 })
            {
                basis.Add(source);
            }
        }

        if (observations is not null)
        {
            var index = 0;
            foreach (var observation in observations)
            {
                if (observation is null)
                {
                    throw new ArgumentException($"observations[{index}] is null.", nameof(observations));
                }

                var path = observation.Id is { Length: > 0 } oid ? $"Observation.where(id='{oid}')" : "Observation";
                var source = observation.Id is { Length: > 0 } ? $"Observation/{observation.Id}" : $"observation {index + 1}";
                if (ReadObservation(observation, patient?.Id, path, source, issues, states, order) && observation.Id is { Length: > 0 })
                {
                    basis.Add(source);
                }

                index++;
            }
        }

        var patientCase = new PatientCase(age, sex, order.Select(id => new Observation(id, states[id].State)));
        foreach (var problem in engine.Validate(patientCase))
        {
            var where = problem.Path.Contains("age", StringComparison.Ordinal) ? "Patient.birthDate"
                : problem.Code == ErrorCodes.CaseFindingSexMismatch ? "Patient.gender"
                : "Patient";
            issues.Add(new FhirIssue(FhirIssueCodes.InvalidCase, Severity.Error, IssueType.Invalid, where, $"{problem.Code} at {problem.Path}: {problem.Message}"));
        }

        return new FhirCaseResult(patientCase, issues.ToImmutable(), basis.Distinct(StringComparer.Ordinal).ToImmutableArray(), patientReference);
    }

    private static (int? Age, Sex Sex) ReadPatient(Patient? patient, DateOnly? asOf, ImmutableArray<FhirIssue>.Builder issues)
    {
        if (patient is null)
        {
            return (null, Sex.Unspecified);
        }

        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            _ => Sex.Unspecified,
        };
        if (sex == Sex.Unspecified)
        {
            var said = patient.Gender is { } g ? $"is '{g.ToString().ToLowerInvariant()}'" : "is not given";
            issues.Add(new FhirIssue(FhirIssueCodes.Gender, Severity.Information, IssueType.Informational, "Patient.gender",
                $"The Patient's gender {said}: the case's sex is unspecified, so sex-specific rules add no evidence."));
        }

        var birth = patient.BirthDate;
        if (string.IsNullOrEmpty(birth))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.BirthDate, Severity.Warning, IssueType.Incomplete, "Patient.birthDate", "The Patient has no birth date: the case has no age, so age rules add no evidence."));
            return (null, sex);
        }

        if (asOf is not { } today)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.NoReferenceDate, Severity.Warning, IssueType.Incomplete, "Patient.birthDate",
                "No reference date to compute the age at (none given and the QuestionnaireResponse has no authored date): the case has no age."));
            return (null, sex);
        }

        var parts = birth.Split('-');
        if (parts.Length is < 1 or > 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || parts[0].Length != 4)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.BirthDate, Severity.Warning, IssueType.Invalid, "Patient.birthDate", $"The birth date '{birth}' is not a FHIR date: the case has no age."));
            return (null, sex);
        }

        var month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : (int?)null;
        var day = parts.Length > 2 && month is { } mm && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= DateTime.DaysInMonth(year, mm) ? d : (int?)null;
        if ((parts.Length > 1 && month is null) || (parts.Length > 2 && day is null))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.BirthDate, Severity.Warning, IssueType.Invalid, "Patient.birthDate", $"The birth date '{birth}' is not a FHIR date: the case has no age."));
            return (null, sex);
        }

        // A partial date: the latest day it can mean, so the age is the youngest the patient can be.
        var latest = new DateOnly(year, month ?? 12, day ?? DateTime.DaysInMonth(year, month ?? 12));
        if (latest > today && (day is not null || new DateOnly(year, month ?? 1, 1) > today))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.BirthDate, Severity.Error, IssueType.Invalid, "Patient.birthDate",
                $"The birth date '{birth}' is after the reference date {today:yyyy-MM-dd}."));
            return (null, sex);
        }

        if (latest > today)
        {
            latest = today;
        }

        var age = today.Year - latest.Year - (today < latest.AddYears(today.Year - latest.Year) ? 1 : 0);
        if (day is null)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.BirthDate, Severity.Warning, IssueType.Incomplete, "Patient.birthDate",
                $"The birth date '{birth}' is partial: the age is taken as {age}, the youngest it can be on {today:yyyy-MM-dd}."));
        }

        return (age, sex);
    }

    private bool ReadResponse(QuestionnaireResponse response, string? patientId, string source, ImmutableArray<FhirIssue>.Builder issues, Dictionary<string, (FindingState, string)> states, List<string> order)
    {
        if (response.Status is QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.NotUsableStatus, Severity.Warning, IssueType.BusinessRule, "QuestionnaireResponse.status",
                "The QuestionnaireResponse was entered in error: none of its answers is used."));
            return false;
        }

        if (response.Status is QuestionnaireResponse.QuestionnaireResponseStatus.InProgress or QuestionnaireResponse.QuestionnaireResponseStatus.Stopped)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.ResponseNotCompleted, Severity.Information, IssueType.Incomplete, "QuestionnaireResponse.status",
                $"The QuestionnaireResponse is {(response.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Stopped ? "stopped" : "in progress")}: its answers are used; unanswered questions count as unknown."));
        }

        if (!SamePatient(response.Subject, patientId))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.OtherPatient, Severity.Error, IssueType.BusinessRule, "QuestionnaireResponse.subject",
                $"The QuestionnaireResponse is about '{response.Subject!.Reference}', not Patient/{patientId}: none of its answers is used."));
            return false;
        }

        var kb = engine.KnowledgeBase;
        var expectedUrl = options.QuestionnaireUrl(kb.Id);
        var expectedVersion = KnowledgeBaseQuestionnaire.VersionOf(kb);
        var canonical = response.Questionnaire ?? string.Empty;
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        var url = bar < 0 ? canonical : canonical[..bar];
        var version = bar < 0 ? null : canonical[(bar + 1)..];
        if (!string.Equals(url, expectedUrl, StringComparison.Ordinal))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.OtherQuestionnaire, Severity.Warning, IssueType.BusinessRule, "QuestionnaireResponse.questionnaire",
                $"The QuestionnaireResponse answers '{canonical}', not '{expectedUrl}': its answers are read by finding code."));
        }
        else if (version is not null && !string.Equals(version, expectedVersion, StringComparison.Ordinal))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.OtherQuestionnaire, Severity.Warning, IssueType.BusinessRule, "QuestionnaireResponse.questionnaire",
                $"The QuestionnaireResponse answers version '{version}', not '{expectedVersion}' (the knowledge base changed): its answers are read by finding code."));
        }

        var used = false;
        void Walk(List<QuestionnaireResponse.ItemComponent> items, string path)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var itemPath = $"{path}.item[{i}]";
                var linkId = item.LinkId ?? string.Empty;
                if (kb.TryGetFinding(linkId, out _))
                {
                    if (item.Answer.Count > 1)
                    {
                        issues.Add(new FhirIssue(FhirIssueCodes.SeveralAnswers, Severity.Error, IssueType.Invalid, $"{itemPath}.answer",
                            $"Question '{linkId}' has {item.Answer.Count} answers; it takes one (yes, no or don't know)."));
                    }
                    else if (item.Answer.Count == 1)
                    {
                        if (Answers.StateOf(item.Answer[0].Value) is { } state)
                        {
                            used |= Record(linkId, state, source, $"{itemPath}.answer[0]", issues, states, order);
                        }
                        else
                        {
                            issues.Add(new FhirIssue(FhirIssueCodes.AnswerNotUnderstood, Severity.Error, IssueType.CodeInvalid, $"{itemPath}.answer[0].value",
                                $"The answer to '{linkId}' ({Describe(item.Answer[0].Value)}) is not yes ({FhirTerminology.YesNoSystem}|Y), no (|N), don't know ({FhirTerminology.DataAbsentReasonSystem}|asked-unknown) or a boolean."));
                        }

                        for (var a = 0; a < item.Answer.Count; a++)
                        {
                            Walk(item.Answer[a].Item, $"{itemPath}.answer[{a}]");
                        }
                    }
                }
                else if (!linkId.StartsWith(KnowledgeBaseQuestionnaire.KindGroupLinkIdPrefix, StringComparison.Ordinal))
                {
                    issues.Add(new FhirIssue(FhirIssueCodes.UnknownLinkId, Severity.Warning, IssueType.NotFound, itemPath,
                        $"linkId '{linkId}' is no finding of knowledge base '{kb.Id}' and no group of its Questionnaire: {(item.Answer.Count == 0 ? "it has no answer" : "its answer is not used")}."));
                }

                Walk(item.Item, itemPath);
            }
        }

        Walk(response.Item, "QuestionnaireResponse");
        return used;
    }

    private bool ReadObservation(FhirObservation observation, string? patientId, string path, string source, ImmutableArray<FhirIssue>.Builder issues, Dictionary<string, (FindingState, string)> states, List<string> order)
    {
        if (observation.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled or ObservationStatus.Registered or ObservationStatus.Unknown)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.NotUsableStatus, Severity.Warning, IssueType.BusinessRule, $"{path}.status",
                $"The status of {source} is '{observation.Status.ToString()!.ToLowerInvariant()}': it is not used."));
            return false;
        }

        if (!SamePatient(observation.Subject, patientId))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.OtherPatient, Severity.Error, IssueType.BusinessRule, $"{path}.subject",
                $"{source} is about '{observation.Subject!.Reference}', not Patient/{patientId}: it is not used."));
            return false;
        }

        var codings = observation.Code?.Coding ?? [];
        var rows = codings.SelectMany(c => mapping.EntriesFor(c.System, c.Code)).ToList();
        if (rows.Count == 0)
        {
            var codes = codings.Count == 0 ? "no coding" : string.Join(", ", codings.Select(c => $"{c.System}|{c.Code}"));
            issues.Add(new FhirIssue(FhirIssueCodes.UnmappedCode, Severity.Warning, IssueType.CodeInvalid, $"{path}.code",
                $"No row of the mapping table has the code of {source} ({codes}): it is not used."));
            return false;
        }

        if (observation.Value is null && observation.DataAbsentReason is not null && rows.All(r => r.Match != ObservationValueMatch.AnyValue))
        {
            issues.Add(new FhirIssue(FhirIssueCodes.ValueAbsent, Severity.Information, IssueType.Incomplete, $"{path}.dataAbsentReason",
                $"{source} records no value ({observation.DataAbsentReason.Coding.FirstOrDefault()?.Code ?? observation.DataAbsentReason.Text}): finding '{rows[0].FindingId}' stays unknown."));
            return false;
        }

        var used = false;
        var matched = false;
        foreach (var group in rows.GroupBy(r => r.FindingId, StringComparer.Ordinal))
        {
            foreach (var row in group)
            {
                if (Match(row, observation.Value) is { } state)
                {
                    matched = true;
                    used |= Record(row.FindingId, state, source, $"{path}.value", issues, states, order);
                    break;
                }
            }
        }

        if (!matched)
        {
            issues.Add(new FhirIssue(FhirIssueCodes.UnmappedValue, Severity.Warning, IssueType.CodeInvalid, $"{path}.value",
                $"The mapping table has the code of {source} but no row matches its value ({Describe(observation.Value)}): it is not used."));
        }

        return used;
    }

    /// <summary>True unless both the subject and the patient id are known and the subject names another patient.</summary>
    private static bool SamePatient(ResourceReference? subject, string? patientId)
    {
        var reference = subject?.Reference;
        if (string.IsNullOrEmpty(reference) || string.IsNullOrEmpty(patientId))
        {
            return true;
        }

        var expected = $"Patient/{patientId}";
        return string.Equals(reference, expected, StringComparison.Ordinal) || reference.EndsWith("/" + expected, StringComparison.Ordinal)
            || !reference.Contains("Patient/", StringComparison.Ordinal);
    }

    private static FindingState? Match(ObservationMappingEntry row, DataType? value) => row.Match switch
    {
        ObservationValueMatch.AnyValue => row.State,
        ObservationValueMatch.CodedValue => value is CodeableConcept concept && concept.Coding.Any(c => c.System == row.ValueSystem && c.Code == row.ValueCode) ? row.State : null,
        ObservationValueMatch.BooleanValue => value is FhirBoolean { Value: { } b } ? (b ? FindingState.Present : FindingState.Absent) : null,
        ObservationValueMatch.QuantityAtLeast => value is Quantity { Value: { } v } q && string.Equals(q.Code ?? q.Unit, row.Unit, StringComparison.Ordinal)
            ? (v >= row.Threshold ? FindingState.Present : FindingState.Absent)
            : null,
        _ => null,
    };

    private static bool Record(string findingId, FindingState state, string source, string path, ImmutableArray<FhirIssue>.Builder issues, Dictionary<string, (FindingState State, string Source)> states, List<string> order)
    {
        if (states.TryGetValue(findingId, out var earlier))
        {
            if (earlier.State == FindingState.Unknown && state != FindingState.Unknown)
            {
                states[findingId] = (state, source);
                return true;
            }

            if (earlier.State != state && state != FindingState.Unknown)
            {
                issues.Add(new FhirIssue(FhirIssueCodes.Contradiction, Severity.Error, IssueType.Conflict, path,
                    $"Finding '{findingId}' is {Word(state)} in {source} but {Word(earlier.State)} in {earlier.Source}."));
            }

            return state == earlier.State;
        }

        states[findingId] = (state, source);
        order.Add(findingId);
        return true;
    }

    private static string Word(FindingState state) => state switch
    {
        FindingState.Present => "present",
        FindingState.Absent => "absent",
        _ => "unknown",
    };

    private static string Describe(DataType? value) => value switch
    {
        null => "no value",
        Coding c => $"coding {c.System}|{c.Code}",
        CodeableConcept cc => cc.Coding.Count == 0 ? $"text '{cc.Text}'" : "codings " + string.Join(", ", cc.Coding.Select(c => $"{c.System}|{c.Code}")),
        Quantity q => string.Create(CultureInfo.InvariantCulture, $"quantity {q.Value} {q.Code ?? q.Unit}"),
        PrimitiveType p => $"{p.TypeName} '{p}'",
        _ => value.TypeName,
    };
}
