using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>A document of an item kind that declares enumerated fields (<see cref="ClinicalChoice{T}"/>).</summary>
internal interface IChoiceDocument
{
    /// <summary>
    /// The item's enumerated fields, each as the JSON name of its value (null: not given), in the kind's declared order
    /// (<see cref="Cause.Choices"/>, <see cref="Finding.Choices"/>, <see cref="Treatment.Choices"/>,
    /// <see cref="TreatmentRecommendation.Choices"/>). They sit in the document itself, so that reading them allocates
    /// nothing beyond the names.
    /// </summary>
    ref ChoiceSlots<string?> ChoiceNames { get; }
}

/// <summary>A document of an item kind that declares clinical codes and numbers too: it keeps them by name.</summary>
internal interface ICodedDocument : IChoiceDocument
{
    /// <summary>The item's codes, by name.</summary>
    NamedTexts Codes { get; }

    /// <summary>The item's bounded numbers, by name.</summary>
    NamedNumbers Numbers { get; }
}

/// <summary>
/// Adds the JSON properties of the clinical codes (<see cref="ClinicalCode{T}"/>, declared beside each model type, such
/// as <see cref="Cause.Codes"/>) and the bounded clinical numbers (<see cref="ClinicalNumber{T}"/>,
/// <see cref="Cause.Numbers"/>) to the source-generated contract of the item's document, as
/// <see cref="WordingProperties"/> does for wording. A code is an optional string property that reads and writes the
/// document's <see cref="ICodedDocument.Codes"/>, a number an optional integer (a whole number) or an optional
/// number (a fraction) that reads and writes its <see cref="ICodedDocument.Numbers"/>. So reading keeps the generator's checks (an unknown property, a value of the
/// wrong JSON type: HPJ001 at its path) and writing leaves out a value that is not set. The range of a number is the
/// validator's check (HPK025), as a prior's is. An enumerated field (<see cref="ClinicalChoice{T}"/>,
/// <see cref="Cause.Choices"/>, <see cref="Finding.Choices"/>, <see cref="Treatment.Choices"/>,
/// <see cref="TreatmentRecommendation.Choices"/>) is a string property that reads and writes its slot of
/// <see cref="IChoiceDocument.ChoiceNames"/>; the mapper turns the name into a value (an unknown name is HPJ004 at its
/// path, a required field left out HPJ005).
/// </summary>
/// <remarks>
/// Each code follows the one declared before it; the first follows the property its kind names below (where format
/// version 1 writes a cause's <c>icd10</c>: after its wording; a finding's <c>kind</c>: after its name, which
/// <see cref="WordingProperties"/> added; a recommendation's <c>line</c>: after its <c>treatmentId</c>, in a cause's
/// recommendations and in an overlay's added ones). The numbers follow the last code, in their declared order.
/// An enumerated field follows the property its declaration names, or else the one declared before it (the first: the
/// last number or code). So a new code, number or enumerated field needs no line here.
/// </remarks>
internal static class ClinicalCodeProperties
{
    // A recommendation's fields, in a cause's recommendations and in an overlay's addRecommendations alike (declared
    // before the table that reads them).
    private static readonly ImmutableArray<Declared> Recommendations = Of<TreatmentRecommendation>([], [], TreatmentRecommendation.Choices);

    private static readonly Dictionary<Type, (string After, ImmutableArray<Declared> Properties)> Kinds = new()
    {
        [typeof(CauseDocument)] = ("description", Of(Cause.Codes, Cause.Numbers, Cause.Choices)),
        [typeof(FindingDocument)] = ("name", Of<Finding>([], Finding.Numbers, Finding.Choices)),
        [typeof(FindingNumbersDocument)] = ("id", Of<Finding>([], Finding.Numbers, [])),
        [typeof(TreatmentDocument)] = ("name", Of<Treatment>([], [], Treatment.Choices)),
        [typeof(RecommendationDocument)] = ("treatmentId", Recommendations),
        [typeof(OverlayRecommendationDocument)] = ("treatmentId", Recommendations),
    };

    /// <summary>The source-generated contract's modifier: adds the code, number and enumerated-field properties of a coded document.</summary>
    public static void Add(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !Kinds.TryGetValue(typeInfo.Type, out var kind))
        {
            return;
        }

        var previous = kind.After;
        foreach (var property in kind.Properties)
        {
            property.Insert(typeInfo, property.After ?? previous);
            previous = property.Name;
        }
    }

    /// <summary>A kind's declared properties in the order they are inserted: its codes, its numbers, its enumerated fields.</summary>
    private static ImmutableArray<Declared> Of<T>(ImmutableArray<ClinicalCode<T>> codes, ImmutableArray<ClinicalNumber<T>> numbers, ImmutableArray<ClinicalChoice<T>> choices) =>
    [
        .. codes.Select(code => Text(code.Name, null, document => document.Codes, "clinical code")),
        .. numbers.Select(number => new Declared(number.Name, null, number.IsWhole
            ? (typeInfo, after) => AddedProperties.Insert<int?>(
                typeInfo,
                typeInfo.Type,
                number.Name,
                after,
                document => WholeOrNull(((ICodedDocument)document).Numbers[number.Name]),
                (document, value) => ((ICodedDocument)document).Numbers[number.Name] = value,
                "clinical number")
            : (typeInfo, after) => AddedProperties.Insert<double?>(
                typeInfo,
                typeInfo.Type,
                number.Name,
                after,
                document => ((ICodedDocument)document).Numbers[number.Name],
                (document, value) => ((ICodedDocument)document).Numbers[number.Name] = value,
                "clinical number"))),
        .. choices.Select((choice, index) => new Declared(choice.Name, choice.After, (typeInfo, after) => AddedProperties.InsertString(
            typeInfo,
            typeInfo.Type,
            choice.Name,
            after,
            document => ((IChoiceDocument)document).ChoiceNames[index],
            (document, value) => ((IChoiceDocument)document).ChoiceNames[index] = value,
            "enumerated field"))),
    ];

    /// <summary>
    /// A whole number's value as its integer property writes it. The store only ever holds whole 32-bit values for a whole
    /// number: JSON reads it through this integer property, and its builder method takes an <see cref="int"/> (as
    /// <c>TypicalAgeFrom(int? years)</c> would), so a base or an overlay built in C# cannot give it a fraction. A value
    /// out of its declared range is still written as it is, for the validator to report (HPK025). Anything else is a
    /// broken invariant, not input, and throws rather than being rounded.
    /// </summary>
    private static int? WholeOrNull(double? value) => value switch
    {
        null => null,
        { } v when v == Math.Floor(v) && v >= int.MinValue && v <= int.MaxValue => (int)v,
        { } v => throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A whole clinical number holds {v}, which the validator refuses; only a validated base is written.")),
    };

    /// <summary>A string property that reads and writes one of the document's codes.</summary>
    private static Declared Text(string name, string? after, Func<ICodedDocument, NamedTexts> store, string what) =>
        new(name, after, (typeInfo, previous) => AddedProperties.InsertString(
            typeInfo,
            typeInfo.Type,
            name,
            previous,
            document => store((ICodedDocument)document)[name],
            (document, value) => store((ICodedDocument)document)[name] = value,
            what));

    /// <summary>
    /// One declared property: its JSON name, the property its declaration puts it after (null: the one inserted before
    /// it), and the insertion into a contract after a given property.
    /// </summary>
    private sealed record Declared(string Name, string? After, Action<JsonTypeInfo, string> Insert);
}
