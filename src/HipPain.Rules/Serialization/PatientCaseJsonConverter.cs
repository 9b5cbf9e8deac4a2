using System.Text.Json;
using System.Text.Json.Serialization;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Binds <see cref="PatientCase"/> in the case JSON format (version 1) wherever System.Text.Json reads or writes
/// one: ASP.NET Core minimal APIs and MVC, a case nested in a larger request body, an application's own
/// source-generated <see cref="JsonSerializerContext"/>. <see cref="PatientCase"/> names this converter in a
/// <see cref="JsonConverterAttribute"/>, so nothing needs registering; the converter uses the library's own
/// source-generated context, so it is trim- and AOT-safe.
/// </summary>
/// <remarks>
/// A case that cannot be read is reported as a <see cref="JsonException"/> (the type every framework turns into an
/// HTTP 400), whose message starts with the library's code and the path inside the case, for example
/// <c>HPJ004 at $.observations[0].state: 'yes' is not an allowed value; allowed: unknown, present, absent.</c>, and
/// whose <see cref="Exception.InnerException"/> is the <see cref="RulesJsonException"/> or
/// <see cref="CaseValidationException"/> that <see cref="CaseJson"/> throws, with every problem.
/// System.Text.Json sets <see cref="JsonException.Path"/> to where the case sits in the outer document.
/// </remarks>
/// <threadsafety>Thread-safe: the converter keeps no state.</threadsafety>
public sealed class PatientCaseJsonConverter : JsonConverter<PatientCase>
{
    /// <summary>Reads a case object in the case format.</summary>
    /// <param name="reader">The reader, on the case object.</param>
    /// <param name="typeToConvert">The type to convert: <see cref="PatientCase"/>.</param>
    /// <param name="options">The serializer's options (not used: the case format is fixed).</param>
    /// <returns>The case.</returns>
    /// <exception cref="JsonException">The value is not a readable case; the message gives the code and path, the inner exception every problem.</exception>
    public override PatientCase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return CaseJson.Read(ref reader);
        }
        catch (RulesJsonException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
        catch (CaseValidationException ex)
        {
            throw new JsonException(string.Join(" ", ex.Problems), ex);
        }
    }

    /// <summary>Writes a case in the case format.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The case.</param>
    /// <param name="options">The serializer's options (not used: the case format is fixed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, PatientCase value, JsonSerializerOptions options) => CaseJson.Write(value, writer);
}
