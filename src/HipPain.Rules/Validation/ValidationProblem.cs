using System.Globalization;
using System.Text;

namespace HipPain.Rules.Validation;

/// <summary>
/// One problem found in the library's input: a knowledge base, an overlay, a case, a text pack, an interview state, a
/// stored result, a JSON document, or the dependency-injection options. Every reader, validator and exception of the
/// library reports its problems with this one type.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Path"/> is always a JSON path in one grammar (docs/errors.md): <c>$</c> followed by <c>.name</c>,
/// <c>[index]</c> or <c>['name']</c> segments, for example <c>$.causes[3].rules[0].ratio.positive</c> or
/// <c>$.findings['loc.groin']['name']</c>. A problem found by the C# builder is reported at the path the item has in
/// the knowledge base's JSON form (<c>KnowledgeBaseJson.Write</c>), so the same defect has the same path whether the
/// base was written in C# or read from JSON.
/// </para>
/// <para>
/// <see cref="Source"/> names the document the path points into when the caller gave more than one (a configured
/// file); <see cref="LineNumber"/> and <see cref="BytePositionInLine"/> are set when the problem was found while
/// reading JSON text and the reader knows the position.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ValidationProblem : IEquatable<ValidationProblem>
{
    /// <summary>Creates an error (<see cref="ValidationSeverity.Error"/>) without a source location.</summary>
    /// <param name="code">A stable code from <see cref="ErrorCodes"/>, for example <c>HPC001</c>.</param>
    /// <param name="path">
    /// Where the problem is, as a JSON path such as <c>$.causes[3].prior</c> or <c>$.observations[2].findingId</c>. A
    /// path that starts with <c>$</c> is kept in the grammar of docs/errors.md: a name that is not a plain name
    /// (<c>$.case. observations</c>) is written in the quoted form (<c>$.case[' observations']</c>).
    /// </param>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ValidationProblem(string code, string path, string message)
        : this(code, path, message, ValidationSeverity.Error)
    {
    }

    /// <summary>Creates a problem of the given severity without a source location.</summary>
    /// <param name="code">A stable code from <see cref="ErrorCodes"/>, for example <c>HPT005</c>.</param>
    /// <param name="path">Where the problem is, as a JSON path.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <param name="severity">Whether the input can be used as it is.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined <see cref="ValidationSeverity"/>.</exception>
    public ValidationProblem(string code, string path, string message, ValidationSeverity severity)
        : this(code, path, message, severity, null, null, null)
    {
    }

    private ValidationProblem(string code, string path, string message, ValidationSeverity severity, string? source, long? lineNumber, long? bytePositionInLine)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "The severity is not a defined ValidationSeverity; allowed: Error, Warning.");
        }

        Code = code;
        Path = ProblemPath.Normalize(path);
        Message = message;
        Severity = severity;
        Source = source;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The stable code, for example <c>HPC001</c>.</summary>
    public string Code { get; }

    /// <summary>Where the problem is, as a JSON path such as <c>$.causes[3].prior</c> (grammar in docs/errors.md).</summary>
    public string Path { get; }

    /// <summary>What is wrong and what is allowed.</summary>
    public string Message { get; }

    /// <summary>Whether the input can be used as it is; <see cref="ValidationSeverity.Error"/> unless the code is documented as a warning.</summary>
    public ValidationSeverity Severity { get; }

    /// <summary>
    /// The document <see cref="Path"/> points into, when the caller gave several: a configured file as it was
    /// configured (<c>packs/clinic.overlay.json</c>), or the option that holds an object configured in code
    /// (<c>$.Overlays[1]</c>); null when the problem is in the one input of the call that reported it.
    /// </summary>
    public string? Source { get; }

    /// <summary>The 1-based line of the offending JSON text; null when the problem was not found while reading text, or the position is unknown.</summary>
    public long? LineNumber { get; }

    /// <summary>The 1-based byte position of the offending JSON text in its line; null when <see cref="LineNumber"/> is null.</summary>
    public long? BytePositionInLine { get; }

    /// <summary>A copy of this problem that says which document its path points into.</summary>
    /// <param name="source">The document: a file as configured, or the option that holds an object; null for none.</param>
    /// <returns>The copy.</returns>
    public ValidationProblem WithSource(string? source) =>
        new(Code, Path, Message, Severity, source, LineNumber, BytePositionInLine);

    /// <summary>A copy of this problem with the position of the offending JSON text.</summary>
    /// <param name="lineNumber">The 1-based line; null when unknown.</param>
    /// <param name="bytePositionInLine">The 1-based byte position in the line; null when unknown.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is less than 1, or a byte position is given without a line.</exception>
    public ValidationProblem WithPosition(long? lineNumber, long? bytePositionInLine)
    {
        if (lineNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lineNumber), lineNumber, "A line number is 1 or more.");
        }

        if (bytePositionInLine < 1 || (bytePositionInLine is not null && lineNumber is null))
        {
            throw new ArgumentOutOfRangeException(nameof(bytePositionInLine), bytePositionInLine, "A byte position is 1 or more, and is given with its line.");
        }

        return new(Code, Path, Message, Severity, Source, lineNumber, bytePositionInLine);
    }

    /// <inheritdoc />
    public bool Equals(ValidationProblem? other) =>
        other is not null && Code == other.Code && Path == other.Path && Message == other.Message && Severity == other.Severity
        && Source == other.Source && LineNumber == other.LineNumber && BytePositionInLine == other.BytePositionInLine;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationProblem);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Path, Message, Severity, Source, LineNumber, BytePositionInLine);

    /// <summary>
    /// <c>CODE at PATH: MESSAGE</c>; a warning reads <c>CODE (warning) at …</c>, a source is put before the path
    /// (<c>SOURCE:PATH</c>) and a position after it (<c>PATH (line L, byte B)</c>).
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Code);
        if (Severity == ValidationSeverity.Warning)
        {
            text.Append(" (warning)");
        }

        text.Append(" at ");
        if (Source is not null)
        {
            text.Append(Source).Append(':');
        }

        text.Append(Path);
        if (LineNumber is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" (line {LineNumber}");
            if (BytePositionInLine is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $", byte {BytePositionInLine}");
            }

            text.Append(')');
        }

        return text.Append(": ").Append(Message).ToString();
    }
}
