using System.Globalization;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// Pain-location weights. No study gives likelihood ratios for where a runner's hip pain is felt, yet the
/// clinic page calls location "the best clue". The facts table's location matrix (§1.19) marks each region
/// as typical (●), possible (○) or not typical (blank) for each cause; the maintainers encode a typical region
/// as LR+ 3 / LR- 0.3, a possible region as LR+ 1.5 / LR- 1 and a region the matrix leaves blank as LR+ 1/3
/// (the reciprocal of a typical region's 3) / LR- 1, and say so on every rule. A cause's location rules form
/// one evidence group, its pain map: the regions a patient marks are one observation, so the map contributes
/// its strongest region for and its strongest region against, once each (docs/model.md), instead of
/// multiplying a groin and an anterior-thigh region as if they were two findings.
/// </summary>
internal static class Locations
{
    /// <summary>The matrix's six regions: lateral hip, groin, anterior thigh, buttock, lateral thigh to knee, posterior thigh.</summary>
    private static readonly string[] MatrixRegions =
        [Findings.LateralHip, Findings.Groin, Findings.AnteriorThigh, Findings.Buttock, Findings.LateralThighToKnee, Findings.PosteriorThigh];

    public static CauseBuilder Typical(this CauseBuilder cause, string locationId) =>
        cause.Typical(locationId, Sources.LocationMatrix("Typical region (●): LR+ 3, LR- 0.3 by convention."));

    /// <summary>
    /// A typical region by the convention's pair (LR+ 3, LR- 0.3) whose typicality rests on a source other than the
    /// §1.19 matrix (for example a condition's own location row in the facts table).
    /// </summary>
    public static CauseBuilder Typical(this CauseBuilder cause, string locationId, Evidence source) =>
        cause.Finding(locationId, 3.0, 0.3, source);

    public static CauseBuilder Possible(this CauseBuilder cause, string locationId) =>
        cause.Finding(locationId, 1.5, 1.0, Sources.LocationMatrix("Possible region (○): LR+ 1.5, no evidence when absent."));

    /// <summary>
    /// A possible region by the convention's pair (LR+ 1.5, no evidence when absent) whose place in the cause's picture
    /// rests on a source other than the §1.19 matrix (for example a condition's own location row in the facts table).
    /// </summary>
    public static CauseBuilder Possible(this CauseBuilder cause, string locationId, Evidence source) =>
        cause.Finding(locationId, 1.5, 1.0, source);

    public static CauseBuilder NotTypical(this CauseBuilder cause, string locationId) =>
        cause.Finding(locationId, 1.0 / 3.0, 1.0, Sources.LocationMatrix("Region the matrix leaves blank (not typical): LR+ 1/3, the reciprocal of a typical region's 3, no evidence when absent, by convention."));

    /// <summary>
    /// A region whose ratio comes from a published share instead of the convention: <paramref name="inCause"/> of
    /// patients with the cause report pain there, against <paramref name="comparison"/>, the prior-weighted frequency
    /// of the region in the other 17 causes. The ratios are the ones facts addendum 11 fixed by its rule L1-L6 (LR+ = s
    /// / c, LR- = (1 - s) / (1 - c), then the tier caps and the estimate bounds); facts addendum 34 applied the nine of
    /// its cells that a cell-by-cell screen kept. The series stays cited; the status is
    /// <see cref="VerificationStatus.Estimated"/> because the comparison is mostly the maintainers' convention. The
    /// rule must still be named in the cause's <see cref="PainMap"/>.
    /// </summary>
    public static CauseBuilder Located(this CauseBuilder cause, string locationId, double inCause, double comparison, double positive, double negative, CapTier tier, string rows, Evidence series) =>
        cause.Finding(locationId, positive, negative, new Evidence(
            series.Citation,
            series.Level,
            VerificationStatus.Estimated,
            string.Create(CultureInfo.InvariantCulture, $"{series.Note} Facts addendum 11 ({rows}; rule L1-L6): pain here in {inCause:0.##} of patients with this cause against {comparison:0.###}, the prior-weighted frequency of the region in the other 17 causes (their qualifying published share where there is one, otherwise the share the location-matrix convention implies: typical 0.78, possible 0.39, blank or no rule 0.09): LR+ {positive:0.##}, LR- {negative:0.##} after the tier {tier} caps and the estimate bounds. Applied in base 0.14.0 by facts addendum 34, whose screen kept this cell. An estimate, because the comparison is mostly the maintainers' convention.")));

    /// <summary>
    /// Adds the regions of the matrix that <paramref name="mapped"/> does not name as not typical, and groups every
    /// location rule of the cause (the matrix's regions and <paramref name="mapped"/>) as its pain map.
    /// </summary>
    public static CauseBuilder PainMap(this CauseBuilder cause, string causeId, params string[] mapped)
    {
        var blank = MatrixRegions.Where(region => !mapped.Contains(region)).ToArray();
        foreach (var region in blank)
        {
            cause.NotTypical(region);
        }

        return cause.PainMapWithoutBlankRegions(causeId, [.. mapped, .. blank]);
    }

    /// <summary>
    /// Groups the location rules of <paramref name="regions"/> as the cause's pain map without adding the matrix's
    /// other regions as not typical: for a cause that keeps no blank region (malignancy, whose tumour can sit anywhere
    /// in the pelvis or femur). Its regions still count once (facts addendum 58, C1).
    /// </summary>
    public static CauseBuilder PainMapWithoutBlankRegions(this CauseBuilder cause, string causeId, params string[] regions) =>
        cause.Group($"{causeId}/pain-map", "Where it hurts (one pain map, counted once)", g =>
        {
            foreach (var region in regions)
            {
                g.Member($"{causeId}/{region}");
            }
        });
}
