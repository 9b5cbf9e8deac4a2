using System.Collections.Frozen;
using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>
/// A clinic's table from coded Observations to findings: code system + code + value → finding and state. The package
/// ships no mapping of its own: which codes a clinic records, and where its thresholds lie, are the clinic's decision.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ObservationMapping
{
    private readonly FrozenDictionary<(string System, string Code), ImmutableArray<ObservationMappingEntry>> byCode;

    /// <summary>Creates a mapping table.</summary>
    /// <param name="entries">The rows; for one code, the rows are tried in this order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null or holds null.</exception>
    public ObservationMapping(IEnumerable<ObservationMappingEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        if (Entries.Any(e => e is null))
        {
            throw new ArgumentNullException(nameof(entries), "The mapping table holds a null entry.");
        }

        byCode = Entries.GroupBy(e => (e.System, e.Code)).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>A table with no rows: only QuestionnaireResponses are read.</summary>
    public static ObservationMapping Empty { get; } = new([]);

    /// <summary>The rows, in the order given.</summary>
    public ImmutableArray<ObservationMappingEntry> Entries { get; }

    /// <summary>The distinct codes of the table as <c>system|code</c> tokens, for a FHIR search (<c>Observation?code=...</c>).</summary>
    public ImmutableArray<string> CodeTokens => [.. byCode.Keys.Select(k => $"{k.System}|{k.Code}").Order(StringComparer.Ordinal)];

    /// <summary>The rows for one code, in order; empty when the table does not have it.</summary>
    /// <param name="system">The code system.</param>
    /// <param name="code">The code.</param>
    /// <returns>The rows.</returns>
    public ImmutableArray<ObservationMappingEntry> EntriesFor(string? system, string? code) =>
        system is not null && code is not null && byCode.TryGetValue((system, code), out var rows) ? rows : [];

    /// <summary>Checks the table against a knowledge base: every row must name one of its findings.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>One message per row naming a finding the base does not have, with the row's position; empty when the table fits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public ImmutableArray<string> Check(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return [.. Entries.Select((e, i) => (e, i))
            .Where(p => !knowledgeBase.TryGetFinding(p.e.FindingId, out _))
            .Select(p => $"entries[{p.i}] ({p.e.System}|{p.e.Code}) names finding '{p.e.FindingId}', which knowledge base '{knowledgeBase.Id}' does not have.")];
    }
}
