namespace HipPain.Rules.Validation;

/// <summary>One problem found in a knowledge base or a case.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ValidationProblem : IEquatable<ValidationProblem>
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">A stable code from <see cref="ErrorCodes"/>.</param>
    /// <param name="path">Where the problem is, for example <c>causes[gtps].rules[gtps/exam.slst].ratio.positive</c> or <c>observations[3]</c>.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ValidationProblem(string code, string path, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Path = path;
        Message = message;
    }

    /// <summary>The stable code, for example <c>HPC001</c>.</summary>
    public string Code { get; }

    /// <summary>Where the problem is.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what is allowed.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public bool Equals(ValidationProblem? other) =>
        other is not null && Code == other.Code && Path == other.Path && Message == other.Message;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationProblem);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Path, Message);

    /// <summary><c>CODE at PATH: MESSAGE</c>.</summary>
    public override string ToString() => $"{Code} at {Path}: {Message}";
}
