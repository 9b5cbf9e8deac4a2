namespace HipPain.Rules.Cli.Lint;

/// <summary>One problem <c>hippain lint</c> reports.</summary>
/// <param name="Code">The stable code (docs/errors.md).</param>
/// <param name="Path">The JSON path (docs/errors.md, "Paths").</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
internal sealed record LintProblem(string Code, string Path, int Line, int Column, string Message);

/// <summary>The problems of one file.</summary>
/// <param name="File">The file as given on the command line.</param>
/// <param name="Kind"><c>knowledge-base</c> or <c>overlay</c>.</param>
/// <param name="Problems">Its problems, in the library's order.</param>
internal sealed record LintFileReport(string File, string Kind, IReadOnlyList<LintProblem> Problems);
