using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The red-flag gates evaluated for one case: each gate's status, the settled and the highest possible urgency
/// (by <see cref="UrgencyRule"/>), and the undecided gates in the order to settle them with their questions.
/// </summary>
internal sealed class RedFlagAssessment
{
    private RedFlagAssessment(ImmutableArray<RedFlagOutcome> outcomes, ImmutableArray<RedFlagOutcome> undecided, ImmutableArray<string> settlingFindingIds, Urgency urgency, Urgency highestPossibleUrgency)
    {
        Outcomes = outcomes;
        Undecided = undecided;
        SettlingFindingIds = settlingFindingIds;
        Urgency = urgency;
        HighestPossibleUrgency = highestPossibleUrgency;
    }

    /// <summary>Every gate: fired (most urgent first), undecided (in settling order), ruled out (authoring order).</summary>
    public ImmutableArray<RedFlagOutcome> Outcomes { get; }

    /// <summary>The undecided gates in settling order.</summary>
    public ImmutableArray<RedFlagOutcome> Undecided { get; }

    /// <summary>The settling questions of <see cref="Undecided"/>, flattened in order, each once.</summary>
    public ImmutableArray<string> SettlingFindingIds { get; }

    public Urgency Urgency { get; }

    public Urgency HighestPossibleUrgency { get; }

    /// <summary>Evaluates every gate of the compiled base against a case's dense states.</summary>
    /// <param name="compiled">The compiled base.</param>
    /// <param name="states">The case's finding states by finding index.</param>
    /// <param name="age">The age, or <see cref="CriterionProgram.NoAge"/>.</param>
    /// <param name="sex">The sex.</param>
    /// <param name="logOdds">The case's posterior log-odds by cause index: the third key of the settling order.</param>
    public static RedFlagAssessment Evaluate(CompiledKnowledgeBase compiled, ReadOnlySpan<FindingState> states, int age, Sex sex, ReadOnlySpan<double> logOdds)
    {
        var flags = compiled.RedFlags;
        var outcomes = new int[flags.Length];
        var all = new RedFlagOutcome[flags.Length];
        var leadingSuspect = new double[flags.Length];
        for (var g = 0; g < flags.Length; g++)
        {
            var flag = flags[g];
            outcomes[g] = compiled.Program.Evaluate(flag.Root, states, age, sex);
            if (outcomes[g] != CriterionProgram.Undecided)
            {
                all[g] = new RedFlagOutcome(flag.Flag, outcomes[g] == CriterionProgram.Met ? RedFlagStatus.Fired : RedFlagStatus.RuledOut, false, []);
                continue;
            }

            var settling = ImmutableArray.CreateBuilder<string>();
            foreach (var (id, index) in flag.Findings)
            {
                if (compiled.Program.IsLive(flag.Root, states, age, sex, index))
                {
                    settling.Add(id);
                }
            }

            all[g] = new RedFlagOutcome(
                flag.Flag,
                RedFlagStatus.Undecided,
                compiled.Program.IsPartlyMet(flag.Root, states, age, sex),
                settling.ToImmutable(),
                compiled.Program.Progress(flag.Root, states, age, sex));

            // Logistic is monotone, so the highest log-odds is the highest probability; a gate that suspects no
            // cause comes after every gate that does.
            leadingSuspect[g] = double.NegativeInfinity;
            foreach (var cause in flag.SuspectedCauses)
            {
                leadingSuspect[g] = Math.Max(leadingSuspect[g], logOdds[cause]);
            }
        }

        var order = Enumerable.Range(0, flags.Length).ToArray();
        Array.Sort(order, (a, b) => Compare(all[a], all[b], leadingSuspect[a], leadingSuspect[b], a, b));
        var ordered = order.Select(g => all[g]).ToImmutableArray();
        var undecided = ordered.Where(o => o.Status == RedFlagStatus.Undecided).ToImmutableArray();
        var questions = undecided.SelectMany(o => o.SettlingFindingIds).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new RedFlagAssessment(
            ordered,
            undecided,
            questions,
            UrgencyRule.Settled(outcomes, compiled.RedFlagUrgencies),
            UrgencyRule.HighestPossible(outcomes, compiled.RedFlagUrgencies));
    }

    /// <summary>
    /// Fired gates first, most urgent first; then undecided gates, partly met first, then most urgent (the Manchester
    /// Triage System's reductive order, facts addendum 14), then the furthest towards firing
    /// (<see cref="RedFlagOutcome.Progress"/>), then by their most probable suspected cause; then ruled-out gates; every
    /// tie in authoring order.
    /// </summary>
    private static int Compare(RedFlagOutcome a, RedFlagOutcome b, double leadingA, double leadingB, int indexA, int indexB)
    {
        var byStatus = Rank(a.Status).CompareTo(Rank(b.Status));
        if (byStatus != 0)
        {
            return byStatus;
        }

        if (a.Status != RedFlagStatus.RuledOut)
        {
            var byPartlyMet = b.IsPartlyMet.CompareTo(a.IsPartlyMet);
            if (byPartlyMet != 0)
            {
                return byPartlyMet;
            }

            var byUrgency = b.RedFlag.Urgency.CompareTo(a.RedFlag.Urgency);
            if (byUrgency != 0)
            {
                return byUrgency;
            }

            var byProgress = b.Progress.CompareTo(a.Progress);
            if (byProgress != 0)
            {
                return byProgress;
            }

            if (a.Status == RedFlagStatus.Undecided)
            {
                var bySuspect = leadingB.CompareTo(leadingA);
                if (bySuspect != 0)
                {
                    return bySuspect;
                }
            }
        }

        return indexA.CompareTo(indexB);
    }

    private static int Rank(RedFlagStatus status) => status switch
    {
        RedFlagStatus.Fired => 0,
        RedFlagStatus.Undecided => 1,
        _ => 2,
    };
}
