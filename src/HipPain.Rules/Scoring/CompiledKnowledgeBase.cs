using System.Collections.Frozen;
using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>A knowledge base compiled once into arrays: prior log-odds, log likelihood ratios and resolved criteria.</summary>
internal sealed class CompiledKnowledgeBase
{
    public CompiledKnowledgeBase(KnowledgeBase knowledgeBase)
    {
        Source = knowledgeBase;
        FindingIndex = knowledgeBase.Findings.Select((f, i) => (f.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Causes = [.. knowledgeBase.Causes.Select(c => new CompiledCause(
            c,
            Logit(c.Prior),
            [.. knowledgeBase.RulesFor(c.Id).Select(r => new CompiledRule(r, Label(r, knowledgeBase), CompiledCriterion.Compile(r.Criterion, FindingIndex)))]))];
        RedFlags = [.. knowledgeBase.RedFlags.Select(f => (f, CompiledCriterion.Compile(f.Criterion, FindingIndex)))];
    }

    public KnowledgeBase Source { get; }

    public FrozenDictionary<string, int> FindingIndex { get; }

    public CompiledCause[] Causes { get; }

    public (RedFlag Flag, CompiledCriterion Criterion)[] RedFlags { get; }

    public static double Logit(double probability) => Math.Log(probability / (1 - probability));

    public static double Logistic(double logOdds) => logOdds >= 0 ? 1 / (1 + Math.Exp(-logOdds)) : Math.Exp(logOdds) / (1 + Math.Exp(logOdds));

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

internal sealed class CompiledRule(DiagnosticRule rule, string label, CompiledCriterion criterion)
{
    public DiagnosticRule Rule { get; } = rule;

    public string Label { get; } = label;

    public CompiledCriterion Criterion { get; } = criterion;

    public double LogPositive { get; } = Math.Log(rule.Ratio.Positive);

    public double LogNegative { get; } = Math.Log(rule.Ratio.Negative);
}
