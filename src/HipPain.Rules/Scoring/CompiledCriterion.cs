using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>A criterion with finding codes resolved to indices, evaluated over a dense state array.</summary>
internal abstract class CompiledCriterion
{
    public abstract bool? Evaluate(ReadOnlySpan<FindingState> states, int? age, Sex sex);

    public static CompiledCriterion Compile(Criterion criterion, IReadOnlyDictionary<string, int> findingIndex) => criterion switch
    {
        FindingCriterion f => new FindingNode(findingIndex[f.FindingId], f.Expected),
        CountCriterion c => new CountNode(c.Minimum, [.. c.Parts.Select(p => Compile(p, findingIndex))]),
        AgeCriterion a => new AgeNode(a.Minimum, a.Maximum),
        SexCriterion s => new SexNode(s.Sex),
        _ => throw new NotSupportedException($"Unsupported criterion type {criterion.GetType().Name}."),
    };

    private sealed class FindingNode(int index, FindingState expected) : CompiledCriterion
    {
        public override bool? Evaluate(ReadOnlySpan<FindingState> states, int? age, Sex sex)
        {
            var state = states[index];
            return state == FindingState.Unknown ? null : state == expected;
        }
    }

    private sealed class CountNode(int minimum, CompiledCriterion[] parts) : CompiledCriterion
    {
        public override bool? Evaluate(ReadOnlySpan<FindingState> states, int? age, Sex sex)
        {
            int met = 0, notMet = 0;
            foreach (var part in parts)
            {
                switch (part.Evaluate(states, age, sex))
                {
                    case true: met++; break;
                    case false: notMet++; break;
                }
            }

            return CountCriterion.Decide(met, notMet, parts.Length, minimum);
        }
    }

    private sealed class AgeNode(int? minimum, int? maximum) : CompiledCriterion
    {
        public override bool? Evaluate(ReadOnlySpan<FindingState> states, int? age, Sex sex) =>
            age is not int years ? null : (minimum is null || years >= minimum) && (maximum is null || years <= maximum);
    }

    private sealed class SexNode(Sex expected) : CompiledCriterion
    {
        public override bool? Evaluate(ReadOnlySpan<FindingState> states, int? age, Sex sex) =>
            sex == Sex.Unspecified ? null : sex == expected;
    }
}
