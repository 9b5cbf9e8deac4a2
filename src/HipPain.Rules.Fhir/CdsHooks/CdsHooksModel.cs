using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipPain.Rules.Fhir.CdsHooks;

/// <summary>The CDS Hooks 2.0 discovery response (<c>GET /cds-services</c>).</summary>
/// <param name="Services">The services offered.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsServiceDiscovery([property: JsonPropertyName("services")] ImmutableArray<CdsServiceDescription> Services);

/// <summary>One CDS service in the discovery response.</summary>
/// <param name="Hook">The hook it answers, for example <c>patient-view</c>.</param>
/// <param name="Title">A human-friendly title.</param>
/// <param name="Description">What the service does.</param>
/// <param name="Id">The id in the service's URL: <c>{base}/cds-services/{id}</c>.</param>
/// <param name="Prefetch">The prefetch templates, by key.</param>
/// <param name="UsageRequirements">What a CDS client must do before using it.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsServiceDescription(
    [property: JsonPropertyName("hook")] string Hook,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("prefetch")] ImmutableSortedDictionary<string, string> Prefetch,
    [property: JsonPropertyName("usageRequirements")] string UsageRequirements);

/// <summary>
/// A CDS Hooks 2.0 hook request, as read by <see cref="CdsHookRequest.Parse"/>: the hook, its instance, the context and
/// the prefetched FHIR resources (kept as JSON, parsed by the service with Firely's SDK).
/// </summary>
/// <param name="Hook">The hook, for example <c>patient-view</c>.</param>
/// <param name="HookInstance">The client's id of this call.</param>
/// <param name="FhirServer">The FHIR server's base URL, or null.</param>
/// <param name="UserId">The user (context.userId), or null.</param>
/// <param name="PatientId">The patient (context.patientId).</param>
/// <param name="EncounterId">The encounter (context.encounterId), or null.</param>
/// <param name="Prefetch">The prefetched resources by key; a key the client could not fill is absent or null.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsHookRequest(
    string Hook,
    string HookInstance,
    string? FhirServer,
    string? UserId,
    string PatientId,
    string? EncounterId,
    ImmutableDictionary<string, JsonElement> Prefetch)
{
    /// <summary>Reads a hook request, reporting every structural problem at once.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="request">The request when it is well formed.</param>
    /// <param name="problems">What is wrong, each naming the JSON member; empty when well formed.</param>
    /// <returns>True when the request is well formed.</returns>
    public static bool Parse(JsonElement body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CdsHookRequest? request, out ImmutableArray<string> problems)
    {
        var found = ImmutableArray.CreateBuilder<string>();
        request = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems = [$"The request body is a JSON {body.ValueKind.ToString().ToLowerInvariant()}, not an object."];
            return false;
        }

        string? Text(JsonElement parent, string name, string path, bool required) =>
            JsonMembers.Text(parent, name, path, required, nullIsMissing: true, found);

        var hook = Text(body, "hook", "hook", required: true);
        var instance = Text(body, "hookInstance", "hookInstance", required: true);
        var server = Text(body, "fhirServer", "fhirServer", required: false);
        string? user = null, patient = null, encounter = null;
        if (!body.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            found.Add("context is required and must be an object.");
        }
        else
        {
            user = Text(context, "userId", "context.userId", required: false);
            patient = Text(context, "patientId", "context.patientId", required: true);
            encounter = Text(context, "encounterId", "context.encounterId", required: false);
        }

        var prefetch = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        if (body.TryGetProperty("prefetch", out var pre) && pre.ValueKind != JsonValueKind.Null)
        {
            if (pre.ValueKind != JsonValueKind.Object)
            {
                found.Add("prefetch must be an object.");
            }
            else
            {
                foreach (var entry in pre.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    if (entry.Value.ValueKind != JsonValueKind.Object)
                    {
                        found.Add($"prefetch.{entry.Name} must be a FHIR resource (a JSON object) or null.");
                        continue;
                    }

                    prefetch[entry.Name] = entry.Value.Clone();
                }
            }
        }

        problems = found.ToImmutable();
        if (!problems.IsEmpty)
        {
            return false;
        }

        request = new CdsHookRequest(hook!, instance!, server, user, patient!, encounter, prefetch.ToImmutable());
        return true;
    }
}

/// <summary>A CDS Hooks 2.0 response: the cards to show.</summary>
/// <param name="Cards">The cards, most important first; empty when there is nothing to say.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsHookResponse([property: JsonPropertyName("cards")] ImmutableArray<CdsCard> Cards);

/// <summary>One CDS Hooks card.</summary>
/// <param name="Uuid">A deterministic id of the card (the same input gives the same id).</param>
/// <param name="Summary">One line, under 140 characters.</param>
/// <param name="Detail">Markdown with the leading causes, the red flags, the open questions and the running advice.</param>
/// <param name="Indicator"><c>critical</c> for Emergency, <c>warning</c> for Urgent, <c>info</c> otherwise.</param>
/// <param name="Source">Who made the card.</param>
/// <param name="Links">Links to the documentation.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsCard(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("source")] CdsSource Source,
    [property: JsonPropertyName("links")] ImmutableArray<CdsLink> Links);

/// <summary>The source of a card.</summary>
/// <param name="Label">Its name.</param>
/// <param name="Url">A link to more about it, or null.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsSource(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url);

/// <summary>A link on a card.</summary>
/// <param name="Label">Its text.</param>
/// <param name="Url">The absolute URL.</param>
/// <param name="Type"><c>absolute</c> (a page) or <c>smart</c> (a SMART app launch).</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record CdsLink(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("type")] string Type);
