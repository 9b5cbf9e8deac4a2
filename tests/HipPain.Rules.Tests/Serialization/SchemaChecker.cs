using System.Text.Json;
using Json.Schema;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>Validates JSON text against the embedded schemas with JsonSchema.Net (draft 2020-12).</summary>
internal static class SchemaChecker
{
    private static readonly Lazy<JsonSchema> KnowledgeBaseSchema = new(() => JsonSchema.FromText(JsonSchemas.KnowledgeBase));
    private static readonly Lazy<JsonSchema> OverlaySchema = new(() =>
    {
        SchemaRegistry.Global.Register(KnowledgeBase); // the overlay schema refers to the base schema's definitions
        return JsonSchema.FromText(JsonSchemas.Overlay);
    });
    private static readonly Lazy<JsonSchema> CaseSchema = new(() => JsonSchema.FromText(JsonSchemas.Case));
    private static readonly Lazy<JsonSchema> TextPackSchema = new(() => JsonSchema.FromText(JsonSchemas.TextPack));
    private static readonly Lazy<JsonSchema> InterviewStateSchema = new(() => WithReferences(JsonSchemas.InterviewState));
    private static readonly Lazy<JsonSchema> TriageResultSchema = new(() => WithReferences(JsonSchemas.TriageResult));
    private static readonly Lazy<JsonSchema> InterviewStepSchema = new(() =>
    {
        SchemaRegistry.Global.Register(InterviewState);
        SchemaRegistry.Global.Register(TriageResult);
        return JsonSchema.FromText(JsonSchemas.InterviewStep);
    });

    public static JsonSchema KnowledgeBase => KnowledgeBaseSchema.Value;

    public static JsonSchema Overlay => OverlaySchema.Value;

    public static JsonSchema Case => CaseSchema.Value;

    public static JsonSchema TextPack => TextPackSchema.Value;

    public static JsonSchema InterviewState => InterviewStateSchema.Value;

    public static JsonSchema TriageResult => TriageResultSchema.Value;

    public static JsonSchema InterviewStep => InterviewStepSchema.Value;

    /// <summary>A schema that refers to the case schema by its $id: the case schema is registered first.</summary>
    private static JsonSchema WithReferences(string text)
    {
        _ = Case;
        SchemaRegistry.Global.Register(Case);
        return JsonSchema.FromText(text);
    }

    /// <summary>Every schema error, as "instance location: keyword message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no details)"];
    }
}
