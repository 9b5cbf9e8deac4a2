using System.Collections.Frozen;
using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>
/// How likely each finding is to be present in a patient who has a given cause, read from the knowledge base's
/// own likelihood ratios. The interviewer uses it to predict answers; a simulation uses it to draw patients.
/// </summary>
/// <remarks>
/// <para>
/// A single-finding rule with LR+ = a and LR- = b implies a sensitivity and specificity, because
/// a = Sn / (1 - Sp) and b = (1 - Sn) / Sp. Solving the pair gives Sp = (a - 1) / (a - b) and
/// Sn = a (1 - b) / (a - b). Both lie in [0, 1] exactly when a and b lie on opposite sides of 1.
/// </para>
/// <para>
/// The knowledge base writes a missing side as 1 ("no evidence when absent"), which is not a real ratio: the
/// formula would give Sn = 0 or Sn = 1. So a side equal to 1 counts as missing, and when only one side is
/// usable (or both lie on the same side of 1) the side further from 1 in log terms is used with the
/// background rate r as the chance of the finding in patients without the cause: Sn = a r from LR+ alone, and
/// Sn = 1 - b (1 - r) from LR- alone. A cause with no single-finding rule on the finding gets Sn = r.
/// Composite, age and sex rules do not define a rate. Every rate is clamped to [0.01, 0.99].
/// </para>
/// <para>
/// A finding whose frequency the knowledge base states (<see cref="Finding.PresentRate"/>, a hip replacement at 0.01 in
/// the built-in base) takes that rate as its r, instead of either background rate below, so that a rare exposure that
/// common causes weigh is still expected to be rare.
/// </para>
/// <para>
/// Alarm findings get their own background rate. A finding is an alarm finding when a red-flag gate at
/// <see cref="Urgency.Urgent"/> or above reads it and no cause below Urgent when suspected has a single-finding
/// rule that raises its odds when the finding is present (fever, saddle anaesthesia, a history of cancer: things
/// the base ties only to can't-miss causes). For those, r is <see cref="AlarmBackgroundPresentRate"/> (default 0.02)
/// instead of <see cref="BackgroundPresentRate"/>, so that a simulated runner with trochanteric pain does not report a
/// fever one time in five.
/// </para>
/// <para>A rule written on the absence of a finding (<c>Criterion.Absent</c>) gives the chance of absence; the model turns it round.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AnswerModel
{
    /// <summary>The default <see cref="BackgroundPresentRate"/>, 0.2.</summary>
    /// <remarks>A property, not a constant, so that a later release can revise the estimate without callers compiled against this one keeping the old value.</remarks>
    public static double DefaultBackgroundPresentRate => DefaultBackgroundRate;

    /// <summary>The default <see cref="AlarmBackgroundPresentRate"/>, 0.02.</summary>
    /// <remarks>A property, not a constant, for the same reason as <see cref="DefaultBackgroundPresentRate"/>.</remarks>
    public static double DefaultAlarmBackgroundPresentRate => DefaultAlarmBackgroundRate;

    private const double DefaultBackgroundRate = 0.2;

    private const double DefaultAlarmBackgroundRate = 0.02;

    /// <summary>The lowest rate the model gives, 0.01.</summary>
    internal const double MinimumRate = 0.01;

    /// <summary>The highest rate the model gives, 0.99.</summary>
    internal const double MaximumRate = 0.99;

    private readonly FrozenDictionary<string, int> causeIndex;
    private readonly FrozenDictionary<string, int> findingIndex;
    private readonly double[] rates;
    private readonly bool[] alarm;

    /// <summary>Reads the rates from a knowledge base.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="backgroundRate">The chance of a finding a cause has no rule on, in (0, 1).</param>
    /// <param name="alarmBackgroundRate">The same for an alarm finding (see the remarks), in (0, 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not in (0, 1); the exception names it.</exception>
    internal AnswerModel(KnowledgeBase knowledgeBase, double backgroundRate = DefaultBackgroundRate, double alarmBackgroundRate = DefaultAlarmBackgroundRate)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        if (!(backgroundRate > 0 && backgroundRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(backgroundRate), backgroundRate, "The background rate must be in (0, 1).");
        }

        if (!(alarmBackgroundRate > 0 && alarmBackgroundRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alarmBackgroundRate), alarmBackgroundRate, "The alarm background rate must be in (0, 1).");
        }

        KnowledgeBase = knowledgeBase;
        BackgroundPresentRate = backgroundRate;
        AlarmBackgroundPresentRate = alarmBackgroundRate;
        causeIndex = knowledgeBase.Causes.Select((c, i) => (c.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        findingIndex = knowledgeBase.Findings.Select((f, i) => (f.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        FindingCount = knowledgeBase.Findings.Length;
        alarm = AlarmFindings(knowledgeBase, causeIndex, findingIndex);
        rates = new double[knowledgeBase.Causes.Length * FindingCount];
        for (var slot = 0; slot < rates.Length; slot++)
        {
            rates[slot] = Clamp(BackgroundOf(slot % FindingCount));
        }

        var seen = new bool[rates.Length];
        foreach (var rule in knowledgeBase.Rules)
        {
            // Casts and null checks rather than pattern variables: Stryker's mutants of a pattern leave them unassigned.
            var single = rule as CriterionRule;
            var criterion = single?.Criterion as FindingCriterion;
            if (single is null || criterion is null)
            {
                continue;
            }

            var slot = (causeIndex[rule.CauseId] * FindingCount) + findingIndex[criterion.FindingId];
            if (seen[slot])
            {
                continue;
            }

            seen[slot] = true;
            var ratio = single.Ratio;
            var met = RateFromRatios(ratio.Positive, ratio.Negative, BackgroundOf(findingIndex[criterion.FindingId]));
            rates[slot] = criterion.Expected == FindingState.Absent ? Clamp(1 - met) : met;
        }
    }

    /// <summary>The knowledge base the rates come from.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>
    /// The chance that a finding is present in a patient without the cause (the interviewer's
    /// <see cref="InterviewOptions.BackgroundPresentRate"/>); see the remarks.
    /// </summary>
    public double BackgroundPresentRate { get; }

    /// <summary>The same chance for an alarm finding (<see cref="InterviewOptions.AlarmBackgroundPresentRate"/>).</summary>
    public double AlarmBackgroundPresentRate { get; }

    internal int FindingCount { get; }

    /// <summary>
    /// The chance that the finding is present in a patient who has the cause (the implied sensitivity). Not a
    /// prediction for one case: that is <see cref="QuestionSuggestion.PredictedPresentProbability"/>.
    /// </summary>
    /// <param name="causeId">The cause's id.</param>
    /// <param name="findingId">The finding's code.</param>
    /// <returns>A rate in [0.01, 0.99].</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The knowledge base has no such cause or finding; the message names it.</exception>
    public double PresentRate(string causeId, string findingId)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(findingId);
        if (!causeIndex.TryGetValue(causeId, out var cause))
        {
            throw new ArgumentException($"Knowledge base '{KnowledgeBase.Id}' has no cause '{causeId}'.", nameof(causeId));
        }

        if (!findingIndex.TryGetValue(findingId, out var finding))
        {
            throw new ArgumentException($"Knowledge base '{KnowledgeBase.Id}' has no finding '{findingId}'.", nameof(findingId));
        }

        return Rate(cause, finding);
    }

    /// <summary>
    /// True when the finding is an alarm finding: a red-flag gate at Urgent or above reads it, and no cause below
    /// Urgent when suspected has a single-finding rule raising its odds when it is present. Such a finding takes
    /// <see cref="AlarmBackgroundPresentRate"/> as its background rate.
    /// </summary>
    /// <param name="findingId">The finding's code.</param>
    /// <returns>Whether the finding is an alarm finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    /// <exception cref="ArgumentException">The knowledge base has no such finding; the message names it.</exception>
    public bool IsAlarmFinding(string findingId)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        return findingIndex.TryGetValue(findingId, out var finding)
            ? alarm[finding]
            : throw new ArgumentException($"Knowledge base '{KnowledgeBase.Id}' has no finding '{findingId}'.", nameof(findingId));
    }

    /// <summary>
    /// The sensitivity implied by a pair of likelihood ratios, as described in the remarks: the exact solution
    /// when LR+ and LR- lie on opposite sides of 1; otherwise the one-sided estimate with the background rate.
    /// </summary>
    /// <param name="positive">LR+ (positive; 1 when missing).</param>
    /// <param name="negative">LR- (positive; 1 when missing).</param>
    /// <param name="backgroundRate">The rate of the finding without the cause, in (0, 1).</param>
    /// <returns>The sensitivity, clamped to [0.01, 0.99].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is not positive and finite, or the rate is not in (0, 1).</exception>
    internal static double RateFromRatios(double positive, double negative, double backgroundRate)
    {
        if (!(positive > 0 && double.IsFinite(positive)))
        {
            throw new ArgumentOutOfRangeException(nameof(positive), positive, "LR+ must be positive and finite.");
        }

        if (!(negative >= 0 && double.IsFinite(negative)))
        {
            throw new ArgumentOutOfRangeException(nameof(negative), negative, "LR- must be non-negative and finite.");
        }

        if (!(backgroundRate > 0 && backgroundRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(backgroundRate), backgroundRate, "The background rate must be in (0, 1).");
        }

        var hasPositive = positive != 1;
        var hasNegative = negative != 1;
        if (hasPositive && hasNegative && (positive - 1) * (negative - 1) < 0)
        {
            return Clamp(positive * (1 - negative) / (positive - negative));
        }

        if (hasPositive && (!hasNegative || negative == 0 || Math.Abs(Math.Log(positive)) >= Math.Abs(Math.Log(negative))))
        {
            return Clamp(positive * backgroundRate);
        }

        return hasNegative ? Clamp(1 - (negative * (1 - backgroundRate))) : Clamp(backgroundRate);
    }

    internal double Rate(int cause, int finding) => rates[(cause * FindingCount) + finding];

    /// <summary>
    /// The chance of the finding in a patient without the cause: the finding's own <see cref="Finding.PresentRate"/>
    /// where the base gives one, else the alarm or the general background rate.
    /// </summary>
    private double BackgroundOf(int finding) =>
        KnowledgeBase.Findings[finding].PresentRate ?? (alarm[finding] ? AlarmBackgroundPresentRate : BackgroundPresentRate);

    private static bool[] AlarmFindings(KnowledgeBase knowledgeBase, FrozenDictionary<string, int> causes, FrozenDictionary<string, int> findings)
    {
        var alarm = new bool[findings.Count];
        foreach (var gate in knowledgeBase.RedFlags)
        {
            if (gate.Urgency >= Urgency.Urgent)
            {
                foreach (var id in gate.Criterion.FindingIds())
                {
                    alarm[findings[id]] = true;
                }
            }
        }

        foreach (var rule in knowledgeBase.Rules)
        {
            if (rule is CriterionRule { Criterion: FindingCriterion criterion } single
                && knowledgeBase.Causes[causes[rule.CauseId]].SuspectedUrgency < Urgency.Urgent
                && (criterion.Expected == FindingState.Present ? single.Ratio.Positive > 1 : single.Ratio.Negative > 1))
            {
                alarm[findings[criterion.FindingId]] = false;
            }
        }

        return alarm;
    }

    private static double Clamp(double rate) => Math.Clamp(rate, MinimumRate, MaximumRate);
}
