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
/// Of the cases that state a finding code present, how many also state present another finding that one of the cause's
/// evidence groups counts once with it: counts only.
/// </summary>
/// <param name="Code">The finding code.</param>
/// <param name="Present">Cases that state the code present.</param>
/// <param name="WithAGroupMate">Of those, the cases that also state present another finding of a group holding the code's rule.</param>
/// <param name="Groups">The ids of the cause's groups that hold a rule reading the code, in the base's order.</param>
internal sealed record GroupMateCount(string Code, int Present, int WithAGroupMate, ImmutableArray<string> Groups);

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

    /// <summary>
    /// For each code, how many of the cases that state it present also state present another finding that an evidence
    /// group of <paramref name="causeId"/> counts once with it. A group counts its strongest member for, so a change to
    /// the code's rule can be hidden in those cases by a stronger mate (addendum 39's M1 was: the one strain case stating
    /// a recent sports injury also stated a sudden onset). A count here is a warning, not a verdict: whether the mate is
    /// stronger depends on the ratios the change registers.
    /// </summary>
    /// <param name="knowledgeBase">The knowledge base whose groups are read.</param>
    /// <param name="causeId">The cause whose rules the change touches.</param>
    /// <param name="cases">The cases (usually those of <paramref name="causeId"/>).</param>
    /// <param name="codes">The finding codes.</param>
    /// <returns>One row per code; a code that no group of the cause reads has no groups and a zero count.</returns>
    public static ImmutableArray<GroupMateCount> GroupMates(KnowledgeBase knowledgeBase, string causeId, IReadOnlyList<PublishedCase> cases, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(codes);
        var findingsOfRule = knowledgeBase.RulesFor(causeId).ToDictionary(r => r.Id, r => r.FindingIds(), StringComparer.Ordinal);
        IReadOnlyList<string> FindingsOf(EvidenceGroupMember member) =>
            findingsOfRule.TryGetValue(member.RuleId, out var findings) ? findings : [];

        var groups = knowledgeBase.GroupsFor(causeId);
        return [.. codes.Select(code =>
        {
            var holding = groups.Where(g => g.Members.Any(m => FindingsOf(m).Contains(code))).ToImmutableArray();
            var mates = holding.SelectMany(g => g.Members).SelectMany(FindingsOf).Where(f => f != code).ToHashSet(StringComparer.Ordinal);
            var present = cases.Where(c => StatesPresent(c, code)).ToList();
            return new GroupMateCount(
                code,
                present.Count,
                present.Count(c => mates.Any(m => StatesPresent(c, m))),
                [.. holding.Select(g => g.Id)]);
        })];
    }

    /// <summary>The lines <see cref="GroupMates"/> adds to the output, one per code that a group of the cause reads.</summary>
    /// <param name="rows">The counts.</param>
    /// <returns>The text to print; empty when no code is read by a group.</returns>
    public static string RenderGroupMates(ImmutableArray<GroupMateCount> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Where(r => !r.Groups.IsEmpty))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {row.Code}: of the {row.Present} stating it present, {row.WithAGroupMate} also state another finding of {string.Join(" or ", row.Groups)}, which counts once and may count a stronger mate instead");
        }

        return text.ToString();
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

    private static bool StatesPresent(PublishedCase c, string code) =>
        c.Statements.Any(s => s.Codes.Any(f => f.Code == code && f.State == "present"));
}
