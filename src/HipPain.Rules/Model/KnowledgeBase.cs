using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace HipPain.Rules.Model;

/// <summary>
/// A validated, immutable knowledge base: the vocabulary of findings, the causes with their priors and plans,
/// the rules that weigh findings and the evidence groups that count related rules once, the red-flag gates and
/// the treatments. Made by
/// <c>KnowledgeBaseBuilder.Build</c>; identified by <see cref="Id"/>, <see cref="Version"/> and a
/// <see cref="ContentHash"/> over its clinical content. Its wording (names, questions, descriptions) is its default
/// <see cref="Text"/>, which the hash does not cover: the same clinical content has the same hash in every language.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, Finding> findingsById;
    private readonly FrozenDictionary<string, Cause> causesById;
    private readonly FrozenDictionary<string, Treatment> treatmentsById;
    private readonly FrozenDictionary<string, ImmutableArray<DiagnosticRule>> rulesByCause;
    private readonly Lazy<TextPack> text;
    private readonly FrozenDictionary<string, DiagnosticRule> rulesById;
    private readonly FrozenDictionary<string, ImmutableArray<EvidenceGroup>> groupsByCause;
    private readonly FrozenDictionary<string, EvidenceGroup> groupsByRule;

    /// <summary>
    /// Makes a knowledge base from content that has already been validated (by <c>KnowledgeBaseBuilder.Build</c>):
    /// the model's one way in, so that the model depends on nothing else in the library.
    /// </summary>
    internal KnowledgeBase(
        string id,
        string version,
        string? title,
        string textCulture,
        ImmutableArray<KnowledgeBaseStamp> derivedFrom,
        ImmutableArray<Finding> findings,
        ImmutableArray<Treatment> treatments,
        ImmutableArray<Cause> causes,
        ImmutableArray<DiagnosticRule> rules,
        ImmutableArray<EvidenceGroup> groups,
        ImmutableArray<RedFlag> redFlags)
    {
        Id = id;
        Version = version;
        Title = title;
        TextCulture = textCulture;
        DerivedFrom = derivedFrom;
        Findings = findings;
        Treatments = treatments;
        Causes = causes;
        Rules = rules;
        Groups = groups;
        RedFlags = redFlags;
        findingsById = findings.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        causesById = causes.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        treatmentsById = treatments.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        var byCause = rules.ToLookup(r => r.CauseId, StringComparer.Ordinal);
        rulesByCause = causes.ToFrozenDictionary(c => c.Id, c => byCause[c.Id].ToImmutableArray(), StringComparer.Ordinal);
        rulesById = rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        var groupsOf = groups.ToLookup(g => g.CauseId, StringComparer.Ordinal);
        groupsByCause = causes.ToFrozenDictionary(c => c.Id, c => groupsOf[c.Id].ToImmutableArray(), StringComparer.Ordinal);
        groupsByRule = groups.SelectMany(g => g.Members.Select(m => (m.RuleId, Group: g))).ToFrozenDictionary(p => p.RuleId, p => p.Group, StringComparer.Ordinal);
        ContentHash = ComputeHash();
        text = new Lazy<TextPack>(() => TextPack.FromKnowledgeBase(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>The version.</summary>
    public string Version { get; }

    /// <summary>The display title, or null.</summary>
    public string? Title { get; }

    /// <summary>The language of the base's own wording (names, questions, descriptions), as a culture name; <c>en</c> unless the author said otherwise.</summary>
    public string TextCulture { get; }

    /// <summary>
    /// The bases this one was made from by applying overlays, the original base first: empty for a base built
    /// directly; <c>[builtin]</c> after one overlay; <c>[builtin, first]</c> after a second overlay on the first one's
    /// result. With this base, it is the chain of overlays applied; results carry it.
    /// </summary>
    public ImmutableArray<KnowledgeBaseStamp> DerivedFrom { get; }

    /// <summary>This base's id, version and content hash.</summary>
    public KnowledgeBaseStamp Stamp => new(Id, Version, ContentHash);

    /// <summary>
    /// The base's own wording as a text pack in <see cref="TextCulture"/>: the default text, and the fallback for a
    /// pack in another language. Made on first use.
    /// </summary>
    public TextPack Text => text.Value;

    /// <summary>The findings, in authoring order.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>The treatments, workup steps and prevention measures, in authoring order.</summary>
    public ImmutableArray<Treatment> Treatments { get; }

    /// <summary>The causes, in authoring order.</summary>
    public ImmutableArray<Cause> Causes { get; }

    /// <summary>Every rule, grouped by cause in authoring order.</summary>
    public ImmutableArray<DiagnosticRule> Rules { get; }

    /// <summary>The evidence groups, grouped by cause in authoring order.</summary>
    public ImmutableArray<EvidenceGroup> Groups { get; }

    /// <summary>The red-flag gates, in authoring order.</summary>
    public ImmutableArray<RedFlag> RedFlags { get; }

    /// <summary>
    /// <c>sha256:</c> and the lowercase hex SHA-256 of a canonical text of the clinical content (id, version, finding
    /// kinds and regions and which findings are asked of patients, priors, rules and their weights, evidence groups,
    /// citations, plans, gates), independent of authoring order (except the order of an evidence group's members,
    /// which is content: joint members are tried in it) and of every piece of wording (<see cref="Text"/>): translating
    /// or rewording a base keeps its hash. Two bases with the same hash score and escalate alike.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>Finds a finding by code.</summary>
    /// <param name="id">The finding's code.</param>
    /// <param name="finding">The finding, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetFinding(string id, [NotNullWhen(true)] out Finding? finding) => findingsById.TryGetValue(id ?? string.Empty, out finding);

    /// <summary>Finds a cause by id.</summary>
    /// <param name="id">The cause's id.</param>
    /// <param name="cause">The cause, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetCause(string id, [NotNullWhen(true)] out Cause? cause) => causesById.TryGetValue(id ?? string.Empty, out cause);

    /// <summary>Finds a treatment by id.</summary>
    /// <param name="id">The treatment's id.</param>
    /// <param name="treatment">The treatment, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetTreatment(string id, [NotNullWhen(true)] out Treatment? treatment) => treatmentsById.TryGetValue(id ?? string.Empty, out treatment);

    /// <summary>The rules of one cause, in authoring order.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="KeyNotFoundException">The base has no cause with that id.</exception>
    public ImmutableArray<DiagnosticRule> RulesFor(string causeId) =>
        rulesByCause.TryGetValue(causeId ?? string.Empty, out var rules)
            ? rules
            : throw new KeyNotFoundException($"Knowledge base '{Id}' has no cause '{causeId}'.");

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetRule(string id, [NotNullWhen(true)] out DiagnosticRule? rule) => rulesById.TryGetValue(id ?? string.Empty, out rule);

    /// <summary>The evidence groups of one cause, in authoring order.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The groups; empty when the cause has none.</returns>
    /// <exception cref="KeyNotFoundException">The base has no cause with that id.</exception>
    public ImmutableArray<EvidenceGroup> GroupsFor(string causeId) =>
        groupsByCause.TryGetValue(causeId ?? string.Empty, out var groups)
            ? groups
            : throw new KeyNotFoundException($"Knowledge base '{Id}' has no cause '{causeId}'.");

    /// <summary>Finds the evidence group a rule belongs to.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="group">The group, when the rule belongs to one.</param>
    /// <returns>True when the rule is a member of a group; false when it is not, or the base has no such rule.</returns>
    public bool TryGetGroupOf(string ruleId, [NotNullWhen(true)] out EvidenceGroup? group) => groupsByRule.TryGetValue(ruleId ?? string.Empty, out group);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version} ({ContentHash})";

    private string ComputeHash()
    {
        var text = new StringBuilder();
        void Line(params object?[] parts)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    text.Append('\u001f');
                }

                text.Append(parts[i] switch
                {
                    null => "\u2400",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var o => o.ToString(),
                });
            }

            text.Append('\n');
        }

        void EvidenceLine(string tag, Evidence e) => Line(tag, e.Citation, e.Level, e.Status, e.Note);

        // So does an enumerated field outside the item's line (its value by the enumeration's name, as in that line),
        // of a cause, a finding, a treatment or a recommendation. A plain loop: the hash is computed on every read, and a
        // finding's, a treatment's and a recommendation's fields are all in their lines.
        void ChoiceLines<T>(ImmutableArray<ClinicalChoice<T>> declarations, T item)
        {
            foreach (var choice in declarations)
            {
                if (!choice.InItemHashLine && choice.Read(item) is { } value)
                {
                    Line(choice.Name, value);
                }
            }
        }

        // Clinical content only: no names, questions, descriptions, actions, advice texts, labels or notes.
        Line("kb", Id, Version);
        foreach (var f in Findings.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            Line("finding", f.Id, f.Kind, f.Region, f.PatientQuestion is not null);
            ChoiceLines(Finding.Choices, f);

            // As a cause's: a line of its own only when set, so that declaring the number changes no existing hash.
            foreach (var number in Finding.Numbers)
            {
                if (number.Read(f) is { } value)
                {
                    Line(number.Name, value);
                }
            }
        }

        foreach (var t in Treatments.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            Line("treatment", t.Id, t.Kind);
            ChoiceLines(Treatment.Choices, t);
            EvidenceLine("evidence", t.Evidence);
        }

        foreach (var c in Causes.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            Line("cause", c.Id, c.Icd10, c.SnomedCt, c.Prior, c.SuspectedUrgency, c.RunningAdvice.Restriction);
            foreach (var code in Cause.Codes.Where(code => !code.InItemHashLine))
            {
                if (code.Read(c) is { } value)
                {
                    Line(code.Name, value);
                }
            }

            // A clinical number adds a line of its own only when set, so that declaring one changes no existing hash.
            foreach (var number in Cause.Numbers)
            {
                if (number.Read(c) is { } value)
                {
                    Line(number.Name, value);
                }
            }

            ChoiceLines(Cause.Choices, c);

            EvidenceLine("prior", c.PriorEvidence);
            foreach (var r in c.Recommendations)
            {
                Line("recommend", r.TreatmentId, r.Line);
                ChoiceLines(TreatmentRecommendation.Choices, r);
                if (r.Evidence is not null)
                {
                    EvidenceLine("recommendEvidence", r.Evidence);
                }
            }
        }

        foreach (var r in Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            switch (r)
            {
                case CriterionRule c:
                    Line("rule", c.Id, c.CauseId, c.Criterion, c.Ratio.Positive, c.Ratio.Negative);
                    break;
                case GradedRule g:
                    Line("graded", g.Id, g.CauseId, string.Join(";", g.Parts), string.Join(";", g.RatiosByCount.Select(v => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : "\u2400")));
                    break;
            }

            EvidenceLine("evidence", r.Evidence);
        }

        // Member order is content: joint members are tried in it. The group's name is wording.
        foreach (var g in Groups.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            Line("group", g.Id, g.CauseId, string.Join(";", g.Members.Select(m => m.IsJoint ? m.RuleId + ":joint" : m.RuleId)));
        }

        foreach (var f in RedFlags.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            Line("redflag", f.Id, f.Criterion, f.Urgency, f.RunningAdvice.Restriction, string.Join(",", f.SuspectedCauseIds), f.AskWhen, string.Join(",", f.ScreeningFindingIds));
            EvidenceLine("evidence", f.Evidence);
        }

        return ContentHashes.Of(text);
    }
}
