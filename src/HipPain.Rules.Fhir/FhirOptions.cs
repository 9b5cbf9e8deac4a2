namespace HipPain.Rules.Fhir;

/// <summary>
/// Settings shared by everything the package writes: the base of the canonical URLs of the Questionnaire, the code
/// systems and the extensions it defines.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record FhirOptions
{
    /// <summary>The base used when none is given: the project's repository address followed by <c>/fhir</c>.</summary>
    public const string DefaultCanonicalBase = "https://github.com/hippain/HipPain.Rules/fhir";

    /// <summary>The default settings.</summary>
    public static FhirOptions Default { get; } = new();

    /// <summary>
    /// The base of every canonical URL the package writes, without a trailing slash, for example
    /// <c>https://fhir.example-clinic.org</c>. A clinic that publishes its own Questionnaire sets its own base. Default
    /// <see cref="DefaultCanonicalBase"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an absolute URI, or ends with a slash.</exception>
    public string CanonicalBase
    {
        get => canonicalBase;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            if (!Uri.TryCreate(value, UriKind.Absolute, out _) || value.EndsWith('/'))
            {
                throw new ArgumentException($"The canonical base '{value}' must be an absolute URI without a trailing slash.", nameof(value));
            }

            canonicalBase = value;
        }
    }

    private readonly string canonicalBase = DefaultCanonicalBase;

    /// <summary>The canonical URL of the Questionnaire made from a knowledge base: <c>{base}/Questionnaire/{knowledge-base id}</c>.</summary>
    /// <param name="knowledgeBaseId">The knowledge base's id.</param>
    /// <returns>The URL.</returns>
    public string QuestionnaireUrl(string knowledgeBaseId) => $"{CanonicalBase}/Questionnaire/{knowledgeBaseId}";

    /// <summary>The code system of a knowledge base's finding codes: <c>{base}/CodeSystem/{knowledge-base id}/findings</c>.</summary>
    /// <param name="knowledgeBaseId">The knowledge base's id.</param>
    /// <returns>The URL.</returns>
    public string FindingSystem(string knowledgeBaseId) => $"{CanonicalBase}/CodeSystem/{knowledgeBaseId}/findings";

    /// <summary>The code system of a knowledge base's cause ids: <c>{base}/CodeSystem/{knowledge-base id}/causes</c>.</summary>
    /// <param name="knowledgeBaseId">The knowledge base's id.</param>
    /// <returns>The URL.</returns>
    public string CauseSystem(string knowledgeBaseId) => $"{CanonicalBase}/CodeSystem/{knowledgeBaseId}/causes";

    /// <summary>The code system of a knowledge base's red-flag ids: <c>{base}/CodeSystem/{knowledge-base id}/red-flags</c>.</summary>
    /// <param name="knowledgeBaseId">The knowledge base's id.</param>
    /// <returns>The URL.</returns>
    public string RedFlagSystem(string knowledgeBaseId) => $"{CanonicalBase}/CodeSystem/{knowledgeBaseId}/red-flags";

    /// <summary>The code system of a knowledge base's treatment, workup and prevention ids: <c>{base}/CodeSystem/{knowledge-base id}/treatments</c>.</summary>
    /// <param name="knowledgeBaseId">The knowledge base's id.</param>
    /// <returns>The URL.</returns>
    public string TreatmentSystem(string knowledgeBaseId) => $"{CanonicalBase}/CodeSystem/{knowledgeBaseId}/treatments";

    /// <summary>The code system naming knowledge bases (the code is the base's id, the coding's version its version): <c>{base}/CodeSystem/knowledge-bases</c>.</summary>
    public string KnowledgeBaseSystem => $"{CanonicalBase}/CodeSystem/knowledge-bases";

    /// <summary>The code system of the package's own codes (the assessment, the issue codes): <c>{base}/CodeSystem/hippain</c>.</summary>
    public string PackageSystem => $"{CanonicalBase}/CodeSystem/hippain";

    /// <summary>The URL of one of the package's extensions: <c>{base}/StructureDefinition/{name}</c>.</summary>
    /// <param name="name">The extension's name, for example <c>clinician-question</c>.</param>
    /// <returns>The URL.</returns>
    public string ExtensionUrl(string name) => $"{CanonicalBase}/StructureDefinition/{name}";
}
