using System.Text.Json.Serialization.Metadata;

namespace HipPain.Rules.Serialization.Documents;

/// <summary>
/// Inserts an optional property into a source-generated document contract, after a named property: the one step
/// <see cref="WordingProperties"/> (wording fields) and <see cref="ClinicalCodeProperties"/> (clinical codes and
/// numbers) share. The property is written only when it has a value, and read with the generator's checks (an unknown
/// property, a value of the wrong JSON type: HPJ001 at its path, line and byte, as for a declared property).
/// </summary>
internal static class AddedProperties
{
    /// <summary>Inserts the string property <paramref name="name"/> right after <paramref name="after"/>.</summary>
    /// <param name="typeInfo">The document's contract.</param>
    /// <param name="declaringType">The type that holds the store the property reads and writes.</param>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="after">The JSON name of the property it follows.</param>
    /// <param name="getter">Reads the value from a document.</param>
    /// <param name="setter">Writes the value into a document.</param>
    /// <param name="what">What the property is, for the error when <paramref name="after"/> is missing (for example "wording field").</param>
    public static void InsertString(JsonTypeInfo typeInfo, Type declaringType, string name, string after, Func<object, string?> getter, Action<object, string?> setter, string what) =>
        Insert(typeInfo, declaringType, name, after, getter, setter, what);

    /// <summary>
    /// Inserts the optional property <paramref name="name"/> of type <typeparamref name="TValue"/> (a string, or a
    /// nullable number) right after <paramref name="after"/>.
    /// </summary>
    /// <typeparam name="TValue">The property's type; the source-generated context must have its contract.</typeparam>
    /// <param name="typeInfo">The document's contract.</param>
    /// <param name="declaringType">The type that holds the store the property reads and writes.</param>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="after">The JSON name of the property it follows.</param>
    /// <param name="getter">Reads the value from a document.</param>
    /// <param name="setter">Writes the value into a document.</param>
    /// <param name="what">What the property is, for the error when <paramref name="after"/> is missing (for example "clinical number").</param>
    public static void Insert<TValue>(JsonTypeInfo typeInfo, Type declaringType, string name, string after, Func<object, TValue?> getter, Action<object, TValue?> setter, string what)
    {
        // The source generator's own factory (JsonTypeInfo.CreateJsonPropertyInfo would need reflection, not AOT-safe).
        var property = JsonMetadataServices.CreatePropertyInfo(typeInfo.Options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = declaringType,
            PropertyName = name,
            JsonPropertyName = name,
            Getter = getter,
            Setter = setter,
        });
        property.ShouldSerialize = static (_, value) => value is not null;
        var index = IndexOf(typeInfo.Properties, after);
        if (index < 0)
        {
            throw new InvalidOperationException($"The {what} '{name}' of {typeInfo.Type.Name} follows '{after}', which the document does not have.");
        }

        typeInfo.Properties.Insert(index + 1, property);
    }

    private static int IndexOf(IList<JsonPropertyInfo> properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
