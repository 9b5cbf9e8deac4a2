using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization;

/// <summary>What <see cref="CaseMixPriors.Estimate"/> found: one <see cref="CaseMixPrior"/> per cause of the base.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CaseMixEstimate
{
    internal CaseMixEstimate(string knowledgeBaseId, string knowledgeBaseVersion, int patients, int otherPatients, double baseWeight, ImmutableArray<CaseMixPrior> causes)
    {
        KnowledgeBaseId = knowledgeBaseId;
        KnowledgeBaseVersion = knowledgeBaseVersion;
        Patients = patients;
        OtherPatients = otherPatients;
        BaseWeight = baseWeight;
        Causes = causes;
    }

    /// <summary>The id of the base whose priors were updated.</summary>
    public string KnowledgeBaseId { get; }

    /// <summary>Its version.</summary>
    public string KnowledgeBaseVersion { get; }

    /// <summary>The register's patients (<c>N</c>), those counted under <see cref="CaseMixPriors.OtherDiagnosis"/> included.</summary>
    public int Patients { get; }

    /// <summary>The patients whose diagnosis is none of the base's causes.</summary>
    public int OtherPatients { get; }

    /// <summary>How many patients the base's priors were worth (<c>k</c>).</summary>
    public double BaseWeight { get; }

    /// <summary>The estimate for every cause of the base, in the base's order.</summary>
    public ImmutableArray<CaseMixPrior> Causes { get; }

    /// <summary>
    /// Adds one <see cref="KnowledgeBaseOverlayBuilder.Prior"/> per cause to an overlay, each with its evidence: the
    /// register named by <paramref name="citation"/> (level <see cref="EvidenceLevel.CaseSeries"/>, status
    /// <see cref="VerificationStatus.Computed"/>) and a note giving the count, the share and the formula.
    /// </summary>
    /// <param name="overlay">The overlay being written.</param>
    /// <param name="citation">The register: which clinic, which patients, which years.</param>
    /// <returns><paramref name="overlay"/>, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overlay"/> or <paramref name="citation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="citation"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddPriorsTo(KnowledgeBaseOverlayBuilder overlay, string citation)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentException.ThrowIfNullOrWhiteSpace(citation);
        foreach (var cause in Causes)
        {
            overlay.Prior(cause.CauseId, cause.Prior, new Evidence(citation, EvidenceLevel.CaseSeries, VerificationStatus.Computed, Note(cause)));
        }

        return overlay;
    }

    /// <summary>
    /// An overlay that sets every cause's prior (<see cref="AddPriorsTo"/>) and applies only to the base the estimate
    /// was made for (<see cref="KnowledgeBaseOverlayBuilder.AppliesTo"/>, HPK053 on another base).
    /// </summary>
    /// <param name="id">The id of the knowledge bases the overlay produces.</param>
    /// <param name="version">Their version.</param>
    /// <param name="citation">The register: which clinic, which patients, which years.</param>
    /// <returns>The overlay.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="citation"/> is empty or white space.</exception>
    public KnowledgeBaseOverlay ToOverlay(string id, string version, string citation)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(citation);
        var builder = new KnowledgeBaseOverlayBuilder(id, version).AppliesTo(KnowledgeBaseId, KnowledgeBaseVersion);
        return AddPriorsTo(builder, citation).Build();
    }

    private string Note(CaseMixPrior cause)
    {
        var inv = CultureInfo.InvariantCulture;
        var kept = cause.KeptAtBase
            ? string.Create(inv, $" The estimate, {cause.Estimate:0.#####}, is below the base's prior; the cause is urgent or an emergency when suspected, so the base's prior is kept.")
            : string.Empty;
        return string.Create(
            inv,
            $"{cause.Count} of {Patients} patients in the register ({cause.RegisterShare:0.0%}). Estimate (n + k*s) / (N + k) with the base's share s = {cause.BaseShare:0.#####} (prior {cause.BasePrior} in {KnowledgeBaseId} {KnowledgeBaseVersion}) worth k = {BaseWeight} patients.{kept}");
    }
}
