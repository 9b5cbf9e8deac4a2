using System.Text.RegularExpressions;

namespace HipPain.Rules.TestKit;

/// <summary>
/// The one path grammar of docs/errors.md ("Paths"): <c>$</c>, then <c>.name</c>, <c>[index]</c> or <c>['name']</c>
/// segments. Every <c>ValidationProblem.Path</c> the library reports from a document or a validator follows it.
/// </summary>
internal static partial class ProblemPathGrammar
{
    /// <summary>The grammar as an anchored regular expression.</summary>
    [GeneratedRegex(@"^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\]|\['([^'\\]|\\.)*'\])*$")]
    public static partial Regex Regex();
}
