using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Accuracy;

/// <summary>How many cases of a set state one finding code, and in which state: counts only.</summary>
/// <param name="Code">The finding code.</param>
/// <param name="Present">Cases with a statement that maps to the code as present.</param>
/// <param name="Absent">Cases with a statement that maps to the code as absent (and none as present).</param>
internal sealed record StatementCount(string Code, int Present, int Absent);

/// <summary>
/// Whether the reserved batch can judge a registered change at all (<c>--reserved-statements</c>): for each finding code
/// the change weighs, how many of the batch's cases state it. A change to one finding's ratio moves a case's result only
/// where the case states that finding, so a batch in which no case states it cannot judge the change, whatever the
/// change is worth. Facts addenda 37 and 38 each spent a blind batch that way. The command prints counts over the whole
/// batch, never a case, a diagnosis or a score, and it is meant for after a pre-registration is committed (the ratios
/// fixed), so reading it chooses no weight; it is a mechanical check of the kind the batch's README allows.
/// </summary>
internal static class ReservedBatchStatements
{
    /// <summary>Counts, per code in the order given, the cases that state it present or (only) absent.</summary>
    /// <param name="cases">The cases of one set.</param>
    /// <param name="codes">The finding codes.</param>
    /// <returns>One row per code.</returns>
    /// <exception cref="ArgumentException">No code was given.</exception>
    public static ImmutableArray<StatementCount> Count(IReadOnlyList<PublishedCase> cases, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            throw new ArgumentException("Give at least one finding code.", nameof(codes));
        }

        return [.. codes.Select(code =>
        {
            var states = cases.Select(c => c.Statements.SelectMany(s => s.Codes).Where(f => f.Code == code).Select(f => f.State).ToHashSet(StringComparer.Ordinal)).ToList();
            var present = states.Count(s => s.Contains("present"));
            var absent = states.Count(s => !s.Contains("present") && s.Contains("absent"));
            return new StatementCount(code, present, absent);
        })];
    }

    /// <summary>The codes that are not findings of the knowledge base, in the order given.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="codes">The codes asked for.</param>
    /// <returns>The unknown codes; empty when every code is a finding.</returns>
    public static ImmutableArray<string> Unknown(KnowledgeBase knowledgeBase, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(codes);
        return [.. codes.Where(c => !knowledgeBase.TryGetFinding(c, out _))];
    }

    /// <summary>The command's output: one line per code and a line saying whether any case states any of them.</summary>
    /// <param name="name">The set's name and folder.</param>
    /// <param name="caseCount">How many cases the set has.</param>
    /// <param name="rows">The counts.</param>
    /// <returns>The text to print.</returns>
    public static string Render(string name, int caseCount, ImmutableArray<StatementCount> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {caseCount} cases. Counts only: no case, diagnosis or score is read out.");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {row.Code}: stated present in {row.Present}, absent in {row.Absent}");
        }

        text.AppendLine(rows.Any(r => r.Present + r.Absent > 0)
            ? "At least one case states one of these findings, so the batch can move with a change to their rules."
            : "No case states any of these findings: a change to rules that read only these findings cannot move this batch's results.");
        return text.ToString();
    }
}
