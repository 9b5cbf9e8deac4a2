using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// Rules whose ratios are derived from a feature's frequency in the cause and its comparison frequency
/// (<see cref="Sources.Derive"/>). The source that gives, or describes, the frequency in the cause stays cited; the
/// status is <see cref="VerificationStatus.Estimated"/> because the comparison frequency is the maintainers'.
/// </summary>
internal static class Derivations
{
    public static CauseBuilder Derived(this CauseBuilder cause, string findingId, double inCause, double inOthers, Evidence source) =>
        cause.Derived(findingId, inCause, inOthers, CapTier.B, source);

    /// <summary>
    /// As <see cref="Derived(CauseBuilder, string, double, double, Evidence)"/>, with the cap tier of the series that gives the
    /// frequency in the cause (a 0% or 100% share is tier C; docs/evidence/facts-addendum-12-onset-duration.md, rule O4).
    /// </summary>
    public static CauseBuilder Derived(this CauseBuilder cause, string findingId, double inCause, double inOthers, CapTier tier, Evidence source)
    {
        var (positive, negative, note) = Sources.Derive(inCause, inOthers, tier);
        return cause.Finding(findingId, positive, negative, new Evidence(source.Citation, source.Level, VerificationStatus.Estimated, $"{source.Note} {note}"));
    }
}
