using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// A knowledge base compiled once: the dense scoring tables, every criterion in one flat program, and the
/// per-rule view the explanation reads.
/// </summary>
internal sealed class CompiledKnowledgeBase
{
    public CompiledKnowledgeBase(KnowledgeBase knowledgeBase)
    {
        Source = knowledgeBase;
        // Plain dictionaries: a frozen one looks up a little faster but costs far more to build, and
        // compiling stays well under a millisecond only without it. Never mutated after construction.
        FindingIndex = IndexById(knowledgeBase.Findings.Select(f => f.Id), knowledgeBase.Findings.Length);
        CauseIndex = IndexById(knowledgeBase.Causes.Select(c => c.Id), knowledgeBase.Causes.Length);
        var program = new CriterionProgram();
        Tables = new ScoringTables(knowledgeBase, FindingIndex, CauseIndex, program);
        Causes = [.. knowledgeBase.Causes.Select((c, i) => new CompiledCause(
            c,
            Tables.PriorLogOdds[i],
            [.. knowledgeBase.RulesFor(c.Id).Select(r => new CompiledRule(r, Label(r, knowledgeBase), program.Add(r.Criterion, FindingIndex), FindingIndicesOf(r.Criterion)))]))];
        RedFlags = [.. knowledgeBase.RedFlags.Select(f => new CompiledRedFlag(
            f,
            program.Add(f.Criterion, FindingIndex),
            FindingIndicesOf(f.Criterion),
            [.. f.SuspectedCauseIds.Select(id => CauseIndex[id])]))];
        RedFlagUrgencies = [.. knowledgeBase.RedFlags.Select(f => f.Urgency)];
        program.Freeze();
    }

    public KnowledgeBase Source { get; }

    public Dictionary<string, int> FindingIndex { get; }

    public Dictionary<string, int> CauseIndex { get; }

    public ScoringTables Tables { get; }

    public CriterionProgram Program => Tables.Program;

    public CompiledCause[] Causes { get; }

    public CompiledRedFlag[] RedFlags { get; }

    /// <summary>Each red flag's urgency, by red-flag index: what <see cref="UrgencyRule"/> reads.</summary>
    public Urgency[] RedFlagUrgencies { get; }

    public static double Logistic(double logOdds) => logOdds >= 0 ? 1 / (1 + Math.Exp(-logOdds)) : Math.Exp(logOdds) / (1 + Math.Exp(logOdds));

    private static Dictionary<string, int> IndexById(IEnumerable<string> ids, int count)
    {
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            index.Add(id, index.Count);
        }

        return index;
    }

    private ImmutableArray<(string Id, int Index)> FindingIndicesOf(Criterion criterion) =>
        [.. criterion.FindingIds().Distinct(StringComparer.Ordinal).Select(id => (id, FindingIndex[id]))];

    private static string Label(DiagnosticRule rule, KnowledgeBase knowledgeBase) => rule.Criterion switch
    {
        _ when rule.Description is not null => rule.Description,
        FindingCriterion f when knowledgeBase.TryGetFinding(f.FindingId, out var finding) => finding.Name,
        AgeCriterion a => string.Create(CultureInfo.InvariantCulture, $"Age {a.Minimum}..{a.Maximum}"),
        SexCriterion s => $"Sex {s.Sex.ToString().ToLowerInvariant()}",
        _ => rule.Criterion.ToString(),
    };
}

internal sealed class CompiledCause(Cause cause, double priorLogOdds, CompiledRule[] rules)
{
    public Cause Cause { get; } = cause;

    public double PriorLogOdds { get; } = priorLogOdds;

    public CompiledRule[] Rules { get; } = rules;
}

/// <summary>One red flag: its criterion root, the findings it reads and the causes it suspects, by index.</summary>
internal sealed class CompiledRedFlag(RedFlag flag, int root, ImmutableArray<(string Id, int Index)> findings, int[] suspectedCauses)
{
    public RedFlag Flag { get; } = flag;

    public int Root { get; } = root;

    /// <summary>The distinct findings the criterion reads, with their indices, in order of appearance.</summary>
    public ImmutableArray<(string Id, int Index)> Findings { get; } = findings;

    /// <summary>The indices of the causes the red flag suspects.</summary>
    public int[] SuspectedCauses { get; } = suspectedCauses;
}

/// <summary>One rule as the explanation reads it: its label, criterion root and the findings it reads.</summary>
internal sealed class CompiledRule(DiagnosticRule rule, string label, int root, ImmutableArray<(string Id, int Index)> findings)
{
    public DiagnosticRule Rule { get; } = rule;

    public string Label { get; } = label;

    public int Root { get; } = root;

    /// <summary>The distinct findings the criterion reads, with their indices, in order of appearance.</summary>
    public ImmutableArray<(string Id, int Index)> Findings { get; } = findings;

    public double LogPositive { get; } = Math.Log(rule.Ratio.Positive);

    public double LogNegative { get; } = Math.Log(rule.Ratio.Negative);
}
