using System.Collections.Immutable;
using System.Globalization;

namespace HipPain.Rules.Model;

/// <summary>
/// A condition over a case, evaluated in three values: <c>true</c> (met), <c>false</c> (definitely not met)
/// and <c>null</c> (cannot tell yet, because findings it needs are unknown). Rules and red-flag gates use
/// criteria; the single-finding criterion is the common case, and counting criteria express composite
/// clinical rules such as "at least 3 of these 5".
/// </summary>
/// <remarks>
/// The three-valued logic is what makes <see cref="FindingState.Unknown"/> neutral: a criterion is only
/// decided by what the case states, and a decided criterion stays decided however the unknowns turn out.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public abstract class Criterion
{
    private protected Criterion()
    {
    }

    /// <summary>A criterion met when the finding is present and not met when it is absent.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    public static FindingCriterion Present(string findingId) => new(findingId, FindingState.Present);

    /// <summary>A criterion met when the finding is absent and not met when it is present.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    public static FindingCriterion Absent(string findingId) => new(findingId, FindingState.Absent);

    /// <summary>Met when every part is met; not met as soon as one part is not met.</summary>
    /// <param name="parts">The parts; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static CountCriterion AllOf(params Criterion[] parts) => new(Guard(parts).Length, Guard(parts));

    /// <summary>Met when every named finding is present.</summary>
    /// <param name="findingIds">The findings' codes; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findingIds"/> or one of its items is null.</exception>
    public static CountCriterion AllOf(params string[] findingIds) => AllOf(ToPresent(findingIds));

    /// <summary>Met when any part is met; not met when every part is not met.</summary>
    /// <param name="parts">The parts; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static CountCriterion AnyOf(params Criterion[] parts) => new(1, Guard(parts));

    /// <summary>Met when any named finding is present.</summary>
    /// <param name="findingIds">The findings' codes; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findingIds"/> or one of its items is null.</exception>
    public static CountCriterion AnyOf(params string[] findingIds) => AnyOf(ToPresent(findingIds));

    /// <summary>Met when at least <paramref name="minimum"/> parts are met; not met when too few can still be met.</summary>
    /// <param name="minimum">How many parts must be met, from 1 to the number of parts (checked when the knowledge base is built, code HPK011).</param>
    /// <param name="parts">The parts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static CountCriterion AtLeast(int minimum, params Criterion[] parts) => new(minimum, Guard(parts));

    /// <summary>Met when at least <paramref name="minimum"/> of the named findings are present.</summary>
    /// <param name="minimum">How many findings must be present.</param>
    /// <param name="findingIds">The findings' codes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findingIds"/> or one of its items is null.</exception>
    public static CountCriterion AtLeast(int minimum, params string[] findingIds) => AtLeast(minimum, ToPresent(findingIds));

    /// <summary>Met when the patient's age in whole years lies in [<paramref name="minimum"/>, <paramref name="maximum"/>]; unknown when age is not given.</summary>
    /// <param name="minimum">The youngest age included, or null for no lower bound.</param>
    /// <param name="maximum">The oldest age included, or null for no upper bound.</param>
    public static AgeCriterion AgeBetween(int? minimum, int? maximum) => new(minimum, maximum);

    /// <summary>Met when the patient's sex is <paramref name="sex"/>; unknown when sex is unspecified.</summary>
    /// <param name="sex">Female or male.</param>
    public static SexCriterion SexIs(Sex sex) => new(sex);

    /// <summary>
    /// The nesting depth: 1 for a single finding, an age band or a sex; one more than the deepest part for a
    /// composite. Known when the criterion is made, without walking it.
    /// </summary>
    internal abstract int Depth { get; }

    /// <summary>
    /// The number of criteria in the tree, this one included, a part used in several places counted once for each
    /// place (so a shared part cannot hide an exponential tree); saturates at <see cref="int.MaxValue"/>.
    /// </summary>
    internal abstract int Size { get; }

    /// <summary>True when the criterion is within <see cref="KnowledgeBaseLimits"/>, so that walking it is bounded.</summary>
    internal bool IsWithinLimits => Depth <= KnowledgeBaseLimits.MaximumCriterionDepth && Size <= KnowledgeBaseLimits.MaximumCriterionSize;

    /// <summary>Evaluates the criterion against a case, without checking the case against a knowledge base (the engine compiles criteria instead; tests use this as the plain reference).</summary>
    /// <param name="patientCase">The case.</param>
    /// <returns><c>true</c> when met, <c>false</c> when definitely not met, <c>null</c> when undecided.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The criterion nests deeper than <see cref="KnowledgeBaseLimits.MaximumCriterionDepth"/> or has more parts than <see cref="KnowledgeBaseLimits.MaximumCriterionSize"/>; a knowledge base refuses it (HPK018).</exception>
    internal bool? Evaluate(PatientCase patientCase)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        EnsureWithinLimits();
        return Evaluate(patientCase.StateOf, patientCase.Age, patientCase.Sex);
    }

    /// <summary>The codes of every finding the criterion reads, in order of appearance.</summary>
    /// <returns>The codes, a code read in several places once for each place.</returns>
    /// <exception cref="InvalidOperationException">The criterion nests deeper than <see cref="KnowledgeBaseLimits.MaximumCriterionDepth"/> or has more parts than <see cref="KnowledgeBaseLimits.MaximumCriterionSize"/>; a knowledge base refuses it (HPK018).</exception>
    public IReadOnlyList<string> FindingIds()
    {
        EnsureWithinLimits();
        var ids = new List<string>();
        CollectFindingIds(ids);
        return ids;
    }

    /// <summary>
    /// A canonical text form, for example <c>atLeast(2; present(a), absent(b))</c>. A criterion beyond
    /// <see cref="KnowledgeBaseLimits"/> gives a summary of its depth and size instead.
    /// </summary>
    /// <returns>The text.</returns>
    public abstract override string ToString();

    /// <summary>The limit the criterion breaks, as a sentence, or null when it is within the limits.</summary>
    internal string? LimitProblem() =>
        Depth > KnowledgeBaseLimits.MaximumCriterionDepth
            ? string.Create(CultureInfo.InvariantCulture, $"The criterion nests {Depth} levels; the limit is {KnowledgeBaseLimits.MaximumCriterionDepth} (KnowledgeBaseLimits.MaximumCriterionDepth).")
            : Size > KnowledgeBaseLimits.MaximumCriterionSize
                ? string.Create(CultureInfo.InvariantCulture, $"The criterion has {(Size == int.MaxValue ? "more than 2147483646" : Size.ToString(CultureInfo.InvariantCulture))} parts, each shared part counted wherever it is used; the limit is {KnowledgeBaseLimits.MaximumCriterionSize} (KnowledgeBaseLimits.MaximumCriterionSize).")
                : null;

    private void EnsureWithinLimits()
    {
        if (LimitProblem() is { } problem)
        {
            throw new InvalidOperationException(problem + " A knowledge base refuses it (HPK018), and it is not walked.");
        }
    }

    internal abstract bool? Evaluate(Func<string, FindingState> stateOf, int? age, Sex sex);

    internal abstract void CollectFindingIds(List<string> ids);

    private static Criterion[] Guard(Criterion[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        return parts;
    }

    private static Criterion[] ToPresent(string[] findingIds)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        return Array.ConvertAll(findingIds, id => (Criterion)Present(id));
    }
}

/// <summary>A criterion on one finding's state.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class FindingCriterion : Criterion
{
    internal FindingCriterion(string findingId, FindingState expected)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        FindingId = findingId;
        Expected = expected;
    }

    /// <summary>The finding's code.</summary>
    public string FindingId { get; }

    /// <summary>The state that meets the criterion: <see cref="FindingState.Present"/> or <see cref="FindingState.Absent"/>.</summary>
    public FindingState Expected { get; }

    internal override int Depth => 1;

    internal override int Size => 1;

    /// <inheritdoc />
    public override string ToString() => Expected == FindingState.Absent ? $"absent({FindingId})" : $"present({FindingId})";

    internal override bool? Evaluate(Func<string, FindingState> stateOf, int? age, Sex sex)
    {
        var state = stateOf(FindingId);
        return state == FindingState.Unknown ? null : state == Expected;
    }

    internal override void CollectFindingIds(List<string> ids) => ids.Add(FindingId);
}

/// <summary>
/// A composite criterion met when at least <see cref="Minimum"/> of its parts are met. All-of and any-of
/// are the special cases <c>Minimum == Parts.Length</c> and <c>Minimum == 1</c>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CountCriterion : Criterion
{
    internal CountCriterion(int minimum, IEnumerable<Criterion> parts)
    {
        Minimum = minimum;
        Parts = [.. parts];
        long size = 1;
        var depth = 0;
        foreach (var part in Parts)
        {
            depth = Math.Max(depth, part.Depth);
            size += part.Size;
        }

        Depth = depth == int.MaxValue ? depth : depth + 1;
        Size = (int)Math.Min(size, int.MaxValue);
    }

    /// <summary>How many parts must be met.</summary>
    public int Minimum { get; }

    /// <summary>The parts.</summary>
    public ImmutableArray<Criterion> Parts { get; }

    internal override int Depth { get; }

    internal override int Size { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var name = Minimum == Parts.Length ? "allOf(" : Minimum == 1 ? "anyOf(" : $"atLeast({Minimum}; ";
        return IsWithinLimits
            ? name + string.Join(", ", Parts) + ")"
            : string.Create(CultureInfo.InvariantCulture, $"{name}{Parts.Length} parts; depth {Depth}, size {Size}: beyond KnowledgeBaseLimits)");
    }

    internal override bool? Evaluate(Func<string, FindingState> stateOf, int? age, Sex sex)
    {
        int met = 0, notMet = 0;
        foreach (var part in Parts)
        {
            switch (part.Evaluate(stateOf, age, sex))
            {
                case true: met++; break;
                case false: notMet++; break;
            }
        }

        return Decide(met, notMet, Parts.Length, Minimum);
    }

    internal static bool? Decide(int met, int notMet, int count, int minimum) =>
        met >= minimum ? true : count - notMet < minimum ? false : null;

    internal override void CollectFindingIds(List<string> ids)
    {
        foreach (var part in Parts)
        {
            part.CollectFindingIds(ids);
        }
    }
}

/// <summary>A criterion on the patient's age in whole years; undecided when the case gives no age.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class AgeCriterion : Criterion
{
    internal AgeCriterion(int? minimum, int? maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The youngest age included, or null for no lower bound.</summary>
    public int? Minimum { get; }

    /// <summary>The oldest age included, or null for no upper bound.</summary>
    public int? Maximum { get; }

    internal override int Depth => 1;

    internal override int Size => 1;

    /// <inheritdoc />
    public override string ToString() => $"age({Minimum}..{Maximum})";

    internal override bool? Evaluate(Func<string, FindingState> stateOf, int? age, Sex sex) =>
        age is not int years ? null : (Minimum is null || years >= Minimum) && (Maximum is null || years <= Maximum);

    internal override void CollectFindingIds(List<string> ids)
    {
    }
}

/// <summary>A criterion on the patient's sex; undecided when the case leaves sex unspecified.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class SexCriterion : Criterion
{
    internal SexCriterion(Sex sex) => Sex = sex;

    /// <summary>The sex that meets the criterion.</summary>
    public Sex Sex { get; }

    internal override int Depth => 1;

    internal override int Size => 1;

    /// <inheritdoc />
    public override string ToString() => Sex == Sex.Female ? "sex(female)" : Sex == Sex.Male ? "sex(male)" : "sex(unspecified)";

    internal override bool? Evaluate(Func<string, FindingState> stateOf, int? age, Sex sex) =>
        sex == Sex.Unspecified ? null : sex == Sex;

    internal override void CollectFindingIds(List<string> ids)
    {
    }
}
