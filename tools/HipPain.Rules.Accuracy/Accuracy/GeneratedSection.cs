namespace HipPain.Rules.Accuracy;

/// <summary>
/// Splices generated markdown into a document below a marker line, keeping the hand-written text above it.
/// </summary>
internal static class GeneratedSection
{
    /// <summary>The line that separates the hand-written header from the generated part.</summary>
    public const string Marker = "<!-- GENERATED BELOW: do not edit by hand; see the header for the command that regenerates it. -->";

    /// <summary>Returns the hand-written header of <paramref name="existing"/> followed by the marker and <paramref name="generated"/>.</summary>
    /// <param name="existing">The document as it stands.</param>
    /// <param name="generated">The freshly generated part.</param>
    /// <exception cref="InvalidDataException">The document has no marker line.</exception>
    public static string Splice(string existing, string generated)
    {
        var text = existing.Replace("\r\n", "\n", StringComparison.Ordinal);
        var index = text.IndexOf(Marker, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidDataException($"The document has no marker line '{Marker}'.");
        }

        return text[..index] + Marker + "\n\n" + generated.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
    }
}
