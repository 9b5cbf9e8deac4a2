using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>One entry of a care plan: a treatment or workup step and the causes it is for.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class PlanItem
{
    internal PlanItem(Treatment treatment, TreatmentLine line, ImmutableArray<string> causeIds, ImmutableArray<Evidence> causeEvidence, ImmutableArray<string> notes)
    {
        Treatment = treatment;
        Line = line;
        CauseIds = causeIds;
        CauseEvidence = causeEvidence;
        Notes = notes;
    }

    /// <summary>The treatment, workup step or prevention measure.</summary>
    public Treatment Treatment { get; }

    /// <summary>The strongest line any of its causes gives it (first line before second line); <see cref="TreatmentLine.Avoid"/> in the avoid list.</summary>
    public TreatmentLine Line { get; }

    /// <summary>The causes it is for, in differential order.</summary>
    public ImmutableArray<string> CauseIds { get; }

    /// <summary>
    /// For each of <see cref="CauseIds"/>, at the same position, the evidence for the treatment in that cause
    /// (<see cref="TreatmentRecommendation.EvidenceWith"/>): the cause's own when its recommendation has one, else
    /// <see cref="Treatment"/>'s. Show the level per cause; a trial in one condition does not grade another.
    /// </summary>
    public ImmutableArray<Evidence> CauseEvidence { get; }

    /// <summary>The evidence for the treatment in one of its causes.</summary>
    /// <param name="causeId">One of <see cref="CauseIds"/>.</param>
    /// <returns>That cause's evidence for the treatment.</returns>
    /// <exception cref="ArgumentException"><paramref name="causeId"/> is not one of <see cref="CauseIds"/>.</exception>
    public Evidence EvidenceFor(string causeId)
    {
        var index = CauseIds.IndexOf(causeId);
        return index >= 0 ? CauseEvidence[index] : throw new ArgumentException($"Plan item '{Treatment.Id}' is not for cause '{causeId}'.", nameof(causeId));
    }

    /// <summary>Cause-specific remarks and, for deferred or avoided items, the reason.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Treatment.Name} ({Line}; for {string.Join(", ", CauseIds)})";
}

/// <summary>
/// What to do next, shaped by urgency: immediate actions from fired red flags, workup, treatments, things to
/// avoid, prevention and running advice. At Urgent or Emergency, treatments for causes no fired flag names
/// are moved to <see cref="Deferred"/> until the serious cause is excluded.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CarePlan
{
    internal CarePlan(
        Urgency urgency,
        ImmutableArray<string> immediateActions,
        RunningAdvice runningAdvice,
        ImmutableArray<PlanItem> workup,
        ImmutableArray<PlanItem> treatments,
        ImmutableArray<PlanItem> deferred,
        ImmutableArray<PlanItem> avoid,
        ImmutableArray<PlanItem> prevention)
    {
        Urgency = urgency;
        ImmediateActions = immediateActions;
        RunningAdvice = runningAdvice;
        Workup = workup;
        Treatments = treatments;
        Deferred = deferred;
        Avoid = avoid;
        Prevention = prevention;
    }

    /// <summary>The urgency the plan is shaped by.</summary>
    public Urgency Urgency { get; }

    /// <summary>The actions of fired red flags, most urgent first; empty when none fired.</summary>
    public ImmutableArray<string> ImmediateActions { get; }

    /// <summary>The running advice: the strictest of the fired flags' and the leading cause's.</summary>
    public RunningAdvice RunningAdvice { get; }

    /// <summary>Examination, imaging, laboratory and referral steps.</summary>
    public ImmutableArray<PlanItem> Workup { get; }

    /// <summary>Treatments to offer now.</summary>
    public ImmutableArray<PlanItem> Treatments { get; }

    /// <summary>Treatments held back until the red flags are cleared; empty below Urgent.</summary>
    public ImmutableArray<PlanItem> Deferred { get; }

    /// <summary>Treatments a leading cause says to avoid; avoidance wins over a recommendation from another cause.</summary>
    public ImmutableArray<PlanItem> Avoid { get; }

    /// <summary>Prevention measures for the leading causes.</summary>
    public ImmutableArray<PlanItem> Prevention { get; }
}
