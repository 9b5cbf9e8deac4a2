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
    public static CauseBuilder Derived(this CauseBuilder cause, string findingId, double inCause, double inOthers, Evidence source)
    {
        var (positive, negative, note) = Sources.Derive(inCause, inOthers, CapTier.B);
        return cause.Finding(findingId, positive, negative, new Evidence(source.Citation, source.Level, VerificationStatus.Estimated, $"{source.Note} {note}"));
    }
}
