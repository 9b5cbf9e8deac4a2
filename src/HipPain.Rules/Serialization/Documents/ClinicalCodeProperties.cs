using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>A document of an item kind that declares clinical codes: it keeps them by name.</summary>
internal interface ICodedDocument
{
    /// <summary>The item's codes, by name.</summary>
    NamedTexts Codes { get; }
}

/// <summary>
/// Adds the JSON properties of the clinical codes (<see cref="ClinicalCode{T}"/>, declared beside each model type, such
/// as <see cref="Cause.Codes"/>) to the source-generated contract of the item's document, as
/// <see cref="WordingProperties"/> does for wording. Each is an optional string property that reads and writes the
/// document's <see cref="ICodedDocument.Codes"/>, so reading keeps the generator's checks (an unknown property, a value
/// that is not a string) and writing leaves out a code that is not set.
/// </summary>
/// <remarks>
/// Each code follows the one declared before it; the first follows the property its kind names below (where format
/// version 1 writes a cause's <c>icd10</c>: after its wording). So a new code needs no line here.
/// </remarks>
internal static class ClinicalCodeProperties
{
    private static readonly Dictionary<Type, (ImmutableArray<string> Codes, string After)> Kinds = new()
    {
        [typeof(CauseDocument)] = ([.. Cause.Codes.Select(c => c.Name)], "description"),
    };

    /// <summary>The source-generated contract's modifier: adds the code properties of a coded document.</summary>
    public static void Add(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !Kinds.TryGetValue(typeInfo.Type, out var kind))
        {
            return;
        }

        var previous = kind.After;
        foreach (var name in kind.Codes)
        {
            AddedProperties.InsertString(
                typeInfo,
                typeInfo.Type,
                name,
                previous,
                document => ((ICodedDocument)document).Codes[name],
                (document, value) => ((ICodedDocument)document).Codes[name] = value,
                "clinical code");
            previous = name;
        }
    }
}
