using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>What a case says about one red-flag gate.</summary>
public enum RedFlagStatus
{
    /// <summary>The case does not decide the gate: some findings it needs are unknown. Ask about them.</summary>
    NotAssessed = 0,

    /// <summary>The answers rule the gate out.</summary>
    RuledOut = 1,

    /// <summary>The gate fired: the case gets at least its urgency.</summary>
    Fired = 2,
}

/// <summary>One red-flag gate and its status for the case.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class RedFlagOutcome
{
    internal RedFlagOutcome(RedFlag redFlag, RedFlagStatus status)
    {
        RedFlag = redFlag;
        Status = status;
    }

    /// <summary>The gate.</summary>
    public RedFlag RedFlag { get; }

    /// <summary>Its status for the case.</summary>
    public RedFlagStatus Status { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RedFlag.Id}: {Status}";
}
