namespace HipPain.Rules.Model;

/// <summary>
/// Names one piece of text in a <see cref="TextPack"/>: a section (findings, causes, treatments, red flags, rules, groups,
/// recommendations, FAQ), the id of the item in it and the field, for example <c>findings / loc.lateral-hip /
/// patientQuestion</c>. The factories name every field a knowledge base's text has.
/// </summary>
/// <param name="Section">The section: one of the <c>...Section</c> constants.</param>
/// <param name="Id">The item's id; for <see cref="RecommendationsSection"/> the cause's id; for the title, empty.</param>
/// <param name="Field">The field, for example <c>name</c>; for <see cref="RecommendationsSection"/> the treatment's id.</param>
public readonly record struct TextKey(string Section, string Id, string Field)
{
    /// <summary>The section of the knowledge base's own text (its title).</summary>
    public const string KnowledgeBaseSection = "knowledgeBase";

    /// <summary>The section of finding names and questions.</summary>
    public const string FindingsSection = "findings";

    /// <summary>The section of cause names, descriptions, running advice and patient explanations.</summary>
    public const string CausesSection = "causes";

    /// <summary>The section of treatment names and descriptions.</summary>
    public const string TreatmentsSection = "treatments";

    /// <summary>The section of red-flag names, actions and running advice.</summary>
    public const string RedFlagsSection = "redFlags";

    /// <summary>The section of rule descriptions (the labels of composite rules).</summary>
    public const string RulesSection = "rules";

    /// <summary>The section of evidence-group names.</summary>
    public const string GroupsSection = "groups";

    /// <summary>The section of cause-specific notes on recommendations: id is the cause, field the treatment.</summary>
    public const string RecommendationsSection = "recommendations";

    /// <summary>The section of answers to patients' frequently asked questions.</summary>
    public const string FaqSection = "faq";

    /// <summary>The knowledge base's title.</summary>
    public static TextKey Title => new(KnowledgeBaseSection, string.Empty, "title");

    /// <summary>A finding's display name.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <returns>The key.</returns>
    public static TextKey FindingName(string findingId) => new(FindingsSection, findingId, "name");

    /// <summary>How a clinician asks about or tests for a finding.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <returns>The key.</returns>
    public static TextKey FindingQuestion(string findingId) => new(FindingsSection, findingId, "question");

    /// <summary>The plain-language question a patient is asked about a finding.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <returns>The key.</returns>
    public static TextKey FindingPatientQuestion(string findingId) => new(FindingsSection, findingId, "patientQuestion");

    /// <summary>A cause's display name.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CauseName(string causeId) => new(CausesSection, causeId, "name");

    /// <summary>A cause's short clinical description.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CauseDescription(string causeId) => new(CausesSection, causeId, "description");

    /// <summary>A cause's running advice, in words.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CauseRunning(string causeId) => new(CausesSection, causeId, "running");

    /// <summary>For the patient: what the cause is, in plain language.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CauseWhatItIs(string causeId) => new(CausesSection, causeId, "whatItIs");

    /// <summary>For the patient: what to do now.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CauseWhatToDoNow(string causeId) => new(CausesSection, causeId, "whatToDoNow");

    /// <summary>For the patient: when to seek care, and how soon.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CauseWhenToSeekCare(string causeId) => new(CausesSection, causeId, "whenToSeekCare");

    /// <summary>The sources of a cause's patient explanation, one citation per piece.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The key.</returns>
    public static TextKey CausePatientSources(string causeId) => new(CausesSection, causeId, "patientSources");

    /// <summary>A treatment's display name.</summary>
    /// <param name="treatmentId">The treatment's id.</param>
    /// <returns>The key.</returns>
    public static TextKey TreatmentName(string treatmentId) => new(TreatmentsSection, treatmentId, "name");

    /// <summary>How to carry a treatment out.</summary>
    /// <param name="treatmentId">The treatment's id.</param>
    /// <returns>The key.</returns>
    public static TextKey TreatmentDescription(string treatmentId) => new(TreatmentsSection, treatmentId, "description");

    /// <summary>A red flag's display name.</summary>
    /// <param name="redFlagId">The red flag's id.</param>
    /// <returns>The key.</returns>
    public static TextKey RedFlagName(string redFlagId) => new(RedFlagsSection, redFlagId, "name");

    /// <summary>What the clinician does when a red flag fires.</summary>
    /// <param name="redFlagId">The red flag's id.</param>
    /// <returns>The key.</returns>
    public static TextKey RedFlagAction(string redFlagId) => new(RedFlagsSection, redFlagId, "action");

    /// <summary>A red flag's running advice, in words.</summary>
    /// <param name="redFlagId">The red flag's id.</param>
    /// <returns>The key.</returns>
    public static TextKey RedFlagRunning(string redFlagId) => new(RedFlagsSection, redFlagId, "running");

    /// <summary>A rule's display label (composite rules).</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <returns>The key.</returns>
    public static TextKey RuleDescription(string ruleId) => new(RulesSection, ruleId, "description");

    /// <summary>An evidence group's display name.</summary>
    /// <param name="groupId">The group's id.</param>
    /// <returns>The key.</returns>
    public static TextKey GroupName(string groupId) => new(GroupsSection, groupId, "name");

    /// <summary>A cause-specific note on a recommendation.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <param name="treatmentId">The recommended treatment's id.</param>
    /// <returns>The key.</returns>
    public static TextKey RecommendationNote(string causeId, string treatmentId) => new(RecommendationsSection, causeId, treatmentId);

    /// <summary>A frequently asked question, in the patient's words.</summary>
    /// <param name="faqId">The question's id, for example <c>run-with-pain</c>.</param>
    /// <returns>The key.</returns>
    public static TextKey FaqQuestion(string faqId) => new(FaqSection, faqId, "question");

    /// <summary>The answer to a frequently asked question.</summary>
    /// <param name="faqId">The question's id.</param>
    /// <returns>The key.</returns>
    public static TextKey FaqAnswer(string faqId) => new(FaqSection, faqId, "answer");

    /// <summary>The sources of an answer.</summary>
    /// <param name="faqId">The question's id.</param>
    /// <returns>The key.</returns>
    public static TextKey FaqSources(string faqId) => new(FaqSection, faqId, "sources");

    /// <summary><c>section/id/field</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Section}/{Id}/{Field}";
}
