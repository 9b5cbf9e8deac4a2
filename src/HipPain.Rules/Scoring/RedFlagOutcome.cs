using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>What a case says about one red-flag gate.</summary>
public enum RedFlagStatus
{
    /// <summary>The case does not decide the gate yet: findings it needs are unknown. Ask about them (<see cref="RedFlagOutcome.SettlingFindingIds"/>).</summary>
    Undecided = 0,

    /// <summary>The answers rule the gate out.</summary>
    RuledOut = 1,

    /// <summary>The gate fired: the case gets at least its urgency.</summary>
    Fired = 2,
}

/// <summary>One red-flag gate, its status for the case and, while it is undecided, the questions that would settle it.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class RedFlagOutcome
{
    internal RedFlagOutcome(RedFlag redFlag, RedFlagStatus status, bool isPartlyMet, ImmutableArray<string> settlingFindingIds, double progress = 0)
    {
        RedFlag = redFlag;
        Status = status;
        IsPartlyMet = isPartlyMet;
        Progress = status == RedFlagStatus.Fired ? 1 : progress;
        SettlingFindingIds = settlingFindingIds;
    }

    /// <summary>
    /// How far the case goes towards firing the gate, from 0 to 1: 1 when fired, 0 when ruled out or untouched. For an
    /// undecided gate, the share of the required parts of its best branch that are met, a nested part counting by its
    /// own share; for example 0.5 for "groin pain and one of these signs" when only the groin pain is known.
    /// </summary>
    public double Progress { get; }

    /// <summary>The gate.</summary>
    public RedFlag RedFlag { get; }

    /// <summary>Its status for the case.</summary>
    public RedFlagStatus Status { get; }

    /// <summary>
    /// True when the gate is undecided and partly met: its criterion has a met condition (a finding in its expected
    /// state, or an age or sex condition met) in a branch that is not ruled out, so the case already points towards
    /// the gate. False for a fired or ruled-out gate, and for an undecided gate nothing points to yet.
    /// </summary>
    public bool IsPartlyMet { get; }

    /// <summary>
    /// The codes of the unknown findings whose answer can still change the gate's outcome (each sits in an undecided
    /// branch of the criterion), in the order the criterion names them; empty when the gate is decided.
    /// </summary>
    public ImmutableArray<string> SettlingFindingIds { get; }

    /// <inheritdoc />
    public override string ToString() => Status == RedFlagStatus.Undecided
        ? $"{RedFlag.Id}: {Status}{(IsPartlyMet ? " (partly met)" : string.Empty)}, ask {string.Join(", ", SettlingFindingIds)}"
        : $"{RedFlag.Id}: {Status}";
}
