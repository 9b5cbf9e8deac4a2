using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The plain reference of the red-flag screen, straight from the definitions in docs/model.md on the model's
/// criteria (no compiled program): a gate's status, whether it is partly met, the unknown findings that can still
/// change it, and the settled and highest possible urgency.
/// </summary>
internal static class ReferenceRedFlags
{
    public static RedFlagStatus Status(RedFlag flag, PatientCase patientCase) => flag.Criterion.Evaluate(patientCase) switch
    {
        true => RedFlagStatus.Fired,
        false => RedFlagStatus.RuledOut,
        null => RedFlagStatus.Undecided,
    };

    /// <summary>Undecided, with a met leaf whose enclosing parts are none of them definitely not met.</summary>
    public static bool IsPartlyMet(Criterion criterion, PatientCase patientCase) =>
        criterion.Evaluate(patientCase) is null && HasMetLeaf(criterion, patientCase);

    /// <summary>The unknown findings in undecided branches whose every enclosing part is undecided, in order of appearance.</summary>
    public static string[] SettlingFindingIds(Criterion criterion, PatientCase patientCase) =>
        [.. criterion.FindingIds().Distinct(StringComparer.Ordinal).Where(id => IsLive(criterion, patientCase, id))];

    public static Urgency Settled(KnowledgeBase knowledgeBase, PatientCase patientCase)
    {
        var statuses = knowledgeBase.RedFlags.Select(f => (f.Urgency, Status: Status(f, patientCase))).ToList();
        var fired = statuses.Where(s => s.Status == RedFlagStatus.Fired).Select(s => s.Urgency).DefaultIfEmpty(Urgency.SelfCare).Max();
        return fired > Urgency.SelfCare ? fired : statuses.All(s => s.Status == RedFlagStatus.RuledOut) ? Urgency.SelfCare : Urgency.Routine;
    }

    public static Urgency HighestPossible(KnowledgeBase knowledgeBase, PatientCase patientCase) =>
        knowledgeBase.RedFlags.Where(f => Status(f, patientCase) == RedFlagStatus.Undecided).Select(f => f.Urgency)
            .Append(Settled(knowledgeBase, patientCase)).Max();

    private static bool HasMetLeaf(Criterion criterion, PatientCase patientCase) => criterion.Evaluate(patientCase) switch
    {
        false => false,
        var outcome => criterion is CountCriterion count ? count.Parts.Any(p => HasMetLeaf(p, patientCase)) : outcome == true,
    };

    private static bool IsLive(Criterion criterion, PatientCase patientCase, string findingId) => criterion switch
    {
        FindingCriterion f => f.FindingId == findingId && patientCase.StateOf(findingId) == FindingState.Unknown,
        CountCriterion c => c.Evaluate(patientCase) is null && c.Parts.Any(p => IsLive(p, patientCase, findingId)),
        _ => false,
    };
}
