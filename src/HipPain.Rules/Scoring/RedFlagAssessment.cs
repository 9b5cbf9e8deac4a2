using System.Buffers;
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
        var inContext = new bool[flags.Length];
        var scratch = ArrayPool<int>.Shared.Rent(compiled.Program.NodeCount);
        var live = ArrayPool<bool>.Shared.Rent(states.Length);
        Array.Clear(live, 0, states.Length);
        for (var g = 0; g < flags.Length; g++)
        {
            var flag = flags[g];

            // One walk evaluates the gate and marks its live findings (the same as IsLive, finding by finding).
            outcomes[g] = compiled.Program.EvaluateAndMarkLive(flag.Root, states, age, sex, scratch, live);
            if (outcomes[g] != CriterionProgram.Undecided)
            {
                all[g] = new RedFlagOutcome(flag.Flag, outcomes[g] == CriterionProgram.Met ? RedFlagStatus.Fired : RedFlagStatus.RuledOut, false, []);
                continue;
            }

            var settling = ImmutableArray.CreateBuilder<string>();
            foreach (var (id, index) in flag.Findings)
            {
                if (live[index])
                {
                    settling.Add(id);
                    live[index] = false;
                }
            }

            all[g] = new RedFlagOutcome(
                flag.Flag,
                RedFlagStatus.Undecided,
                compiled.Program.IsPartlyMet(flag.Root, states, age, sex),
                settling.ToImmutable(),
                compiled.Program.Progress(flag.Root, states, age, sex));

            inContext[g] = flag.ContextRoot < 0 || compiled.Program.Evaluate(flag.ContextRoot, states, age, sex) == CriterionProgram.Met;

            // Logistic is monotone, so the highest log-odds is the highest probability; a gate that suspects no
            // cause comes after every gate that does.
            leadingSuspect[g] = double.NegativeInfinity;
            foreach (var cause in flag.SuspectedCauses)
            {
                leadingSuspect[g] = Math.Max(leadingSuspect[g], logOdds[cause]);
            }
        }

        // Every live mark was cleared as it was read, so the buffers go back clean.
        ArrayPool<int>.Shared.Return(scratch);
        ArrayPool<bool>.Shared.Return(live);

        var order = Enumerable.Range(0, flags.Length).ToArray();
        Array.Sort(order, (a, b) => Compare(all[a], all[b], inContext[a], inContext[b], leadingSuspect[a], leadingSuspect[b], a, b));
        var ordered = EmergencyFormsFirst(flags, all, order).Select(g => all[g]).ToImmutableArray();
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
    /// Facts addendum 27, rule R5b: the emergency form of a cause the case points at is asked before its urgent form.
    /// An undecided gate the case does not partly meet moves when it is more urgent than a gate that names one of its
    /// suspected causes and is partly met (it moves to just before the first such gate) or has fired (to just before
    /// the first undecided gate less urgent than itself); with both, to the earlier place. A gate only ever moves
    /// earlier; gates moved to one place keep their order; nothing else moves.
    /// </summary>
    private static int[] EmergencyFormsFirst(CompiledRedFlag[] flags, RedFlagOutcome[] all, int[] order)
    {
        var start = Array.FindIndex(order, g => all[g].Status == RedFlagStatus.Undecided);
        if (start < 0)
        {
            return order;
        }

        var end = start;
        while (end < order.Length && all[order[end]].Status == RedFlagStatus.Undecided)
        {
            end++;
        }

        var target = new int[order.Length];
        var moved = false;
        for (var p = start; p < end; p++)
        {
            target[p] = p;
            var g = order[p];
            if (all[g].IsPartlyMet)
            {
                continue;
            }

            var urgency = flags[g].Flag.Urgency;
            for (var h = 0; h < flags.Length; h++)
            {
                if (flags[h].Flag.Urgency >= urgency || !flags[g].SuspectedCauses.AsSpan().ContainsAny(flags[h].SuspectedCauses))
                {
                    continue;
                }

                var place = all[h].Status switch
                {
                    RedFlagStatus.Undecided when all[h].IsPartlyMet => Array.IndexOf(order, h, start, end - start),
                    RedFlagStatus.Fired => FirstLessUrgent(flags, order, start, end, urgency),
                    _ => -1,
                };
                if (place >= 0 && place < target[p])
                {
                    target[p] = place;
                    moved = true;
                }
            }
        }

        if (!moved)
        {
            return order;
        }

        var result = new List<int>(order.Length);
        result.AddRange(order.AsSpan(0, start));
        for (var p = start; p < end; p++)
        {
            for (var q = p + 1; q < end; q++)
            {
                if (target[q] == p)
                {
                    result.Add(order[q]);
                }
            }

            if (target[p] == p)
            {
                result.Add(order[p]);
            }
        }

        result.AddRange(order.AsSpan(end));
        return [.. result];
    }

    private static int FirstLessUrgent(CompiledRedFlag[] flags, int[] order, int start, int end, Urgency urgency)
    {
        for (var p = start; p < end; p++)
        {
            if (flags[order[p]].Flag.Urgency < urgency)
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>
    /// The order before <see cref="EmergencyFormsFirst"/>. Fired gates first, most urgent first; then undecided gates,
    /// partly met first, then (among the rest) those in their context (no <see cref="RedFlag.AskWhen"/>, or it is met;
    /// facts addendum 28, rule R6), then most urgent (the Manchester
    /// Triage System's reductive order, facts addendum 14), then the furthest towards firing
    /// (<see cref="RedFlagOutcome.Progress"/>), then by their most probable suspected cause; then ruled-out gates; every
    /// tie in authoring order.
    /// </summary>
    private static int Compare(RedFlagOutcome a, RedFlagOutcome b, bool inContextA, bool inContextB, double leadingA, double leadingB, int indexA, int indexB)
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

            if (a.Status == RedFlagStatus.Undecided && !a.IsPartlyMet)
            {
                var byContext = inContextB.CompareTo(inContextA);
                if (byContext != 0)
                {
                    return byContext;
                }
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
