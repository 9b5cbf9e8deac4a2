using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>A document of an item kind that declares clinical codes and numbers: it keeps them by name.</summary>
internal interface ICodedDocument
{
    /// <summary>The item's codes, by name.</summary>
    NamedTexts Codes { get; }

    /// <summary>The item's bounded numbers, by name.</summary>
    NamedNumbers Numbers { get; }

    /// <summary>The item's enumerated fields, by name, each as the JSON name of its value.</summary>
    NamedTexts Choices { get; }
}

/// <summary>
/// Adds the JSON properties of the clinical codes (<see cref="ClinicalCode{T}"/>, declared beside each model type, such
/// as <see cref="Cause.Codes"/>) and the bounded clinical numbers (<see cref="ClinicalNumber{T}"/>,
/// <see cref="Cause.Numbers"/>) to the source-generated contract of the item's document, as
/// <see cref="WordingProperties"/> does for wording. A code is an optional string property that reads and writes the
/// document's <see cref="ICodedDocument.Codes"/>, a number an optional integer that reads and writes its
/// <see cref="ICodedDocument.Numbers"/>. So reading keeps the generator's checks (an unknown property, a value of the
/// wrong JSON type: HPJ001 at its path) and writing leaves out a value that is not set. The range of a number is the
/// validator's check (HPK025), as a prior's is. An enumerated field (<see cref="ClinicalChoice{T}"/>,
/// <see cref="Cause.Choices"/>) is an optional string property that reads and writes its
/// <see cref="ICodedDocument.Choices"/>; the mapper turns the name into a value (an unknown name is HPJ004 at its path).
/// </summary>
/// <remarks>
/// Each code follows the one declared before it; the first follows the property its kind names below (where format
/// version 1 writes a cause's <c>icd10</c>: after its wording). The numbers follow the last code, in their declared order.
/// An enumerated field follows the property its declaration names, or else the one declared before it (the first: the
/// last number or code). So a new code, number or enumerated field needs no line here.
/// </remarks>
internal static class ClinicalCodeProperties
{
    private static readonly Dictionary<Type, (ImmutableArray<string> Codes, ImmutableArray<string> Numbers, ImmutableArray<(string Name, string? After)> Choices, string After)> Kinds = new()
    {
        [typeof(CauseDocument)] = ([.. Cause.Codes.Select(c => c.Name)], [.. Cause.Numbers.Select(n => n.Name)], [.. Cause.Choices.Select(c => (c.Name, c.After))], "description"),
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

        foreach (var name in kind.Numbers)
        {
            AddedProperties.Insert<int?>(
                typeInfo,
                typeInfo.Type,
                name,
                previous,
                document => ((ICodedDocument)document).Numbers[name],
                (document, value) => ((ICodedDocument)document).Numbers[name] = value,
                "clinical number");
            previous = name;
        }

        foreach (var (name, after) in kind.Choices)
        {
            AddedProperties.InsertString(
                typeInfo,
                typeInfo.Type,
                name,
                after ?? previous,
                document => ((ICodedDocument)document).Choices[name],
                (document, value) => ((ICodedDocument)document).Choices[name] = value,
                "enumerated field");
            previous = name;
        }
    }
}
