using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>
/// The Questionnaire's own wording (group titles, the description and its disclaimer), in the languages the library
/// ships a text pack for: English and Spanish. Any other language gets the English wording around the pack's own
/// questions. The knowledge base's content (names, questions) always comes from the text pack.
/// </summary>
internal sealed class QuestionnaireWording
{
    /// <summary>The title of each kind's group of findings, in English and in Spanish.</summary>
    private static readonly Dictionary<FindingKind, (string English, string Spanish)> KindTitles = new()
    {
        [FindingKind.PainLocation] = ("Where the pain is", "Dónde duele"),
        [FindingKind.PainQuality] = ("What the pain is like", "Cómo es el dolor"),
        [FindingKind.Timing] = ("When the pain comes", "Cuándo aparece el dolor"),
        [FindingKind.Symptom] = ("Other symptoms", "Otros síntomas"),
        [FindingKind.History] = ("History", "Antecedentes"),
        [FindingKind.RiskFactor] = ("Risk factors", "Factores de riesgo"),
        [FindingKind.Examination] = ("Examination", "Exploración física"),
        [FindingKind.Investigation] = ("Imaging and laboratory results", "Pruebas de imagen y de laboratorio"),
    };

    private static readonly QuestionnaireWording English = new(
        "Red-flag questions: ask these first",
        "The findings of knowledge base {0} {1} ({2}), red-flag questions first. Answer each yes, no or don't know; an unanswered question counts as unknown. ",
        Scoring.TriageResult.Disclaimer,
        static titles => titles.English);

    private static readonly QuestionnaireWording Spanish = new(
        "Preguntas de alarma: hágalas primero",
        "Los hallazgos de la base de conocimiento {0} {1} ({2}), con las preguntas de alarma primero. Responda a cada una sí, no o no lo sé; una pregunta sin respuesta cuenta como desconocida. ",
        "Apoyo a la decisión para profesionales clínicos, no un diagnóstico: la clasificación es una estimación de probabilidad a partir de cocientes de verosimilitud publicados, y las señales de alarma se escalan sea cual sea su posición.",
        static titles => titles.Spanish);

    private readonly string description;
    private readonly Dictionary<FindingKind, string> kindTitles;

    private QuestionnaireWording(string redFlagGroupTitle, string description, string disclaimer, Func<(string English, string Spanish), string> language)
    {
        RedFlagGroupTitle = redFlagGroupTitle;
        this.description = description;
        Disclaimer = disclaimer;
        kindTitles = KindTitles.ToDictionary(entry => entry.Key, entry => language(entry.Value));
    }

    /// <summary>The red-flag group's title.</summary>
    public string RedFlagGroupTitle { get; }

    /// <summary>The decision-support disclaimer in this language.</summary>
    public string Disclaimer { get; }

    /// <summary>The wording for a culture name such as <c>es</c> or <c>es-MX</c>: Spanish for Spanish, else English.</summary>
    public static QuestionnaireWording For(string culture) =>
        string.Equals(culture, "es", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("es-", StringComparison.OrdinalIgnoreCase)
            ? Spanish
            : English;

    /// <summary>The description: which base, how to answer, and the disclaimer.</summary>
    public string Description(KnowledgeBase knowledgeBase) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, description, knowledgeBase.Id, knowledgeBase.Version, knowledgeBase.ContentHash) + Disclaimer;

    /// <summary>The title of the group holding one kind of finding.</summary>
    public string KindTitle(FindingKind kind) => kindTitles.TryGetValue(kind, out var title) ? title : kind.ToString();
}
