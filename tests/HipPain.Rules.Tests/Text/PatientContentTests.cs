using System.Text.RegularExpressions;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Text;

/// <summary>
/// Issue 18 item 6: patient content as data, each piece cited. Every cause of the built-in base has a plain-language
/// explanation (what it is, what to do now, when to seek care) in every shipped language, each piece citing works
/// the base itself cites; the seed page's FAQ is answered the same way; and the wording agrees with the cause's
/// urgency.
/// </summary>
public sealed partial class PatientContentTests
{
    private static readonly string[] EnglishLabels = ["What it is", "What to do now", "When to seek care"];
    private static readonly string[] SpanishLabels = ["Qué es", "Qué hacer ahora", "Cuándo consultar"];

    /// <summary>The seed page's six questions.</summary>
    private static readonly string[] SeedQuestions =
    [
        "How do I relieve hip pain from running?",
        "What causes hip pain in runners?",
        "Does running damage hips?",
        "How do I strengthen my hips for running?",
        "Is it OK to run with hip pain?",
        "Does running weaken your hips?",
    ];

    public static TheoryData<string> CauseIds => [.. BuiltInKnowledgeBase.Instance.Causes.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CauseIds))]
    public void EnglishPack_EveryCause_HasTheThreeExplanationsAndTheirSources(string causeId)
    {
        var pack = BuiltInTextPacks.English;

        Assert.False(string.IsNullOrWhiteSpace(pack.Get(TextKey.CauseWhatItIs(causeId))), "whatItIs");
        Assert.False(string.IsNullOrWhiteSpace(pack.Get(TextKey.CauseWhatToDoNow(causeId))), "whatToDoNow");
        Assert.False(string.IsNullOrWhiteSpace(pack.Get(TextKey.CauseWhenToSeekCare(causeId))), "whenToSeekCare");
        var pieces = Pieces(pack.Get(TextKey.CausePatientSources(causeId))!, EnglishLabels);
        Assert.All(pieces, piece => Assert.NotEmpty(piece));
    }

    [Theory]
    [MemberData(nameof(CauseIds))]
    public void PatientSources_EveryCitation_NamesAWorkTheBaseCites(string causeId)
    {
        var citations = BaseCitations();

        var unknown = Pieces(BuiltInTextPacks.English.Get(TextKey.CausePatientSources(causeId))!, EnglishLabels)
            .SelectMany(piece => piece)
            .Where(citation => !IsCitedByBase(citation, citations));

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(CauseIds))]
    public void SpanishPack_PatientSources_CiteTheSameWorksAsTheEnglish(string causeId)
    {
        var english = Pieces(BuiltInTextPacks.English.Get(TextKey.CausePatientSources(causeId))!, EnglishLabels);
        var spanish = Pieces(BuiltInTextPacks.Spanish.Get(TextKey.CausePatientSources(causeId))!, SpanishLabels);

        Assert.Equal(english, spanish);
    }

    [Theory]
    [MemberData(nameof(CauseIds))]
    public void WhenToSeekCare_UrgentOrEmergencyCause_SaysHowSoonInEveryLanguage(string causeId)
    {
        Assert.True(BuiltInKnowledgeBase.Instance.TryGetCause(causeId, out var cause));
        var english = BuiltInTextPacks.English.Get(TextKey.CauseWhenToSeekCare(causeId))!;
        var spanish = BuiltInTextPacks.Spanish.Get(TextKey.CauseWhenToSeekCare(causeId))!;

        switch (cause.SuspectedUrgency)
        {
            case Urgency.Emergency:
                Assert.Contains("emergency", english, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("urgencia", spanish, StringComparison.OrdinalIgnoreCase);
                break;
            case Urgency.Urgent:
                Assert.Contains("Within days", english, StringComparison.Ordinal);
                Assert.Contains("En pocos días", spanish, StringComparison.Ordinal);
                break;
            default:
                Assert.DoesNotContain("Within days", english, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void Faq_SeedPageQuestions_EachAnsweredWithSourcesTheBaseCites()
    {
        var pack = BuiltInTextPacks.English;
        var faqIds = pack.Keys.Where(k => k.Section == TextKey.FaqSection).Select(k => k.Id).Distinct().ToList();
        var citations = BaseCitations();

        var questions = faqIds.Select(id => pack.Get(TextKey.FaqQuestion(id))).ToList();

        Assert.Equal(SeedQuestions.Order(StringComparer.Ordinal), questions.Order(StringComparer.Ordinal));
        Assert.All(faqIds, id =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pack.Get(TextKey.FaqAnswer(id))), id);
            var sources = SplitCitations(pack.Get(TextKey.FaqSources(id))!);
            Assert.NotEmpty(sources);
            Assert.DoesNotContain(sources, s => !IsCitedByBase(s, citations));
            Assert.Equal(pack.Get(TextKey.FaqSources(id)), BuiltInTextPacks.Spanish.Get(TextKey.FaqSources(id)));
        });
    }

    [Fact]
    public void Faq_ClaimsTheEvidenceDoesNotSupport_AreNotRepeated()
    {
        var pack = BuiltInTextPacks.English;
        var answers = string.Join("\n", pack.Keys.Where(k => k.Section == TextKey.FaqSection && k.Field == "answer").Select(k => pack.Get(k)));

        // The seed page: "it is not OK to run with hip pain", prolotherapy as a "permanent fix", bursitis as the most common cause.
        Assert.Contains("not a flat no", answers, StringComparison.Ordinal);
        Assert.Contains("not a permanent fix", answers, StringComparison.Ordinal);
        Assert.Contains("claim that bursitis is the most common cause is not supported", answers, StringComparison.Ordinal);
    }

    /// <summary>The three labelled pieces of a <c>patientSources</c> text, each a list of citations.</summary>
    private static List<List<string>> Pieces(string sources, string[] labels)
    {
        var match = Regex.Match(sources, $"^{labels[0]}: (.+?) {labels[1]}: (.+?) {labels[2]}: (.+)$");
        Assert.True(match.Success, $"'{sources}' does not have the three labelled parts {string.Join(", ", labels)}.");
        return [.. match.Groups.Values.Skip(1).Select(g => SplitCitations(g.Value))];
    }

    private static List<string> SplitCitations(string text) =>
        [.. text.TrimEnd('.').Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A citation such as "Mellor 2018" names a work the base cites: a citation with its first word and its year.</summary>
    private static bool IsCitedByBase(string citation, IReadOnlyList<string> baseCitations)
    {
        var first = citation.Split(' ')[0];
        var year = YearPattern().Match(citation);
        return baseCitations.Any(c => c.Contains(first, StringComparison.Ordinal) && (!year.Success || c.Contains(year.Value, StringComparison.Ordinal)));
    }

    /// <summary>The base's citations and evidence notes: a work named in either is one the base cites.</summary>
    private static List<string> BaseCitations()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        IEnumerable<Evidence> evidence =
        [
            .. kb.Treatments.Select(t => t.Evidence),
            .. kb.Causes.Select(c => c.PriorEvidence),
            .. kb.Causes.SelectMany(c => c.Recommendations).Where(r => r.Evidence is not null).Select(r => r.Evidence!),
            .. kb.Rules.Select(r => r.Evidence),
            .. kb.RedFlags.Select(f => f.Evidence),
        ];
        return [.. evidence.SelectMany(e => e.Note is null ? [e.Citation] : new[] { e.Citation, e.Note })];
    }

    [GeneratedRegex(@"\b(1[89]|20)\d\d\b")]
    private static partial Regex YearPattern();
}
