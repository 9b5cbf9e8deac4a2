using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>
/// Makes a FHIR R4 <see cref="Questionnaire"/> from a knowledge base: one item per finding (linkId = the finding code),
/// the red-flag questions first, then the other findings grouped by kind, each answered yes, no or unknown.
/// </summary>
/// <remarks>
/// <para>
/// Each question's text is the finding's patient question, or, for a finding only a clinician can check, its clinician
/// wording, or else its name. Where both wordings exist, the clinician's is in the <c>clinician-question</c> extension
/// (<see cref="FhirOptions.ExtensionUrl"/>). Each item carries the finding code as <c>item.code</c> in the base's finding
/// code system (<see cref="FhirOptions.FindingSystem"/>).
/// </para>
/// <para>
/// Answers are codings from the FHIR <c>yesnodontknow</c> value set: <c>Y</c> and <c>N</c> of HL7 v2 table 0136 and
/// <c>asked-unknown</c> of data-absent-reason (<see cref="FhirTerminology"/>).
/// </para>
/// <para>
/// The canonical URL is <see cref="FhirOptions.QuestionnaireUrl"/> and the version is
/// <c>{knowledge-base id}:{version}:{content hash}</c> (<see cref="VersionOf"/>), so a QuestionnaireResponse names the
/// exact clinical content it answered. A translation (another text pack) changes the wording and
/// <c>Questionnaire.language</c>, not the URL or the version: the clinical content hash covers no text.
/// </para>
/// </remarks>
/// <threadsafety>Stateless; safe to call from any thread. Each call returns a new Questionnaire.</threadsafety>
public static class KnowledgeBaseQuestionnaire
{
    /// <summary>The linkId of the group of red-flag questions.</summary>
    public const string RedFlagGroupLinkId = "group.red-flags";

    /// <summary>The prefix of the linkId of each group of findings of one kind, for example <c>group.pain-location</c>.</summary>
    public const string KindGroupLinkIdPrefix = "group.";

    /// <summary>The name of the extension holding the clinician wording of a question.</summary>
    public const string ClinicianQuestionExtension = "clinician-question";

    /// <summary>
    /// The Structured Data Capture extension that hides the item of a one-sex finding (<see cref="Finding.Sex"/>, such as a
    /// pregnancy) from a patient whose recorded gender is the other one: a FHIRPath condition on <c>%patient</c>.
    /// </summary>
    public const string EnableWhenExpressionExtension = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

    /// <summary>The Questionnaire version for a knowledge base: <c>{id}:{version}:{content hash}</c>.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>The version string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public static string VersionOf(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return $"{knowledgeBase.Id}:{knowledgeBase.Version}:{knowledgeBase.ContentHash}";
    }

    /// <summary>
    /// Makes the Questionnaire of a knowledge base in its own wording. The Questionnaire's own text (group titles, the
    /// description and its disclaimer) is English or Spanish, following the text pack's language; a pack in another
    /// language gets that text in English around its own questions.
    /// </summary>
    /// <param name="knowledgeBase">The knowledge base (built in, built with the DSL, read from a JSON pack, or with overlays applied).</param>
    /// <param name="text">The text pack to word it in (for example <c>BuiltInTextPacks.Spanish</c>); gaps are filled from the base's own wording. Null: the base's own wording.</param>
    /// <param name="options">The canonical base; null for <see cref="FhirOptions.Default"/>.</param>
    /// <returns>A new Questionnaire.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    /// <exception cref="ArgumentException">The text pack was written for another knowledge base, or a finding code is also a group's linkId.</exception>
    public static Questionnaire Create(KnowledgeBase knowledgeBase, TextPack? text = null, FhirOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        options ??= FhirOptions.Default;
        if (text?.KnowledgeBaseId is { } packBase && !string.Equals(packBase, knowledgeBase.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {text.Culture} text pack was written for knowledge base '{packBase}', not '{knowledgeBase.Id}'.", nameof(text));
        }

        var words = text is null ? knowledgeBase.Text : text.WithFallback(knowledgeBase.Text);
        var clash = knowledgeBase.Findings.FirstOrDefault(f => f.Id.StartsWith(KindGroupLinkIdPrefix, StringComparison.Ordinal));
        if (clash is not null)
        {
            throw new ArgumentException($"Finding code '{clash.Id}' starts with '{KindGroupLinkIdPrefix}', which the Questionnaire keeps for its groups' linkIds.", nameof(knowledgeBase));
        }

        var wording = QuestionnaireWording.For(words.Culture);
        var questionnaire = new Questionnaire
        {
            Id = FhirIds.From($"{knowledgeBase.Id}-{words.Culture}"),
            Url = options.QuestionnaireUrl(knowledgeBase.Id),
            Version = VersionOf(knowledgeBase),
            Name = ComputerName(knowledgeBase.Id),
            Title = words.Get(TextKey.Title) ?? knowledgeBase.Id,
            Status = PublicationStatus.Active,
            Language = words.Culture,
            SubjectType = [ResourceType.Patient],
            Description = wording.Description(knowledgeBase),
        };
        if (words.Review == TextReview.NeedsClinicalReview)
        {
            questionnaire.Description += "\n\n" + (words.ReviewNote ?? "This translation has not been reviewed by a clinician.");
        }

        var redFlagFindings = RedFlagFindingIds(knowledgeBase);
        var redFlagGroup = Group(RedFlagGroupLinkId, wording.RedFlagGroupTitle);
        foreach (var finding in knowledgeBase.Findings.Where(f => redFlagFindings.Contains(f.Id)))
        {
            redFlagGroup.Item.Add(Question(finding, words, knowledgeBase, options));
        }

        if (redFlagGroup.Item.Count > 0)
        {
            questionnaire.Item.Add(redFlagGroup);
        }

        foreach (var kind in knowledgeBase.Findings.Where(f => !redFlagFindings.Contains(f.Id)).GroupBy(f => f.Kind).OrderBy(g => g.Key))
        {
            var group = Group(KindGroupLinkIdPrefix + KindSlug(kind.Key), wording.KindTitle(kind.Key));
            foreach (var finding in kind)
            {
                group.Item.Add(Question(finding, words, knowledgeBase, options));
            }

            questionnaire.Item.Add(group);
        }

        return questionnaire;
    }

    /// <summary>The codes of every finding a red-flag gate's criterion or screen names.</summary>
    internal static HashSet<string> RedFlagFindingIds(KnowledgeBase knowledgeBase)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in knowledgeBase.RedFlags)
        {
            ids.UnionWith(flag.Criterion.FindingIds());
            ids.UnionWith(flag.ScreeningFindingIds);
        }

        return ids;
    }

    /// <summary>The kebab-case name of a finding kind, for linkIds.</summary>
    internal static string KindSlug(FindingKind kind)
    {
        var name = kind.ToString();
        var slug = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                slug.Append('-');
            }

            slug.Append(char.ToLowerInvariant(name[i]));
        }

        return slug.ToString();
    }

    private static Questionnaire.ItemComponent Group(string linkId, string title) => new()
    {
        LinkId = linkId,
        Text = title,
        Type = Questionnaire.QuestionnaireItemType.Group,
    };

    private static Questionnaire.ItemComponent Question(Finding finding, TextPack words, KnowledgeBase knowledgeBase, FhirOptions options)
    {
        var name = words.Get(TextKey.FindingName(finding.Id)) ?? finding.Id;
        var clinician = words.Get(TextKey.FindingQuestion(finding.Id));
        var patient = words.Get(TextKey.FindingPatientQuestion(finding.Id));
        var item = new Questionnaire.ItemComponent
        {
            LinkId = finding.Id,
            Text = patient ?? clinician ?? name,
            Type = Questionnaire.QuestionnaireItemType.Choice,
            Code = [new Coding(options.FindingSystem(knowledgeBase.Id), finding.Id, name)],
            AnswerOption = [.. Answers.Options()],
        };
        if (clinician is not null && !string.Equals(clinician, item.Text, StringComparison.Ordinal))
        {
            item.Extension.Add(new Extension(options.ExtensionUrl(ClinicianQuestionExtension), new FhirString(clinician)));
        }

        if (finding.Sex is Sex.Female or Sex.Male)
        {
            // A one-sex finding is not asked of a patient of the other sex; a patient whose gender is not recorded is asked.
            var other = finding.Sex == Sex.Female ? "male" : "female";
            item.Extension.Add(new Extension(EnableWhenExpressionExtension, new Expression
            {
                Language = "text/fhirpath",
                Expression_ = $"%patient.gender.exists().not() or %patient.gender != '{other}'",
            }));
        }

        return item;
    }

    private static string ComputerName(string knowledgeBaseId)
    {
        var name = new StringBuilder("HipPainQuestionnaire");
        var upper = true;
        foreach (var c in knowledgeBaseId)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return name.ToString();
    }
}
