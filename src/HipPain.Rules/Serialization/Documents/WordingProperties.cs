using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>
/// Adds the wording properties of the JSON documents from the wording catalogue (Model/Wording.cs), so that no document
/// declares one C# property per wording field. Each worded document gets one string property for every field its kind
/// marks rewordable; a text change gets those of the four kinds an overlay rewords. The properties read and write the
/// document's wording store, so reading keeps the source-generated checks (unknown properties, wrong JSON types) and
/// writing leaves out a field without text, like the typed properties around them.
/// </summary>
/// <remarks>
/// Each field follows the field before it in the catalogue, or the document's <c>id</c> when it is the kind's first,
/// except where format version 1 writes it elsewhere (<see cref="Layout"/>). So a new field needs no line here.
/// </remarks>
internal static class WordingProperties
{
    /// <summary>
    /// The rewordable fields of the four kinds an overlay rewords (findings, treatments, causes, red flags), in the
    /// order a text change writes them.
    /// </summary>
    public static ImmutableArray<string> TextChangeFields { get; } = OrderedUnion();

    /// <summary>
    /// Where format version 1 writes a wording field that does not follow the field before it (or <c>id</c>): the
    /// property it follows, by document type (a derived overlay document reads its base type's entry).
    /// </summary>
    private static readonly Dictionary<Type, Dictionary<string, string>> Layout = new()
    {
        [typeof(RuleDocument)] = new(StringComparer.Ordinal) { ["description"] = "evidence" },
        [typeof(RedFlagDocument)] = new(StringComparer.Ordinal) { ["action"] = "urgency" },
    };

    /// <summary>The source-generated contract's modifier: adds the wording properties of a worded document.</summary>
    public static void Add(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(WordedDocument).IsAssignableFrom(typeInfo.Type))
        {
            return;
        }

        var (fields, layout) = FieldsOf(typeInfo.Type);
        var previous = "id";
        foreach (var field in fields)
        {
            AddedProperties.InsertString(
                typeInfo,
                typeof(WordedDocument),
                field,
                layout.GetValueOrDefault(field) ?? previous,
                document => ((WordedDocument)document).Get(field),
                (document, text) => ((WordedDocument)document).Set(field, text),
                "wording field");
            previous = field;
        }
    }

    private static (IEnumerable<string> Fields, Dictionary<string, string> Layout) FieldsOf(Type document)
    {
        var fields = document == typeof(TextChangeDocument) ? TextChangeFields : KindOf(document).Rewordable;
        for (var type = document; type != typeof(WordedDocument) && type is not null; type = type.BaseType)
        {
            if (Layout.TryGetValue(type, out var layout))
            {
                return (fields, layout);
            }
        }

        return (fields, []);
    }

    private static WordingKind KindOf(Type document) =>
        document == typeof(FindingDocument) ? Finding.Wording
        : document == typeof(TreatmentDocument) ? Treatment.Wording
        : document == typeof(CauseDocument) ? Cause.Wording
        : typeof(RuleDocument).IsAssignableFrom(document) ? DiagnosticRule.Wording
        : typeof(GroupDocument).IsAssignableFrom(document) ? EvidenceGroup.Wording
        : document == typeof(RedFlagDocument) ? RedFlag.Wording
        : throw new InvalidOperationException($"{document.Name} is a worded document of no kind in the wording catalogue.");

    /// <summary>The text change's layout order first, then any other rewordable field in catalogue order.</summary>
    private static ImmutableArray<string> OrderedUnion()
    {
        string[] laidOut = ["name", "description", "question", "patientQuestion", "action"];
        WordingKind[] reworded = [Finding.Wording, Treatment.Wording, Cause.Wording, RedFlag.Wording];
        var rewordable = reworded.SelectMany(k => k.Rewordable).Distinct(StringComparer.Ordinal).ToList();
        return [.. laidOut.Where(rewordable.Contains), .. rewordable.Where(f => !laidOut.Contains(f))];
    }
}
