using HipPain.Rules.Authoring;

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
        cause.Finding(locationId, 3.0, 0.3, Sources.LocationMatrix("Typical region (●): LR+ 3, LR- 0.3 by convention."));

    public static CauseBuilder Possible(this CauseBuilder cause, string locationId) =>
        cause.Finding(locationId, 1.5, 1.0, Sources.LocationMatrix("Possible region (○): LR+ 1.5, no evidence when absent."));

    public static CauseBuilder NotTypical(this CauseBuilder cause, string locationId) =>
        cause.Finding(locationId, 1.0 / 3.0, 1.0, Sources.LocationMatrix("Region the matrix leaves blank (not typical): LR+ 1/3, the reciprocal of a typical region's 3, no evidence when absent, by convention."));

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

        return cause.Group($"{causeId}/pain-map", "Where it hurts (one pain map, counted once)", g =>
        {
            foreach (var region in mapped.Concat(blank))
            {
                g.Member($"{causeId}/{region}");
            }
        });
    }
}
