namespace HipPain.Rules.Serialization.Documents;

/// <summary>
/// The root of a text-pack document (format version 1): per section, an object keyed by item id whose values map
/// field names to text, for example <c>"findings": { "loc.lateral-hip": { "name": "...", "patientQuestion": "..." } }</c>.
/// </summary>
internal sealed class TextPackDocument : RootDocument
{
    public string? Culture { get; set; }

    public string? KnowledgeBase { get; set; }

    public string? Review { get; set; }

    public string? ReviewNote { get; set; }

    public string? Title { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Findings { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Causes { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Treatments { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? RedFlags { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Rules { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Groups { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Recommendations { get; set; }

    public Dictionary<string, Dictionary<string, string?>?>? Faq { get; set; }
}
