using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization;

/// <summary>How <see cref="TriageResultJson"/> and <see cref="InterviewStepJson"/> write a result: in which language, how much explanation, indented or not.</summary>
/// <threadsafety>Not thread-safe while being set; the writers read the values once per call.</threadsafety>
public sealed class ResultJsonOptions
{
    /// <summary>
    /// The text pack names, questions, actions, notes and advice are written in; null for the knowledge base's own
    /// wording. Text the pack lacks falls back to the base's own wording. The result names the pack's culture and hash.
    /// </summary>
    public TextPack? Text { get; set; }

    /// <summary>
    /// True to explain every cause; false (default) to explain the causes a clinician acts on: the leading causes
    /// (the care plan's <c>LeadingCauseCount</c>) and the causes a fired red flag names. Every cause keeps its rank and
    /// probability either way. Explaining all of them makes a result several times larger.
    /// </summary>
    public bool ExplainAllCauses { get; set; }

    /// <summary>
    /// True to write display text beside the ids: the names of causes, red flags and treatments, the labels of
    /// contributions and pending rules, and the cause-specific notes of plan items (about twice the size). False
    /// (default): ids only, each looked up in a text pack (<c>causes[id].name</c>, <c>rules[id].description</c>, ...),
    /// which keeps a typical result under 8 KB and the same in every language. The fired red flags' actions and the
    /// running advice are written either way.
    /// </summary>
    public bool IncludeText { get; set; }

    /// <summary>True to indent the JSON for reading; false (default) for the compact form a service sends.</summary>
    public bool Indented { get; set; }

    internal static ResultJsonOptions Default { get; } = new();
}
