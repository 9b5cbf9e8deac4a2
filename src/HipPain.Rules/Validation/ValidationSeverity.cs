namespace HipPain.Rules.Validation;

/// <summary>How much a <see cref="ValidationProblem"/> matters: whether the input can be used as it is.</summary>
/// <remarks>
/// Every problem that makes the library refuse its input (a knowledge base that does not build, a case that is not
/// triaged, a document that is not read, options that do not start) is an <see cref="Error"/>. The only warnings are
/// those of <c>pack.Check(knowledgeBase)</c> (<c>HPT001</c>, <c>HPT005</c>): the text pack can still be used, and the
/// base's own wording stands in where it has a gap (docs/errors.md).
/// </remarks>
public enum ValidationSeverity
{
    /// <summary>The input cannot be used until the problem is fixed.</summary>
    Error = 0,

    /// <summary>The input can be used; the problem is worth fixing.</summary>
    Warning = 1,
}
