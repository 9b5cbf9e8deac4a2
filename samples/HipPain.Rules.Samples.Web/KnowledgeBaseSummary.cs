using System.Text.Json;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Samples.Web;

/// <summary>What a pack's knowledge base holds, in the words of a text pack: enough for a client to draw a body map and show the stamps.</summary>
/// <param name="Pack">The pack's name.</param>
/// <param name="Packs">Every pack the app offers.</param>
/// <param name="Id">The knowledge base's id.</param>
/// <param name="Version">The knowledge base's version.</param>
/// <param name="Hash">The clinical content hash: the same content gives the same hash in every language.</param>
/// <param name="Title">The knowledge base's title in the text pack's language.</param>
/// <param name="DerivedFrom">The bases overlays were applied to, the original first.</param>
/// <param name="Text">The text pack the words are in.</param>
/// <param name="Disclaimer">The sentence every presentation carries.</param>
/// <param name="Causes">Every cause with its prior probability.</param>
/// <param name="Findings">Every finding with its questions (clinician and patient wording).</param>
/// <param name="RedFlags">Every red flag with its urgency.</param>
internal sealed record KnowledgeBaseSummary(
    string Pack,
    IReadOnlyList<string> Packs,
    string Id,
    string Version,
    string Hash,
    string? Title,
    IReadOnlyList<StampSummary> DerivedFrom,
    TextSummary Text,
    string Disclaimer,
    IReadOnlyList<CauseSummary> Causes,
    IReadOnlyList<FindingSummary> Findings,
    IReadOnlyList<RedFlagSummary> RedFlags)
{
    public static KnowledgeBaseSummary From(Pack pack, TextPack text)
    {
        var kb = pack.KnowledgeBase;
        string? Word(string section, string id, string field) => text.Get(new TextKey(section, id, field));
        return new KnowledgeBaseSummary(
            pack.Name,
            ClinicPacks.Names,
            kb.Id,
            kb.Version,
            kb.ContentHash,
            text.Get(TextKey.Title) ?? kb.Title,
            [.. kb.DerivedFrom.Select(s => new StampSummary(s.Id, s.Version, s.ContentHash))],
            new TextSummary(text.Culture, text.ContentHash, Camel(text.Review.ToString()), text.ReviewNote),
            TriageResult.Disclaimer,
            [.. kb.Causes.Select(c => new CauseSummary(c.Id, Word(TextKey.CausesSection, c.Id, "name") ?? c.Name, c.Prior, Camel(c.SuspectedUrgency.ToString())))],
            [.. kb.Findings.Select(f => new FindingSummary(
                f.Id,
                Word(TextKey.FindingsSection, f.Id, "name") ?? f.Name,
                Camel(f.Kind.ToString()),
                Camel(f.Region.ToString()),
                Word(TextKey.FindingsSection, f.Id, "question") ?? f.Question,
                Word(TextKey.FindingsSection, f.Id, "patientQuestion") ?? f.PatientQuestion))],
            [.. kb.RedFlags.Select(r => new RedFlagSummary(r.Id, Word(TextKey.RedFlagsSection, r.Id, "name") ?? r.Name, Camel(r.Urgency.ToString())))]);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>A knowledge base's stamp.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Hash">Its clinical content hash.</param>
internal sealed record StampSummary(string Id, string Version, string Hash);

/// <summary>A text pack's stamp.</summary>
/// <param name="Culture">Its culture, for example <c>es</c>.</param>
/// <param name="Hash">Its content hash.</param>
/// <param name="Review">original, needsClinicalReview or clinicallyReviewed.</param>
/// <param name="ReviewNote">The note to show beside text that needs clinical review.</param>
internal sealed record TextSummary(string Culture, string Hash, string Review, string? ReviewNote);

/// <summary>A cause.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Prior">Its prior probability for a runner presenting with hip pain.</param>
/// <param name="SuspectedUrgency">The urgency a red flag naming it escalates to.</param>
internal sealed record CauseSummary(string Id, string Name, double Prior, string SuspectedUrgency);

/// <summary>A finding.</summary>
/// <param name="Id">Its id, as a case names it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">painLocation, symptom, history, examination, investigation, ...</param>
/// <param name="Region">The body region a location finding marks (lateralHip, groinAnteriorHip, ...); none otherwise.</param>
/// <param name="Question">The clinician's question.</param>
/// <param name="PatientQuestion">The question in a patient's words, when it may be asked of a patient.</param>
internal sealed record FindingSummary(string Id, string Name, string Kind, string Region, string? Question, string? PatientQuestion);

/// <summary>A red flag.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Urgency">The urgency it sets when it fires.</param>
internal sealed record RedFlagSummary(string Id, string Name, string Urgency);
