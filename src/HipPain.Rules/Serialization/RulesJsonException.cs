using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Thrown when a JSON document (a knowledge base, an overlay or a case) cannot be read at all: it is not
/// well-formed or not of the format's shape (<c>HPJ001</c>), its <c>formatVersion</c> is missing or unknown
/// (<c>HPJ002</c>), or it exceeds a size, depth or item limit (<c>HPJ003</c>). Problems in the content of a
/// readable document are not thrown one by one: they are collected into a validation exception instead.
/// </summary>
/// <remarks>
/// A <see cref="ValidationException"/> like the others: <see cref="ValidationException.Problems"/> holds the one
/// problem, with its code, JSON path, line and byte position. <see cref="Code"/>, <see cref="JsonPath"/>,
/// <see cref="LineNumber"/> and <see cref="BytePositionInLine"/> are that problem's.
/// </remarks>
public sealed class RulesJsonException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The stable code, for example <c>HPJ001</c>.</param>
    /// <param name="message">What is wrong, without the location (the location is appended).</param>
    /// <param name="jsonPath">Where, as a JSON path such as <c>$.causes[3].prior</c>; null when unknown (the problem's path is then <c>$</c>).</param>
    /// <param name="lineNumber">The 1-based line; null when unknown.</param>
    /// <param name="bytePositionInLine">The 1-based byte position in the line; null when unknown.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="message"/> is null.</exception>
    public RulesJsonException(string code, string message, string? jsonPath, long? lineNumber, long? bytePositionInLine, Exception? innerException = null)
        : this(Problem(code, message, jsonPath, lineNumber, bytePositionInLine), jsonPath, innerException)
    {
    }

    private RulesJsonException(ValidationProblem problem, string? jsonPath, Exception? innerException)
        : base(problem.ToString(), [problem], innerException)
    {
        Code = problem.Code;
        JsonPath = jsonPath is null ? null : problem.Path;
        LineNumber = problem.LineNumber;
        BytePositionInLine = problem.BytePositionInLine;
    }

    /// <summary>The stable code: <c>HPJ001</c>, <c>HPJ002</c> or <c>HPJ003</c> (see <see cref="Validation.ErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>The JSON path of the offending value, for example <c>$.causes[3].rules[0].ratio.positive</c>, in the grammar of docs/errors.md; null when unknown.</summary>
    public string? JsonPath { get; }

    /// <summary>The 1-based line of the offending value; null when unknown.</summary>
    public long? LineNumber { get; }

    /// <summary>The 1-based byte position of the offending value in its line; null when unknown.</summary>
    public long? BytePositionInLine { get; }

    private static ValidationProblem Problem(string code, string message, string? jsonPath, long? line, long? position)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        var problem = new ValidationProblem(code, jsonPath ?? "$", message);
        return line is >= 1 ? problem.WithPosition(line, position is >= 1 ? position : null) : problem;
    }
}
