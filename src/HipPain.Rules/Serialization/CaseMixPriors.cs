using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Estimates priors for a clinic's own population from the diagnoses in its register of hip-pain presentations, for a
/// clinic overlay (<see cref="KnowledgeBaseOverlayBuilder.Prior"/>). The base's priors are estimates for runners in
/// general (docs/knowledge-base.md, "How the priors were set"); a clinic that records what its patients turned out to
/// have can replace them with its own case mix.
/// </summary>
/// <remarks>
/// <para>
/// Each cause's estimate is the mean of a Dirichlet posterior whose prior is the base: with <c>n</c> of the register's
/// <c>N</c> patients diagnosed with the cause and the base giving it the share <c>s</c> (its prior divided by the sum
/// of the base's priors), the estimate is <c>(n + k·s) / (N + k)</c>, where <c>k</c>, the base weight, is how many
/// patients the base's guess is worth. A small register therefore moves the priors a little, a large one moves them to
/// its own shares, and no cause's estimate is ever zero. Patients whose diagnosis is none of the base's causes are
/// counted under <see cref="OtherDiagnosis"/>: they add to <c>N</c> and to no cause.
/// </para>
/// <para>
/// A cause that is urgent or an emergency when suspected (<see cref="Cause.SuspectedUrgency"/>) is never lowered below
/// the base's prior: a register too small to have seen a septic hip says little about how rare one is, and the
/// can't-miss causes keep at least the prior the base gives them (<see cref="CaseMixPrior.KeptAtBase"/>). They can be
/// raised. Whether a red-flag gate fires never depends on a prior.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var estimate = CaseMixPriors.Estimate(BuiltInKnowledgeBase.Instance, new Dictionary&lt;string, int&gt;
/// {
///     ["gtps"] = 41, ["itbs"] = 30, ["femoral-neck-stress-fracture"] = 9, [CaseMixPriors.OtherDiagnosis] = 25,
/// });
/// var overlay = estimate.ToOverlay("my-clinic", "2027.1", "My clinic's register of runners' hip pain, 2024-2026");
/// var clinicBase = overlay.ApplyTo(BuiltInKnowledgeBase.Instance);
/// </code>
/// </example>
public static class CaseMixPriors
{
    /// <summary>The diagnosis under which a register counts patients whose diagnosis is none of the base's causes.</summary>
    public const string OtherDiagnosis = "other";

    /// <summary>The base weight <see cref="Estimate"/> uses unless told otherwise: the base's priors count as 20 patients.</summary>
    public const double DefaultBaseWeight = 20;

    /// <summary>The largest base weight <see cref="Estimate"/> accepts.</summary>
    public const double MaximumBaseWeight = 1_000_000;

    /// <summary>Estimates every cause's prior from a register's diagnosis counts.</summary>
    /// <param name="knowledgeBase">The base whose priors the register updates.</param>
    /// <param name="diagnosisCounts">
    /// How many patients had each diagnosis: a cause id of <paramref name="knowledgeBase"/> or
    /// <see cref="OtherDiagnosis"/>. A diagnosis named twice is counted once with the two counts added; a cause not
    /// named has a count of 0.
    /// </param>
    /// <param name="baseWeight">How many patients the base's priors are worth (<c>k</c>); greater than 0 and at most <see cref="MaximumBaseWeight"/>.</param>
    /// <returns>The estimate for every cause of the base, in the base's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> or <paramref name="diagnosisCounts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseWeight"/> is not a number greater than 0 and at most <see cref="MaximumBaseWeight"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A diagnosis is not a cause of the base nor <see cref="OtherDiagnosis"/>, a count is negative, the register has no
    /// patient, or more than <see cref="int.MaxValue"/>; the message names the diagnosis and the count. Or the base has
    /// a cause whose id is <see cref="OtherDiagnosis"/>.
    /// </exception>
    public static CaseMixEstimate Estimate(KnowledgeBase knowledgeBase, IEnumerable<KeyValuePair<string, int>> diagnosisCounts, double baseWeight = DefaultBaseWeight)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(diagnosisCounts);
        if (double.IsNaN(baseWeight) || baseWeight <= 0 || baseWeight > MaximumBaseWeight)
        {
            throw new ArgumentOutOfRangeException(
                nameof(baseWeight),
                baseWeight,
                string.Create(CultureInfo.InvariantCulture, $"The base weight is {baseWeight}; it must be greater than 0 and at most {MaximumBaseWeight:0}."));
        }

        var counts = knowledgeBase.Causes.ToDictionary(c => c.Id, _ => 0L, StringComparer.Ordinal);
        if (counts.ContainsKey(OtherDiagnosis))
        {
            throw new ArgumentException(
                $"Knowledge base '{knowledgeBase.Id}' {knowledgeBase.Version} has a cause '{OtherDiagnosis}', the name a register gives diagnoses outside the base; rename that cause to estimate priors from a register.",
                nameof(knowledgeBase));
        }

        long other = 0;
        foreach (var (diagnosis, count) in diagnosisCounts)
        {
            if (diagnosis is null)
            {
                throw new ArgumentException("A diagnosis is null; name a cause id or 'other'.", nameof(diagnosisCounts));
            }

            if (count < 0)
            {
                throw new ArgumentException($"The count for '{diagnosis}' is {count.ToString(CultureInfo.InvariantCulture)}; counts must be 0 or more.", nameof(diagnosisCounts));
            }

            if (string.Equals(diagnosis, OtherDiagnosis, StringComparison.Ordinal))
            {
                other += count;
            }
            else if (counts.ContainsKey(diagnosis))
            {
                counts[diagnosis] += count;
            }
            else
            {
                throw new ArgumentException(
                    $"'{diagnosis}' is not a cause of knowledge base '{knowledgeBase.Id}' {knowledgeBase.Version}; count a diagnosis outside the base as '{OtherDiagnosis}'. Causes: {string.Join(", ", knowledgeBase.Causes.Select(c => c.Id))}.",
                    nameof(diagnosisCounts));
            }
        }

        var patients = counts.Values.Sum() + other;
        if (patients == 0)
        {
            throw new ArgumentException("The register has no patient: every count is 0.", nameof(diagnosisCounts));
        }

        if (patients > int.MaxValue)
        {
            throw new ArgumentException($"The register counts {patients.ToString(CultureInfo.InvariantCulture)} patients, more than {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.", nameof(diagnosisCounts));
        }

        var priorSum = knowledgeBase.Causes.Sum(c => c.Prior);
        var causes = knowledgeBase.Causes.Select(cause =>
        {
            var count = (int)counts[cause.Id];
            var share = cause.Prior / priorSum;
            var estimate = (count + (baseWeight * share)) / (patients + baseWeight);
            var cantMiss = cause.SuspectedUrgency >= Urgency.Urgent;
            var keep = cantMiss && estimate < cause.Prior;
            var prior = cantMiss ? Math.Max(Round(estimate), cause.Prior) : Round(estimate);
            return new CaseMixPrior(cause.Id, count, cause.Prior, share, (double)count / patients, estimate, prior, keep);
        }).ToImmutableArray();
        return new CaseMixEstimate(knowledgeBase.Id, knowledgeBase.Version, (int)patients, (int)other, baseWeight, causes);
    }

    // Four significant digits: a prior is an estimate, and the overlay's JSON stays readable. Never rounds to 0 or 1.
    private static double Round(double value)
    {
        var digits = Math.Clamp(3 - (int)Math.Floor(Math.Log10(value)), 0, 15);
        var rounded = Math.Round(value, digits, MidpointRounding.AwayFromZero);
        return rounded > 0 && rounded < 1 ? rounded : value;
    }
}
