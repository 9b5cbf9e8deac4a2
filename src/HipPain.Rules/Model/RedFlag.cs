using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>
/// A red-flag gate: when its criterion is met the case's urgency is at least <see cref="Urgency"/>, whatever
/// the ranking says. Gates are evaluated independently of the differential so that a rare, can't-miss
/// cause always escalates.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class RedFlag
{
    /// <summary>A red flag's wording: its name, action and running advice.</summary>
    internal static readonly WordingKind<RedFlag> Wording = new(
        TextKey.RedFlagsSection,
        "red flag",
        kb => kb.RedFlags,
        f => f.Id,
        new("name", f => f.Name, IsRewordable: true),
        new("action", f => f.Action, IsRewordable: true),
        new("running", f => f.RunningAdvice.Text));

    internal RedFlag(
        string id,
        Func<string, string?> wording,
        Criterion criterion,
        Urgency urgency,
        RunningAdvice runningAdvice,
        ImmutableArray<string> suspectedCauseIds,
        Evidence evidence,
        Criterion? askWhen,
        ImmutableArray<string> screeningFindingIds)
    {
        Id = id;
        Name = wording("name")!;
        Criterion = criterion;
        Urgency = urgency;
        Action = wording("action")!;
        RunningAdvice = runningAdvice;
        SuspectedCauseIds = suspectedCauseIds;
        Evidence = evidence;
        AskWhen = askWhen;
        ScreeningFindingIds = screeningFindingIds;
    }

    /// <summary>The stable id, for example <c>rf.femoral-neck-stress-fracture</c>.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The condition that fires the gate.</summary>
    public Criterion Criterion { get; }

    /// <summary>The least urgency a case gets when the gate fires.</summary>
    public Urgency Urgency { get; }

    /// <summary>What to do, in words, for example "Same-day emergency department; aspirate before antibiotics".</summary>
    public string Action { get; }

    /// <summary>Running advice while the flag stands.</summary>
    public RunningAdvice RunningAdvice { get; }

    /// <summary>The causes the flag raises suspicion of.</summary>
    public ImmutableArray<string> SuspectedCauseIds { get; }

    /// <summary>The source of the gate.</summary>
    public Evidence Evidence { get; }

    /// <summary>
    /// When a patient interview asks the gate's questions: once this context criterion is met (for example back or leg
    /// symptoms for cauda equina). Null: whenever the gate is open. A clinician interview ignores it and asks every open
    /// gate first. A gate whose context never appears stays undecided and is named in the result's provisional urgency.
    /// </summary>
    public Criterion? AskWhen { get; }

    /// <summary>
    /// The gate's findings a patient interview asks in its universal red-flag screen, before any other question and
    /// whatever the context (for example fever for the infection gate). Empty when the gate has none.
    /// </summary>
    public ImmutableArray<string> ScreeningFindingIds { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Urgency}): {Criterion}";
}
