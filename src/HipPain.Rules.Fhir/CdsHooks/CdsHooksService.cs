using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Fhir.CdsHooks;

/// <summary>
/// The CDS Hooks 2.0 service, without a web framework: the discovery document and the <c>patient-view</c> hook. The
/// prefetch brings the Patient, the patient's QuestionnaireResponses to the knowledge base's Questionnaire and the
/// Observations with the mapping's codes; the cards give the urgency, the leading causes with probabilities, the red
/// flags, the questions still open and links to the documentation. <c>MapHipPainCdsHooks</c> hosts it in ASP.NET Core.
/// </summary>
/// <remarks>
/// <c>patient-view</c> is the hook that fits: the triage is about the patient's record (the answers and observations
/// already in it), not about an order being signed or a medication being chosen, so it belongs where the clinician
/// opens the record. The service never calls the FHIR server itself: a call without the Patient in its prefetch gets
/// 412.
/// </remarks>
/// <threadsafety>Immutable; <c>Handle</c> may be called from any number of threads.</threadsafety>
public sealed class CdsHooksService
{
    /// <summary>The hook the service answers.</summary>
    public const string Hook = "patient-view";

    /// <summary>The prefetch key of the Patient.</summary>
    public const string PatientKey = "patient";

    /// <summary>The prefetch key of the QuestionnaireResponses (a search Bundle, or one resource).</summary>
    public const string ResponsesKey = "questionnaireResponses";

    /// <summary>The prefetch key of the Observations (a search Bundle, or one resource).</summary>
    public const string ObservationsKey = "observations";

    /// <summary>How many open questions a card lists, the one to settle first first; the rest are counted.</summary>
    private const int MaxQuestionsOnCard = 8;

    private readonly CdsHooksOptions options;
    private readonly FhirCaseReader reader;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The mapping names findings the engine's knowledge base does not have.</exception>
    public CdsHooksService(CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Engine, nameof(options) + ".Engine");
        this.options = options;
        reader = new FhirCaseReader(options.Engine, options.Mapping, options.Fhir);
        var kb = options.Engine.KnowledgeBase;
        var prefetch = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        prefetch[PatientKey] = "Patient/{{context.patientId}}";
        prefetch[ResponsesKey] = $"QuestionnaireResponse?subject={{{{context.patientId}}}}&questionnaire={options.Fhir.QuestionnaireUrl(kb.Id)}&_sort=-authored";
        if (!options.Mapping.CodeTokens.IsEmpty)
        {
            prefetch[ObservationsKey] = $"Observation?subject={{{{context.patientId}}}}&code={string.Join(',', options.Mapping.CodeTokens)}&_sort=-date";
        }

        Discovery = new CdsServiceDiscovery(
        [
            new CdsServiceDescription(
                Hook,
                "Hip pain triage for runners",
                $"Ranks the likely causes of a runner's hip pain and escalates red flags from the patient's answers to the {kb.Id} {kb.Version} questionnaire and coded observations. Decision support for clinicians, not a diagnosis.",
                options.ServiceId,
                prefetch.ToImmutable(),
                $"Patients answer the Questionnaire {options.Fhir.QuestionnaireUrl(kb.Id)} (version {KnowledgeBaseQuestionnaire.VersionOf(kb)}); the client fills the prefetch, the service does not call the FHIR server."),
        ]);
    }

    /// <summary>The discovery document.</summary>
    public CdsServiceDiscovery Discovery { get; }

    /// <summary>Answers a hook call given as JSON.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The cards, or a problem.</returns>
    public CdsHookOutcome Handle(JsonElement body)
    {
        if (!CdsHookRequest.Parse(body, out var request, out var problems))
        {
            return CdsHookOutcome.BadRequest(problems);
        }

        return Handle(request);
    }

    /// <summary>Answers a hook call.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The cards (none when the patient has no answers or mapped observations), or a problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public CdsHookOutcome Handle(CdsHookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Hook, Hook, StringComparison.Ordinal))
        {
            return CdsHookOutcome.BadRequest([$"hook is '{request.Hook}'; this service answers '{Hook}'."]);
        }

        var problems = ImmutableArray.CreateBuilder<string>();
        var deserializer = new FhirJsonDeserializer();
        List<Resource> Resources(string key)
        {
            if (!request.Prefetch.TryGetValue(key, out var json))
            {
                return [];
            }

            if (!deserializer.TryDeserializeResource(json.GetRawText(), out var resource, out var errors))
            {
                problems.Add($"prefetch.{key} is not a valid FHIR R4 resource: {string.Join("; ", errors.Take(5).Select(e => e.Message))}");
                return [];
            }

            return resource is Bundle bundle ? [.. bundle.Entry.Select(e => e.Resource).OfType<Resource>()] : [resource!];
        }

        var patients = Resources(PatientKey);
        var responses = Resources(ResponsesKey);
        var observations = Resources(ObservationsKey);
        if (patients.Count > 0 && patients[0] is not Patient)
        {
            problems.Add($"prefetch.{PatientKey} is a {patients[0].TypeName}, not a Patient.");
        }
        else if (patients.Count > 0 && patients[0].Id is { } pid && !string.Equals(pid, request.PatientId, StringComparison.Ordinal))
        {
            problems.Add($"prefetch.{PatientKey} is Patient '{pid}', but context.patientId is '{request.PatientId}'.");
        }

        foreach (var (key, list, type) in new[] { (ResponsesKey, responses, "QuestionnaireResponse"), (ObservationsKey, observations, "Observation") })
        {
            foreach (var other in list.Where(r => r.TypeName != type && r is not OperationOutcome).Select(r => r.TypeName).Distinct())
            {
                problems.Add($"prefetch.{key} holds a {other}; it takes {type} resources.");
            }
        }

        if (problems.Count > 0)
        {
            return CdsHookOutcome.BadRequest(problems.ToImmutable());
        }

        if (patients.Count == 0)
        {
            return CdsHookOutcome.PreconditionFailed($"prefetch.{PatientKey} is missing: this service does not call the FHIR server; send the prefetch its discovery document asks for.");
        }

        var response = responses.OfType<QuestionnaireResponse>()
            .Where(r => r.Status != QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError)
            .OrderByDescending(r => Instant(r.Authored) ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        var latest = Latest(observations.OfType<Hl7.Fhir.Model.Observation>());
        if (response is null && latest.Count == 0)
        {
            return CdsHookOutcome.Ok(new CdsHookResponse([]));
        }

        var today = DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().UtcDateTime);
        var read = reader.Read((Patient)patients[0], response, latest, today);
        var notes = new List<string>();
        var olderResponses = responses.OfType<QuestionnaireResponse>().Count() - (response is null ? 0 : 1);
        if (olderResponses > 0)
        {
            notes.Add($"{olderResponses} older questionnaire response(s) not used; the latest counts.");
        }

        var olderObservations = observations.OfType<Hl7.Fhir.Model.Observation>().Count() - latest.Count;
        if (olderObservations > 0)
        {
            notes.Add($"{olderObservations} older observation(s) of the same code not used; the latest counts.");
        }

        return CdsHookOutcome.Ok(new CdsHookResponse(read.HasErrors ? [ProblemCard(request, read)] : [.. Cards(request, read, notes)]));
    }

    /// <summary>The latest Observation per mapped code (by effective time, then issued), in input order of the kept ones.</summary>
    private List<Hl7.Fhir.Model.Observation> Latest(IEnumerable<Hl7.Fhir.Model.Observation> observations)
    {
        static DateTimeOffset When(Hl7.Fhir.Model.Observation o) =>
            Instant((o.Effective as FhirDateTime)?.Value ?? (o.Effective as Period)?.Start) ?? o.Issued ?? DateTimeOffset.MinValue;

        // Unmapped and unusable Observations are kept, each on its own, so that the reader reports them.
        string KeyOf(Hl7.Fhir.Model.Observation o, int index) =>
            o.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled
                ? $"unusable:{index}"
                : o.Code?.Coding.Where(c => !options.Mapping.EntriesFor(c.System, c.Code).IsEmpty).Select(c => $"{c.System}|{c.Code}").FirstOrDefault() ?? $"unmapped:{index}";

        var all = observations.Select((o, i) => (Observation: o, Index: i, Key: KeyOf(o, i))).ToList();
        var keep = all.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.OrderByDescending(p => When(p.Observation)).ThenBy(p => p.Index).First().Index).ToHashSet();
        return [.. all.Where(p => keep.Contains(p.Index)).Select(p => p.Observation)];
    }

    /// <summary>A FHIR date or dateTime with at least a full date, as an instant (a date alone at midnight UTC); null otherwise.</summary>
    private static DateTimeOffset? Instant(string? value) =>
        value is { Length: >= 10 } && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private IEnumerable<CdsCard> Cards(CdsHookRequest request, FhirCaseResult read, List<string> notes)
    {
        var kb = options.Engine.KnowledgeBase;
        var words = options.Text is null ? kb.Text : options.Text.WithFallback(kb.Text);
        var result = options.Engine.Triage(read.Case);
        string Cause(Cause c) => words.Get(TextKey.CauseName(c.Id)) ?? c.Name;
        string Finding(string id) => words.Get(TextKey.FindingPatientQuestion(id)) ?? words.Get(TextKey.FindingQuestion(id)) ?? words.Get(TextKey.FindingName(id)) ?? id;

        var urgency = Word(result.Urgency);
        var summary = result.IsUrgencyProvisional
            ? $"Hip pain: {urgency} so far, could be {Word(result.HighestPossibleUrgency)}; leading {Cause(result.Leading.Cause)}"
            : $"Hip pain: {urgency}; leading {Cause(result.Leading.Cause)} {Percent(result.Leading.Probability)}";
        if (summary.Length > 139)
        {
            summary = summary[..138] + "…";
        }

        var detail = new StringBuilder();
        foreach (var flag in result.FiredRedFlags)
        {
            detail.Append(CultureInfo.InvariantCulture, $"**Red flag: {words.Get(TextKey.RedFlagName(flag.Id)) ?? flag.Name}** ({Word(flag.Urgency)}): {words.Get(TextKey.RedFlagAction(flag.Id)) ?? flag.Action}\n\n");
        }

        detail.Append("**Leading causes**\n\n");
        foreach (var ranked in result.Differential.Take(Math.Max(1, options.LeadingCauseCount)))
        {
            detail.Append(CultureInfo.InvariantCulture, $"{ranked.Rank}. {Cause(ranked.Cause)}: {Percent(ranked.Probability)}\n");
        }

        if (!result.SettlingFindingIds.IsEmpty)
        {
            detail.Append(CultureInfo.InvariantCulture, $"\n**Still to ask** (they settle the urgency, which could reach {Word(result.HighestPossibleUrgency)}; red flags the case points at first):\n\n");
            foreach (var finding in result.SettlingFindingIds.Take(MaxQuestionsOnCard))
            {
                detail.Append("- ").Append(Finding(finding)).Append('\n');
            }

            if (result.SettlingFindingIds.Length > MaxQuestionsOnCard)
            {
                detail.Append(CultureInfo.InvariantCulture, $"- and {result.SettlingFindingIds.Length - MaxQuestionsOnCard} more, for the red flags that nothing points to yet\n");
            }
        }

        detail.Append(CultureInfo.InvariantCulture, $"\n**Running:** {result.Plan.RunningAdvice.Text}\n");
        var warnings = read.Issues.Where(i => i.Severity == Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Warning).ToList();
        if (warnings.Count > 0 || notes.Count > 0)
        {
            detail.Append("\n**Data notes**\n\n");
            foreach (var warning in warnings)
            {
                detail.Append(CultureInfo.InvariantCulture, $"- {warning.Code}: {warning.Message}\n");
            }

            foreach (var note in notes)
            {
                detail.Append("- ").Append(note).Append('\n');
            }
        }

        detail.Append(CultureInfo.InvariantCulture, $"\n_{TriageResult.Disclaimer}_ Knowledge base {kb.Id} {kb.Version} ({kb.ContentHash}).");
        var indicator = result.Urgency switch
        {
            Urgency.Emergency => "critical",
            Urgency.Urgent => "warning",
            _ => "info",
        };
        yield return new CdsCard(CardId(request, "summary"), summary, detail.ToString(), indicator, Source(kb), Links());
    }

    private CdsCard ProblemCard(CdsHookRequest request, FhirCaseResult read)
    {
        var errors = read.Issues.Where(i => i.Severity is Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Error or Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Fatal).ToList();
        var detail = new StringBuilder("The recorded answers could not be read into a case, so no triage was made:\n\n");
        foreach (var issue in errors)
        {
            detail.Append(CultureInfo.InvariantCulture, $"- {issue.Code} at `{issue.Expression}`: {issue.Message}\n");
        }

        return new CdsCard(CardId(request, "problem"), $"Hip pain triage not made: {errors.Count} problem(s) in the recorded answers", detail.ToString(), "warning", Source(options.Engine.KnowledgeBase), Links());
    }

    private CdsSource Source(KnowledgeBase kb) => new($"HipPain.Rules ({kb.Id} {kb.Version})", options.DocumentationUrl);

    private ImmutableArray<CdsLink> Links() =>
    [
        new CdsLink("How this triage works (HipPain.Rules FHIR and CDS Hooks)", options.DocumentationUrl, "absolute"),
    ];

    private static string CardId(CdsHookRequest request, string kind) => FhirIds.Uuid("cds-card", request.HookInstance, request.PatientId, kind);

    private static string Percent(double probability) => string.Create(CultureInfo.InvariantCulture, $"{probability * 100:0}%");

    private static string Word(Urgency urgency) => urgency switch
    {
        Urgency.SelfCare => "self-care",
        Urgency.Routine => "routine",
        Urgency.Urgent => "URGENT",
        Urgency.Emergency => "EMERGENCY",
        _ => urgency.ToString(),
    };
}
