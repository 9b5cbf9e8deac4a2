using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>
/// A criterion with its finding codes resolved to indices, so the interviewer can evaluate the same rule many
/// times per question without looking codes up. Same three-valued logic as <see cref="Criterion"/>.
/// </summary>
internal abstract class IndexedCriterion
{
    public abstract bool? Evaluate(FindingState[] states, int? age, Sex sex);

    /// <summary>True when the finding sits in an undecided branch whose every ancestor is undecided, so its answer can still matter.</summary>
    public abstract bool IsLive(FindingState[] states, int? age, Sex sex, int finding);

    public static IndexedCriterion From(Criterion criterion, IReadOnlyDictionary<string, int> findingIndex) => criterion switch
    {
        FindingCriterion f => new FindingNode(findingIndex[f.FindingId], f.Expected),
        CountCriterion c => new CountNode(c.Minimum, [.. c.Parts.Select(p => From(p, findingIndex))]),
        _ => new PatientNode(criterion),
    };

    private sealed class FindingNode(int index, FindingState expected) : IndexedCriterion
    {
        public override bool? Evaluate(FindingState[] states, int? age, Sex sex)
        {
            var state = states[index];
            return state == FindingState.Unknown ? null : state == expected;
        }

        public override bool IsLive(FindingState[] states, int? age, Sex sex, int finding) =>
            index == finding && states[index] == FindingState.Unknown;
    }

    private sealed class CountNode(int minimum, IndexedCriterion[] parts) : IndexedCriterion
    {
        public override bool? Evaluate(FindingState[] states, int? age, Sex sex)
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

        public override bool IsLive(FindingState[] states, int? age, Sex sex, int finding)
        {
            if (Evaluate(states, age, sex) is not null)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.IsLive(states, age, sex, finding))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>An age or sex criterion: it reads no finding, so the public evaluation is cheap enough.</summary>
    private sealed class PatientNode(Criterion criterion) : IndexedCriterion
    {
        public override bool? Evaluate(FindingState[] states, int? age, Sex sex) => criterion.Evaluate(static _ => FindingState.Unknown, age, sex);

        public override bool IsLive(FindingState[] states, int? age, Sex sex, int finding) => false;
    }
}
