using System.Runtime.InteropServices;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// Decides every red-flag gate of a compiled base for <see cref="TriageEngine.Triage"/> without walking the gates the
/// case cannot touch. A gate that reads neither the age nor the sex and none of whose findings the case answers has
/// the outcome it has with every finding unknown, computed once here by the same <see cref="CriterionProgram"/>;
/// every other gate is evaluated by the program as before, so each outcome is exactly the program's. Never written
/// after construction.
/// </summary>
internal sealed class RedFlagGates
{
    private readonly CriterionProgram program;
    private readonly int[] roots;
    private readonly int words;

    /// <summary>For each gate, <see cref="words"/> words: bit <c>f</c> set when the gate reads finding <c>f</c>.</summary>
    private readonly ulong[] findingMasks;

    /// <summary>For each gate, its outcome with every finding unknown, or <see cref="NoIdleOutcome"/> when it reads the age or the sex.</summary>
    private readonly int[] idleOutcomes;

    private const int NoIdleOutcome = int.MinValue;

    /// <summary>Builds the masks and idle outcomes; <paramref name="program"/> must already be frozen.</summary>
    public RedFlagGates(CompiledRedFlag[] flags, CriterionProgram program, int findingCount)
    {
        this.program = program;
        roots = [.. flags.Select(f => f.Root)];
        words = (findingCount + 63) / 64;
        findingMasks = new ulong[flags.Length * words];
        idleOutcomes = new int[flags.Length];
        var unknown = new FindingState[findingCount];
        for (var g = 0; g < flags.Length; g++)
        {
            foreach (var (_, index) in flags[g].Findings)
            {
                findingMasks[(g * words) + (index / 64)] |= 1UL << (index % 64);
            }

            idleOutcomes[g] = ScoringTables.ReadsAgeOrSex(flags[g].Flag.Criterion)
                ? NoIdleOutcome
                : program.Evaluate(flags[g].Root, unknown, CriterionProgram.NoAge, Sex.Unspecified);
        }
    }

    /// <summary>How many words a known-findings mask takes (see <see cref="Evaluate"/>).</summary>
    public int MaskWords => words;

    /// <summary>
    /// Writes each gate's outcome, as <see cref="CriterionProgram.Evaluate"/> gives it, into <paramref name="outcomes"/>
    /// (one slot per gate) and returns how many are met. <paramref name="known"/> is scratch of <see cref="MaskWords"/> words.
    /// </summary>
    public int Evaluate(ReadOnlySpan<FindingState> states, int age, Sex sex, Span<ulong> known, Span<int> outcomes)
    {
        known.Clear();
        // FindingState is an int enum; Unknown is 0. Skip the unknown states a vector at a time.
        var raw = MemoryMarshal.Cast<FindingState, int>(states);
        var at = raw.IndexOfAnyExcept((int)FindingState.Unknown);
        while (at >= 0)
        {
            known[at / 64] |= 1UL << (at % 64);
            var next = raw[(at + 1)..].IndexOfAnyExcept((int)FindingState.Unknown);
            at = next < 0 ? -1 : at + 1 + next;
        }

        var fired = 0;
        for (var g = 0; g < roots.Length; g++)
        {
            var outcome = idleOutcomes[g];
            if (outcome == NoIdleOutcome || Touches(g, known))
            {
                outcome = program.Evaluate(roots[g], states, age, sex);
            }

            outcomes[g] = outcome;
            fired += outcome == CriterionProgram.Met ? 1 : 0;
        }

        return fired;
    }

    private bool Touches(int gate, ReadOnlySpan<ulong> known)
    {
        var mask = findingMasks.AsSpan(gate * words, words);
        for (var w = 0; w < mask.Length; w++)
        {
            if ((mask[w] & known[w]) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
