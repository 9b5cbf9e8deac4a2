using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>
/// Settings of an <see cref="Interviewer"/>: when the interview stops, what a question costs, and how a finding's
/// chance of being present is estimated when a cause has no rule on it. See <c>docs/interview.md</c>.
/// </summary>
/// <threadsafety>Not thread-safe while being set; the interviewer copies the values, so later changes do not affect it.</threadsafety>
public sealed class InterviewOptions
{
    /// <summary>
    /// Who answers: <see cref="InterviewAudience.Clinician"/> (default: every finding, clinician wording) or
    /// <see cref="InterviewAudience.Patient"/> (only what a patient can answer, patient wording).
    /// </summary>
    public InterviewAudience Audience { get; set; } = InterviewAudience.Clinician;

    /// <summary>The largest allowed <see cref="MaximumQuestions"/>.</summary>
    public const int MaximumQuestionLimit = 1000;

    /// <summary>
    /// Stop rule 1: the leading cause (the first of the differential, <c>RankedCause.Rank</c> 1) is clear when its
    /// posterior probability (<c>RankedCause.Probability</c>) is at least this value and <see cref="LeadingMargin"/>
    /// also holds. In (0, 1]; default 0.8. After an emergency red flag fires, the first cause is that gate's working
    /// diagnosis (docs/model.md, "Ranking"), so this rule stops the interview only when that cause is clear.
    /// </summary>
    public double LeadingProbability { get; set; } = 0.8;

    /// <summary>
    /// Stop rule 1: the leading cause's posterior probability must exceed the runner-up's by at least this much.
    /// In [0, 1]; default 0.3.
    /// </summary>
    public double LeadingMargin { get; set; } = 0.3;

    /// <summary>
    /// Stop rule 4: the most diagnostic questions one interview asks. Red-flag questions (asked first, never cut
    /// off) do not count, so an interview asks every open red-flag question and then at most this many more.
    /// A patient interview (<see cref="InterviewAudience.Patient"/>) counts its red-flag questions too, so it ends at about
    /// this many questions unless open red-flag questions take it beyond (they are never cut off).
    /// 1 to <see cref="MaximumQuestionLimit"/>; default 15.
    /// </summary>
    public int MaximumQuestions { get; set; } = 15;

    /// <summary>
    /// The chance that a finding is present in a patient with a cause that has no rule on it (and, for a one-sided
    /// rule, in a patient without the cause). In (0, 1); default 0.2. See <see cref="AnswerModel"/>.
    /// </summary>
    public double BackgroundPresentRate { get; set; } = AnswerModel.DefaultBackgroundPresentRate;

    /// <summary>
    /// The background rate of an alarm finding: one that only red-flag gates and can't-miss causes read, such as
    /// fever or a history of cancer (<see cref="AnswerModel.IsAlarmFinding"/>). In (0, 1); default 0.02.
    /// </summary>
    public double AlarmBackgroundPresentRate { get; set; } = AnswerModel.DefaultAlarmBackgroundPresentRate;

    /// <summary>
    /// Red-flag gates at or above this urgency make their open questions come first. Routine, Urgent or
    /// Emergency; default <see cref="Urgency.Urgent"/>.
    /// </summary>
    public Urgency RedFlagUrgency { get; set; } = Urgency.Urgent;

    /// <summary>
    /// The cost of a question asked in the history (kinds <see cref="FindingKind.PainLocation"/> to
    /// <see cref="FindingKind.RiskFactor"/>). Positive and finite; default 1.
    /// </summary>
    public double HistoryCost { get; set; } = 1;

    /// <summary>The cost of an examination finding (<see cref="FindingKind.Examination"/>). Positive and finite; default 3.</summary>
    public double ExaminationCost { get; set; } = 3;

    /// <summary>The cost of an imaging or laboratory result (<see cref="FindingKind.Investigation"/>). Positive and finite; default 10.</summary>
    public double InvestigationCost { get; set; } = 10;

    /// <summary>The cost of asking about a finding of the given kind, from the three cost settings.</summary>
    /// <param name="kind">The finding's kind.</param>
    /// <returns>The cost.</returns>
    public double CostOf(FindingKind kind) => kind switch
    {
        FindingKind.Examination => ExaminationCost,
        FindingKind.Investigation => InvestigationCost,
        _ => HistoryCost,
    };

    internal InterviewOptions Copy() => (InterviewOptions)MemberwiseClone();

    /// <summary>
    /// Checks every setting against its allowed range, as <see cref="Interviewer"/>'s constructor does; lets a host
    /// check the settings at start-up, before any engine exists.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its allowed range; <see cref="ArgumentException.ParamName"/> names the first one.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Audience))
        {
            throw new ArgumentOutOfRangeException(nameof(Audience), Audience, "Audience must be Clinician or Patient.");
        }

        if (!(LeadingProbability > 0 && LeadingProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LeadingProbability), LeadingProbability, "LeadingProbability must be in (0, 1].");
        }

        if (!(LeadingMargin >= 0 && LeadingMargin <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LeadingMargin), LeadingMargin, "LeadingMargin must be in [0, 1].");
        }

        if (MaximumQuestions is < 1 or > MaximumQuestionLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumQuestions), MaximumQuestions, $"MaximumQuestions must be between 1 and {MaximumQuestionLimit}.");
        }

        if (!(BackgroundPresentRate > 0 && BackgroundPresentRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(BackgroundPresentRate), BackgroundPresentRate, "BackgroundPresentRate must be in (0, 1).");
        }

        if (!(AlarmBackgroundPresentRate > 0 && AlarmBackgroundPresentRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(AlarmBackgroundPresentRate), AlarmBackgroundPresentRate, "AlarmBackgroundPresentRate must be in (0, 1).");
        }

        if (RedFlagUrgency is not (Urgency.Routine or Urgency.Urgent or Urgency.Emergency))
        {
            throw new ArgumentOutOfRangeException(nameof(RedFlagUrgency), RedFlagUrgency, "RedFlagUrgency must be Routine, Urgent or Emergency.");
        }

        CheckCost(HistoryCost, nameof(HistoryCost));
        CheckCost(ExaminationCost, nameof(ExaminationCost));
        CheckCost(InvestigationCost, nameof(InvestigationCost));
    }

    private static void CheckCost(double cost, string name)
    {
        if (!(cost > 0 && double.IsFinite(cost)))
        {
            throw new ArgumentOutOfRangeException(name, cost, $"{name} must be positive and finite.");
        }
    }
}
