namespace HipPain.Rules.Serialization;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the library's formats, embedded in the assembly. The NuGet package also
/// ships them as files under <c>schemas/</c>, for editors and other tools.
/// </summary>
/// <threadsafety>Thread-safe: the texts are loaded once and never change.</threadsafety>
public static class JsonSchemas
{
    private static readonly Lazy<string> KnowledgeBaseText = new(() => Load("knowledge-base.v1.schema.json"));
    private static readonly Lazy<string> OverlayText = new(() => Load("overlay.v1.schema.json"));
    private static readonly Lazy<string> CaseText = new(() => Load("case.v1.schema.json"));
    private static readonly Lazy<string> TextPackText = new(() => Load("text-pack.v1.schema.json"));
    private static readonly Lazy<string> InterviewStateText = new(() => Load("interview-state.v1.schema.json"));
    private static readonly Lazy<string> TriageResultText = new(() => Load("triage-result.v1.schema.json"));
    private static readonly Lazy<string> InterviewStepText = new(() => Load("interview-step.v1.schema.json"));

    /// <summary>The schema of a knowledge-base document, format version 1 (<c>knowledge-base.v1.schema.json</c>).</summary>
    public static string KnowledgeBase => KnowledgeBaseText.Value;

    /// <summary>The schema of a clinic overlay document, format version 1 (<c>overlay.v1.schema.json</c>); its items refer to the knowledge-base schema's definitions.</summary>
    public static string Overlay => OverlayText.Value;

    /// <summary>The schema of a case document, format version 1 (<c>case.v1.schema.json</c>).</summary>
    public static string Case => CaseText.Value;

    /// <summary>The schema of a text-pack document, format version 1 (<c>text-pack.v1.schema.json</c>).</summary>
    public static string TextPack => TextPackText.Value;

    /// <summary>The schema of an interview-state document, format version 1 (<c>interview-state.v1.schema.json</c>); its case refers to the case schema.</summary>
    public static string InterviewState => InterviewStateText.Value;

    /// <summary>The schema of a result document, <c>triage-result</c> format version 1 (<c>triage-result.v1.schema.json</c>); its case refers to the case schema.</summary>
    public static string TriageResult => TriageResultText.Value;

    /// <summary>The schema of an interview-step document, format version 1 (<c>interview-step.v1.schema.json</c>); it refers to the interview-state and result schemas.</summary>
    public static string InterviewStep => InterviewStepText.Value;

    private static string Load(string fileName)
    {
        var name = "HipPain.Rules.Schemas." + fileName;
        using var stream = typeof(JsonSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded schema '{name}' is missing from {typeof(JsonSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
