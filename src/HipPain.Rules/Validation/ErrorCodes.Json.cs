namespace HipPain.Rules.Validation;

// The codes of reading JSON documents (HPJ), of applying clinic overlays (HPK050 and up) of text packs (HPT), of interview states (HPI) and of result documents (HPR).
public static partial class ErrorCodes
{
    /// <summary>
    /// A JSON document is not well-formed, or does not have the shape of its format (a value of the wrong type,
    /// an unknown property). Thrown as a <c>RulesJsonException</c> naming the JSON path, line and byte position.
    /// </summary>
    public const string JsonMalformed = "HPJ001";

    /// <summary>A JSON document has no <c>formatVersion</c>, or one this library cannot read. Thrown as a <c>RulesJsonException</c>.</summary>
    public const string JsonUnsupportedFormatVersion = "HPJ002";

    /// <summary>A JSON document is larger, deeper or has longer arrays than the reader's limits allow. Thrown as a <c>RulesJsonException</c>.</summary>
    public const string JsonLimitExceeded = "HPJ003";

    /// <summary>A JSON string that names an enumeration value (a kind, level, status, urgency, line, sex or state) is not one of the allowed names.</summary>
    public const string JsonUnknownValue = "HPJ004";

    /// <summary>A JSON property that the format requires is missing or null.</summary>
    public const string JsonMissingProperty = "HPJ005";

    /// <summary>An overlay adds a cause, finding, treatment, rule or red flag whose id the base already has; override or change the existing item instead.</summary>
    public const string OverlayIdExists = "HPK050";

    /// <summary>An overlay overrides, disables or changes an item (a rule, a cause's prior or text, a finding's or treatment's text) that the base does not have.</summary>
    public const string OverlayTargetNotFound = "HPK051";

    /// <summary>An overlay changes the same item twice in ways that contradict each other, for example it both disables and overrides one rule, or sets two priors for one cause.</summary>
    public const string OverlayConflict = "HPK052";

    /// <summary>An overlay says which base it applies to (<c>appliesTo</c>) and the base it is applied to has another id or version.</summary>
    public const string OverlayBaseMismatch = "HPK053";

    /// <summary>A text pack has text for a finding, cause, treatment, red flag, rule or recommendation the knowledge base does not have.</summary>
    public const string TextUnknownItem = "HPT001";

    /// <summary>A text pack names a section or a field that text packs do not have (for example <c>action</c> for a finding).</summary>
    public const string TextUnknownField = "HPT002";

    /// <summary>A text in a text pack is missing (null) or blank.</summary>
    public const string TextBlank = "HPT003";

    /// <summary>A text pack's <c>culture</c> is missing or is not a culture name such as <c>en</c> or <c>es-MX</c>.</summary>
    public const string TextInvalidCulture = "HPT004";

    /// <summary>A text pack lacks a piece of text that the knowledge base's own text has (reported by <c>TextPackExtensions.Check</c>).</summary>
    public const string TextMissing = "HPT005";

    /// <summary>An interview state or answer names a finding that the interview did not ask at that point (the state was changed, or the interview had stopped).</summary>
    public const string InterviewAnswerNotAsked = "HPI001";

    /// <summary>An interview state was made on another knowledge base (its id or content hash differs).</summary>
    public const string InterviewKnowledgeBaseChanged = "HPI002";

    /// <summary>An interview state was made for another audience than the interviewer's.</summary>
    public const string InterviewAudienceMismatch = "HPI003";

    /// <summary>An interview state's count of starting observations is negative or larger than its case.</summary>
    public const string InterviewStartOutOfRange = "HPI004";

    /// <summary>A result document was written for another knowledge base than the engine's (id, version or content hash).</summary>
    public const string ResultKnowledgeBaseMismatch = "HPR001";

    /// <summary>A result document's urgency, ranking or probabilities differ from a replay of its case.</summary>
    public const string ResultDiffersFromReplay = "HPR002";
}
