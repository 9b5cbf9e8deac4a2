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
        FindingSex = [.. knowledgeBase.Findings.Select(f => f.Sex)];
        OneSexFindings = [.. Enumerable.Range(0, FindingSex.Length).Where(f => FindingSex[f] != Sex.Unspecified)];
        var program = new CriterionProgram();
        Tables = new ScoringTables(knowledgeBase, FindingIndex, CauseIndex, program);
        Rules = [.. knowledgeBase.Rules.Select((r, i) => new CompiledRule(r, Label(r, knowledgeBase), Tables.RuleRoot[i], FindingIndicesOf(r), Tables.RuleGroup[i], Tables.RuleMember[i]))];
        Causes = [.. knowledgeBase.Causes.Select((c, i) => new CompiledCause(
            c,
            Tables.PriorLogOdds[i],
            [.. Rules.Where(r => r.Rule.CauseId == c.Id)],
            [.. Enumerable.Range(0, Tables.GroupCause.Length).Where(g => Tables.GroupCause[g] == i)]))];
        RedFlags = [.. knowledgeBase.RedFlags.Select(f => new CompiledRedFlag(
            f,
            program.Add(f.Criterion, FindingIndex),
            FindingIndicesOf(f.Criterion.FindingIds()),
            [.. f.SuspectedCauseIds.Select(id => CauseIndex[id])],
            f.AskWhen is { } context ? program.Add(context, FindingIndex) : -1))];
        RedFlagUrgencies = [.. knowledgeBase.RedFlags.Select(f => f.Urgency)];
        program.Freeze();
        Gates = new RedFlagGates(RedFlags, program, knowledgeBase.Findings.Length);
    }

    public KnowledgeBase Source { get; }

    public Dictionary<string, int> FindingIndex { get; }

    public Dictionary<string, int> CauseIndex { get; }

    /// <summary>Each finding's <see cref="Finding.Sex"/>, by finding index: <see cref="Sex.Unspecified"/> for a finding anyone can have.</summary>
    public Sex[] FindingSex { get; }

    /// <summary>The indices of the one-sex findings (<see cref="Finding.Sex"/> set), in finding order; empty for most bases.</summary>
    public int[] OneSexFindings { get; }

    public ScoringTables Tables { get; }

    public CriterionProgram Program => Tables.Program;

    public CompiledCause[] Causes { get; }

    /// <summary>Every rule, by rule index (the order of <see cref="KnowledgeBase.Rules"/>).</summary>
    public CompiledRule[] Rules { get; }

    public CompiledRedFlag[] RedFlags { get; }

    /// <summary>The red-flag gates as <see cref="TriageEngine.Triage"/> decides them, skipping the ones the case cannot touch.</summary>
    public RedFlagGates Gates { get; }

    /// <summary>Each red flag's urgency, by red-flag index: what <see cref="UrgencyRule"/> reads.</summary>
    public Urgency[] RedFlagUrgencies { get; }

    private static Dictionary<string, int> IndexById(IEnumerable<string> ids, int count)
    {
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            index.Add(id, index.Count);
        }

        return index;
    }

    private ImmutableArray<(string Id, int Index)> FindingIndicesOf(DiagnosticRule rule) => FindingIndicesOf(rule.FindingIds());

    private ImmutableArray<(string Id, int Index)> FindingIndicesOf(IEnumerable<string> findingIds) =>
        [.. findingIds.Distinct(StringComparer.Ordinal).Select(id => (id, FindingIndex[id]))];

    private static string Label(DiagnosticRule rule, KnowledgeBase knowledgeBase) => rule switch
    {
        _ when rule.Description is not null => rule.Description,
        CriterionRule { Criterion: FindingCriterion f } when knowledgeBase.TryGetFinding(f.FindingId, out var finding) => finding.Name,
        CriterionRule { Criterion: AgeCriterion a } => string.Create(CultureInfo.InvariantCulture, $"Age {a.Minimum}..{a.Maximum}"),
        CriterionRule { Criterion: SexCriterion s } => $"Sex {s.Sex.ToString().ToLowerInvariant()}",
        CriterionRule c => c.Criterion.ToString(),
        GradedRule g => $"graded({string.Join(", ", g.Parts)})",
        _ => rule.Id,
    };
}

/// <summary>A cause with its prior, its rules in authoring order and the groups (table indices) its evidence groups and graded rules are scored in.</summary>
internal sealed class CompiledCause(Cause cause, double priorLogOdds, CompiledRule[] rules, int[] groups)
{
    public Cause Cause { get; } = cause;

    public double PriorLogOdds { get; } = priorLogOdds;

    public CompiledRule[] Rules { get; } = rules;

    /// <summary>The cause's groups in <see cref="ScoringTables"/>: its evidence groups, then its ungrouped graded rules.</summary>
    public int[] Groups { get; } = groups;
}

/// <summary>One red flag: its criterion root, the findings it reads, the causes it suspects and its context's root.</summary>
internal sealed class CompiledRedFlag(RedFlag flag, int root, ImmutableArray<(string Id, int Index)> findings, int[] suspectedCauses, int contextRoot)
{
    public RedFlag Flag { get; } = flag;

    public int Root { get; } = root;

    /// <summary>The distinct findings the criterion reads, with their indices, in order of appearance.</summary>
    public ImmutableArray<(string Id, int Index)> Findings { get; } = findings;

    /// <summary>The indices of the causes the red flag suspects.</summary>
    public int[] SuspectedCauses { get; } = suspectedCauses;

    /// <summary>The root of <see cref="RedFlag.AskWhen"/> in the same program, or -1 when the gate has no context.</summary>
    public int ContextRoot { get; } = contextRoot;
}

/// <summary>
/// One rule as the explanation reads it: its label, the root of its criterion (or graded parts) in the program, the
/// findings it reads, and where it is scored: its group and member index in <see cref="ScoringTables"/>, or -1 for an
/// ungrouped criterion rule.
/// </summary>
internal sealed class CompiledRule(DiagnosticRule rule, string label, int root, ImmutableArray<(string Id, int Index)> findings, int group, int member)
{
    public DiagnosticRule Rule { get; } = rule;

    public string Label { get; } = label;

    public int Root { get; } = root;

    /// <summary>The distinct findings the rule reads, with their indices, in order of appearance.</summary>
    public ImmutableArray<(string Id, int Index)> Findings { get; } = findings;

    public int Group { get; } = group;

    public int Member { get; } = member;
}
