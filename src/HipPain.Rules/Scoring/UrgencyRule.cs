using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The one urgency rule, read by the engine and the interviewer alike. Each red flag's criterion evaluates to
/// <see cref="CriterionProgram.Met"/> (fired), <see cref="CriterionProgram.NotMet"/> (ruled out) or
/// <see cref="CriterionProgram.Undecided"/>; <c>outcomes[g]</c> and <c>urgencies[g]</c> describe red flag <c>g</c>.
/// </summary>
internal static class UrgencyRule
{
    /// <summary>
    /// The urgency settled so far: the highest urgency of the fired red flags; <see cref="Urgency.SelfCare"/> only when
    /// every red flag is ruled out (or there are none); otherwise <see cref="Urgency.Routine"/>.
    /// </summary>
    public static Urgency Settled(ReadOnlySpan<int> outcomes, ReadOnlySpan<Urgency> urgencies)
    {
        var fired = Urgency.SelfCare;
        var allRuledOut = true;
        for (var g = 0; g < outcomes.Length; g++)
        {
            if (outcomes[g] == CriterionProgram.Met && urgencies[g] > fired)
            {
                fired = urgencies[g];
            }

            allRuledOut &= outcomes[g] == CriterionProgram.NotMet;
        }

        return fired > Urgency.SelfCare ? fired : allRuledOut ? Urgency.SelfCare : Urgency.Routine;
    }

    /// <summary>
    /// The highest urgency still possible given the unknown findings: the settled urgency raised to the urgency of
    /// every undecided red flag. Equal to <see cref="Settled"/> when every red flag is decided.
    /// </summary>
    public static Urgency HighestPossible(ReadOnlySpan<int> outcomes, ReadOnlySpan<Urgency> urgencies)
    {
        var highest = Settled(outcomes, urgencies);
        for (var g = 0; g < outcomes.Length; g++)
        {
            if (outcomes[g] == CriterionProgram.Undecided && urgencies[g] > highest)
            {
                highest = urgencies[g];
            }
        }

        return highest;
    }
}
