using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Serialization;

/// <summary>
/// A clinic's changes to a knowledge base, read from JSON with <see cref="OverlayJson"/>: priors for the
/// clinic's population, findings' clinical numbers (how often a finding is present among the clinic's patients),
/// rules and evidence groups added, disabled or overridden, causes, findings, treatments,
/// recommendations and red flags added, and display text changed. Applying it yields a new validated knowledge base with the
/// overlay's id and version and its own content hash; the base is not changed.
/// </summary>
/// <remarks>
/// <para>
/// Changes apply in a fixed order: disable rules, override rules, disable groups, override groups, priors, the base
/// findings' numbers, add findings, treatments, causes, rules, groups, recommendations and red flags, then display text. A disabled rule
/// leaves its group; a base group that disabled rules leave without members goes too. Every conflict (adding an id the base has,
/// changing something it does not have, changing one thing twice) and every dangling reference is reported
/// with a stable code and the overlay's JSON path; nothing is silently ignored. Red flags cannot be disabled
/// and causes cannot be removed: an overlay can make a base more cautious, never blind to a serious cause.
/// </para>
/// <para>
/// An overlay with no changes is the identity on content: the result scores every case exactly as the base
/// does. Its id and version are the overlay's, and its title the overlay's when given (else the base's), so
/// the content hash, which covers id and version but no text, equals the base's only when those two are equal.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads and to apply concurrently.</threadsafety>
public sealed class KnowledgeBaseOverlay
{
    internal KnowledgeBaseOverlay(OverlayDocument document) => Document = document;

    /// <summary>The id of the knowledge bases this overlay produces; empty when the document gives none (reported when applied).</summary>
    public string Id => Document.Id ?? string.Empty;

    /// <summary>The version of the knowledge bases this overlay produces; empty when the document gives none (reported when applied).</summary>
    public string Version => Document.Version ?? string.Empty;

    /// <summary>The title of the knowledge bases this overlay produces, or null to keep the base's title.</summary>
    public string? Title => Document.Title;

    /// <summary>True when the overlay changes no content (it may still change id, version and title, and name the base it applies to).</summary>
    public bool IsEmpty =>
        IsNullOrEmpty(Document.Priors) && IsNullOrEmpty(Document.FindingNumbers) && IsNullOrEmpty(Document.AddFindings) && IsNullOrEmpty(Document.AddTreatments)
        && IsNullOrEmpty(Document.AddCauses) && IsNullOrEmpty(Document.AddRules) && IsNullOrEmpty(Document.OverrideRules)
        && IsNullOrEmpty(Document.DisableRules) && IsNullOrEmpty(Document.AddGroups) && IsNullOrEmpty(Document.OverrideGroups)
        && IsNullOrEmpty(Document.DisableGroups) && IsNullOrEmpty(Document.AddRecommendations) && IsNullOrEmpty(Document.AddRedFlags)
        && IsNullOrEmpty(Document.CauseText) && IsNullOrEmpty(Document.FindingText) && IsNullOrEmpty(Document.TreatmentText)
        && IsNullOrEmpty(Document.RedFlagText);

    internal OverlayDocument Document { get; }

    /// <summary>Applies the overlay to a knowledge base.</summary>
    /// <param name="knowledgeBase">The base.</param>
    /// <returns>A new validated knowledge base with the overlay's identity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    /// <exception cref="KnowledgeBaseValidationException">The overlay conflicts with the base or the result is invalid; the exception lists every problem with its code and path.</exception>
    public KnowledgeBase ApplyTo(KnowledgeBase knowledgeBase) =>
        TryApplyTo(knowledgeBase, out var result, out var problems)
            ? result
            : throw new KnowledgeBaseValidationException(Id.Length == 0 ? "(overlay without id)" : Id, problems);

    /// <summary>Applies the overlay to a knowledge base without throwing on problems.</summary>
    /// <param name="knowledgeBase">The base.</param>
    /// <param name="result">The new knowledge base, or null when there are problems.</param>
    /// <param name="problems">Every problem, with its stable code and path (overlay items at their JSON path, for example <c>$.priors[0].prior</c>); empty on success.</param>
    /// <returns>True when the overlay applied cleanly.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public bool TryApplyTo(KnowledgeBase knowledgeBase, [NotNullWhen(true)] out KnowledgeBase? result, out ImmutableArray<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var found = OverlayApplier.Apply(Document, knowledgeBase, out var builder);
        return DocumentMapper.TryBuild(builder, found, out result, out problems);
    }

    /// <inheritdoc />
    public override string ToString() => $"overlay {Id} {Version}";

    private static bool IsNullOrEmpty<T>(List<T>? items) => items is null || items.Count == 0;
}
