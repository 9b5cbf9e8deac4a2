using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The dense arrays the scoring loop reads. Single-finding rules are laid out per finding in compressed
/// sparse rows (for finding <c>f</c>, entries <c>FindingRuleStart[f]</c> up to <c>FindingRuleStart[f + 1]</c>
/// hold a cause index and the natural log of the likelihood ratio for Present and for Absent); every other
/// rule (composite, age, sex) is a flat row of cause index, criterion root and the two log ratios.
/// </summary>
/// <remarks>
/// Summation order is fixed: the prior log-odds, then the single-finding rules of each stated finding in
/// finding-index order (within a finding in authoring order), then the other rules in authoring order. The
/// same input therefore always gives bitwise the same output.
/// </remarks>
internal sealed class ScoringTables
{
    public ScoringTables(KnowledgeBase knowledgeBase, Dictionary<string, int> findingIndex, Dictionary<string, int> causeIndex, CriterionProgram program)
    {
        FindingCount = knowledgeBase.Findings.Length;
        CauseCount = knowledgeBase.Causes.Length;
        PriorLogOdds = [.. knowledgeBase.Causes.Select(c => Logit(c.Prior))];

        var single = new List<(int Finding, int Cause, double IfPresent, double IfAbsent)>();
        var general = new List<(int Cause, int Root, double IfMet, double IfNotMet)>();
        foreach (var rule in knowledgeBase.Rules)
        {
            var cause = causeIndex[rule.CauseId];
            var (logPositive, logNegative) = (Math.Log(rule.Ratio.Positive), Math.Log(rule.Ratio.Negative));
            if (rule.Criterion is FindingCriterion f)
            {
                var present = f.Expected == FindingState.Present;
                single.Add((findingIndex[f.FindingId], cause, present ? logPositive : logNegative, present ? logNegative : logPositive));
            }
            else
            {
                general.Add((cause, program.Add(rule.Criterion, findingIndex), logPositive, logNegative));
            }
        }

        // A stable sort by finding keeps authoring order within each finding's row.
        var ordered = single.Select((entry, order) => (entry, order)).OrderBy(p => p.entry.Finding).ThenBy(p => p.order).Select(p => p.entry).ToArray();
        FindingRuleStart = new int[FindingCount + 1];
        foreach (var entry in ordered)
        {
            FindingRuleStart[entry.Finding + 1]++;
        }

        for (var f = 0; f < FindingCount; f++)
        {
            FindingRuleStart[f + 1] += FindingRuleStart[f];
        }

        FindingRuleCause = [.. ordered.Select(e => e.Cause)];
        FindingRuleLogRatios = [.. ordered.SelectMany(e => new[] { e.IfPresent, e.IfAbsent })];
        GeneralRuleCause = [.. general.Select(g => g.Cause)];
        GeneralRuleRoot = [.. general.Select(g => g.Root)];
        GeneralRuleLogRatios = [.. general.SelectMany(g => new[] { g.IfMet, g.IfNotMet })];
        Program = program;

        // Rank of each cause's id in ordinal order: the deterministic tie-break of the ranking.
        CauseIdOrder = new int[CauseCount];
        var byId = Enumerable.Range(0, CauseCount).OrderBy(c => knowledgeBase.Causes[c].Id, StringComparer.Ordinal).ToArray();
        for (var rank = 0; rank < byId.Length; rank++)
        {
            CauseIdOrder[byId[rank]] = rank;
        }
    }

    public int FindingCount { get; }

    public int CauseCount { get; }

    /// <summary>Prior log-odds by cause index.</summary>
    public double[] PriorLogOdds { get; }

    /// <summary>Row starts by finding index; length <see cref="FindingCount"/> + 1.</summary>
    public int[] FindingRuleStart { get; }

    /// <summary>Cause index of each single-finding entry.</summary>
    public int[] FindingRuleCause { get; }

    /// <summary>Two log ratios per single-finding entry: at <c>2e</c> when the finding is Present, at <c>2e + 1</c> when Absent.</summary>
    public double[] FindingRuleLogRatios { get; }

    /// <summary>Cause index of each other rule.</summary>
    public int[] GeneralRuleCause { get; }

    /// <summary>Criterion root node of each other rule in <see cref="Program"/>.</summary>
    public int[] GeneralRuleRoot { get; }

    /// <summary>Two log ratios per other rule: at <c>2g</c> when met, at <c>2g + 1</c> when not met.</summary>
    public double[] GeneralRuleLogRatios { get; }

    /// <summary>The criteria of the other rules (and of everything else the base compiles).</summary>
    public CriterionProgram Program { get; }

    /// <summary>Position of each cause's id in ordinal order, by cause index.</summary>
    public int[] CauseIdOrder { get; }

    public static double Logit(double probability) => Math.Log(probability / (1 - probability));

    /// <summary>
    /// Scores one case. The caller has checked the lengths, the age and the sex; an undefined state is
    /// reported through <paramref name="invalidStateIndex"/> (the first one met), and the output is then incomplete.
    /// </summary>
    /// <returns>True when every state was defined.</returns>
    public bool TryScore(ReadOnlySpan<FindingState> states, int age, Sex sex, Span<double> logOdds, out int invalidStateIndex)
    {
        PriorLogOdds.CopyTo(logOdds);
        var start = FindingRuleStart;
        var causes = FindingRuleCause;
        var ratios = FindingRuleLogRatios;

        // Unknown is 0: skip blocks of unknown findings a vector at a time, then apply each stated finding's row.
        var raw = MemoryMarshal.Cast<FindingState, int>(states);
        var f = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; f <= raw.Length - Vector<int>.Count; f += Vector<int>.Count)
            {
                if (new Vector<int>(raw[f..]) == Vector<int>.Zero)
                {
                    continue;
                }

                for (var j = f; j < f + Vector<int>.Count; j++)
                {
                    if (!TryApply(raw[j], j, start, causes, ratios, logOdds))
                    {
                        invalidStateIndex = j;
                        return false;
                    }
                }
            }
        }

        for (; f < raw.Length; f++)
        {
            if (!TryApply(raw[f], f, start, causes, ratios, logOdds))
            {
                invalidStateIndex = f;
                return false;
            }
        }

        var generalCauses = GeneralRuleCause;
        var roots = GeneralRuleRoot;
        var generalRatios = GeneralRuleLogRatios;
        for (var g = 0; g < roots.Length; g++)
        {
            var outcome = Program.Evaluate(roots[g], states, age, sex);
            if (outcome != CriterionProgram.Undecided)
            {
                logOdds[generalCauses[g]] += generalRatios[(2 * g) + (outcome == CriterionProgram.Met ? 0 : 1)];
            }
        }

        invalidStateIndex = -1;
        return true;
    }

    /// <summary>Adds finding <paramref name="finding"/>'s row for its state; false when the state is not defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryApply(int state, int finding, int[] start, int[] causes, double[] ratios, Span<double> logOdds)
    {
        if (state == 0)
        {
            return true;
        }

        var column = state - 1;
        if ((uint)column > 1)
        {
            return false;
        }

        for (var e = start[finding]; e < start[finding + 1]; e++)
        {
            logOdds[causes[e]] += ratios[(2 * e) + column];
        }

        return true;
    }
}
