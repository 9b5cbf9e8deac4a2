using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HipPain.Rules.Cli.Output;

/// <summary>
/// Writes the command line's own JSON reports (<c>hippain-lint</c>, <c>hippain-replay</c>): one indented object that
/// opens with its <c>format</c> and <c>formatVersion</c>, with non-ASCII text written as it is.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one report.</summary>
    /// <param name="format">The value of <c>format</c>, for example <c>hippain-lint</c>.</param>
    /// <param name="formatVersion">The value of <c>formatVersion</c>.</param>
    /// <param name="members">Writes the members that follow <c>formatVersion</c>.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(string format, int formatVersion, Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("format", format);
            writer.WriteNumber("formatVersion", formatVersion);
            members(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes an array with one object per item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The array's property name.</param>
    /// <param name="items">The items, in order.</param>
    /// <param name="members">Writes one item's members.</param>
    public static void WriteObjects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> members)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            members(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an array of strings.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The array's property name.</param>
    /// <param name="values">The strings, in order.</param>
    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
