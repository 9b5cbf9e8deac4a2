using System.Collections.Immutable;
using System.Text;

namespace HipPain.Rules.Validation;

/// <summary>
/// The base of every exception the library throws for bad input: each carries every problem found, as
/// <see cref="ValidationProblem"/>s with a code, a severity and a JSON path, so one <c>catch (ValidationException)</c>
/// sees them all (JSON that cannot be read, <see cref="Serialization.RulesJsonException"/>, included).
/// </summary>
public abstract class ValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subject">What was validated, for the message: "knowledge base 'x'" or "case".</param>
    /// <param name="problems">Every problem found; at least one.</param>
    protected ValidationException(string subject, IEnumerable<ValidationProblem> problems)
        : this(subject, [.. problems ?? throw new ArgumentNullException(nameof(problems))])
    {
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    /// <param name="message">The message.</param>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected ValidationException(string message, IEnumerable<ValidationProblem> problems, Exception? innerException)
        : base(message, innerException) =>
        Problems = [.. problems ?? throw new ArgumentNullException(nameof(problems))];

    private ValidationException(string subject, ImmutableArray<ValidationProblem> problems)
        : base(Format(subject, problems)) => Problems = problems;

    /// <summary>Every problem found, in a stable order.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    private static string Format(string subject, ImmutableArray<ValidationProblem> problems)
    {
        var text = new StringBuilder();
        text.Append("The ").Append(subject).Append(" is invalid (")
            .Append(problems.Length).Append(problems.Length == 1 ? " problem):" : " problems):");
        foreach (var problem in problems)
        {
            text.AppendLine().Append("  ").Append(problem);
        }

        return text.ToString();
    }
}

/// <summary>Thrown by <c>KnowledgeBaseBuilder.Build</c> when the knowledge base has problems; lists them all.</summary>
public sealed class KnowledgeBaseValidationException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="knowledgeBaseId">The id of the knowledge base being built.</param>
    /// <param name="problems">Every problem found.</param>
    public KnowledgeBaseValidationException(string knowledgeBaseId, IEnumerable<ValidationProblem> problems)
        : base($"knowledge base '{knowledgeBaseId}'", problems)
    {
    }
}

/// <summary>Thrown by <c>TriageEngine.Triage</c> when a case has problems; lists them all.</summary>
public sealed class CaseValidationException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public CaseValidationException(IEnumerable<ValidationProblem> problems)
        : base("case", problems)
    {
    }
}

/// <summary>Thrown when a text pack read from JSON has invalid text; lists every problem.</summary>
public sealed class TextPackValidationException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="culture">The pack's culture, for the message.</param>
    /// <param name="problems">Every problem found.</param>
    public TextPackValidationException(string culture, IEnumerable<ValidationProblem> problems)
        : base($"text pack '{culture}'", problems)
    {
    }
}

/// <summary>Thrown when an interview state, or an answer to an interview step, does not fit the interviewer; lists every problem.</summary>
public sealed class InterviewStateException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public InterviewStateException(IEnumerable<ValidationProblem> problems)
        : base("interview state", problems)
    {
    }
}

/// <summary>Thrown when a result document does not fit the engine it is replayed on, or differs from the replay; lists every problem.</summary>
public sealed class ResultValidationException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public ResultValidationException(IEnumerable<ValidationProblem> problems)
        : base("result", problems)
    {
    }
}
