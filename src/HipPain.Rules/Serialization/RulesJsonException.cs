using System.Globalization;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Thrown when a JSON document (a knowledge base, an overlay or a case) cannot be read at all: it is not
/// well-formed or not of the format's shape (<c>HPJ001</c>), its <c>formatVersion</c> is missing or unknown
/// (<c>HPJ002</c>), or it exceeds a size, depth or item limit (<c>HPJ003</c>). Problems in the content of a
/// readable document are not thrown one by one: they are collected into a validation exception instead.
/// </summary>
public sealed class RulesJsonException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable code, for example <c>HPJ001</c>.</param>
    /// <param name="message">What is wrong, without the location (the location is appended).</param>
    /// <param name="jsonPath">Where, as a JSON path such as <c>$.causes[3].prior</c>; null when unknown.</param>
    /// <param name="lineNumber">The 1-based line; null when unknown.</param>
    /// <param name="bytePositionInLine">The 1-based byte position in the line; null when unknown.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="message"/> is null.</exception>
    public RulesJsonException(string code, string message, string? jsonPath, long? lineNumber, long? bytePositionInLine, Exception? innerException = null)
        : base(Format(code ?? throw new ArgumentNullException(nameof(code)), message ?? throw new ArgumentNullException(nameof(message)), jsonPath, lineNumber, bytePositionInLine), innerException)
    {
        Code = code;
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The stable code: <c>HPJ001</c>, <c>HPJ002</c> or <c>HPJ003</c> (see <see cref="Validation.ErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>The JSON path of the offending value, for example <c>$.causes[3].rules[0].ratio.positive</c>; null when unknown.</summary>
    public string? JsonPath { get; }

    /// <summary>The 1-based line of the offending value; null when unknown.</summary>
    public long? LineNumber { get; }

    /// <summary>The 1-based byte position of the offending value in its line; null when unknown.</summary>
    public long? BytePositionInLine { get; }

    private static string Format(string code, string message, string? jsonPath, long? line, long? position)
    {
        var where = jsonPath ?? "$";
        if (line is not null)
        {
            where += string.Create(CultureInfo.InvariantCulture, $" (line {line}, byte {position})");
        }

        return $"{code} at {where}: {message}";
    }
}
