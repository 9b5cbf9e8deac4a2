using HipPain.Rules.Authoring;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// Pain-location weights. No study gives likelihood ratios for where a runner's hip pain is felt, yet the
/// clinic page calls location "the best clue". The facts table's location matrix (§1.19) marks each region
/// as typical or possible for each cause; the maintainers encode a typical region as LR+ 3 / LR- 0.3 and a
/// possible region as LR+ 1.5 / LR- 1, and say so on every rule.
/// </summary>
internal static class Locations
{
    public static CauseBuilder Typical(this CauseBuilder cause, string locationId) =>
        cause.Finding(locationId, 3.0, 0.3, Sources.LocationMatrix("Typical region (●): LR+ 3, LR- 0.3 by convention."));

    public static CauseBuilder Possible(this CauseBuilder cause, string locationId) =>
        cause.Finding(locationId, 1.5, 1.0, Sources.LocationMatrix("Possible region (○): LR+ 1.5, no evidence when absent."));
}
