using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>A composite or graded rule that the case has partly answered but not decided, and the findings it still needs.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class PendingRule
{
    internal PendingRule(DiagnosticRule rule, string label, ImmutableArray<string> missingFindingIds)
    {
        Rule = rule;
        Label = label;
        MissingFindingIds = missingFindingIds;
    }

    /// <summary>The rule.</summary>
    public DiagnosticRule Rule { get; }

    /// <summary>The rule's display label.</summary>
    public string Label { get; }

    /// <summary>The codes of the findings still unknown that the rule reads.</summary>
    public ImmutableArray<string> MissingFindingIds { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Label} (needs {string.Join(", ", MissingFindingIds)})";
}
