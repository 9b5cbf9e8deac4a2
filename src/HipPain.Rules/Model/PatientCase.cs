using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>One finding's state in a case.</summary>
/// <param name="FindingId">The finding's code in the knowledge base.</param>
/// <param name="State">What is known about it.</param>
public readonly record struct Observation(string FindingId, FindingState State)
{
    /// <summary>The finding is present.</summary>
    /// <param name="findingId">The finding's code.</param>
    public static Observation Present(string findingId) => new(findingId, FindingState.Present);

    /// <summary>The finding is absent.</summary>
    /// <param name="findingId">The finding's code.</param>
    public static Observation Absent(string findingId) => new(findingId, FindingState.Absent);

    /// <summary>The finding is unknown (the same as leaving it out).</summary>
    /// <param name="findingId">The finding's code.</param>
    public static Observation Unknown(string findingId) => new(findingId, FindingState.Unknown);
}

/// <summary>
/// A patient's case: age, sex and the observed findings. A case is not checked when it is made; the engine
/// checks it against its knowledge base (<c>TriageEngine.Validate</c>) and reports every problem at once.
/// </summary>
/// <remarks>
/// The case JSON format is read and written by <c>CaseJson</c>; to let System.Text.Json (and so a web framework) bind
/// a case, register <c>PatientCaseJsonConverter</c> in its options. The model names no converter itself: it depends
/// on nothing else in the library.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class PatientCase
{
    /// <summary>The oldest age a case (and an age band in a criterion) may give, in whole years.</summary>
    internal const int MaximumAge = 120;

    /// <summary>Creates a case.</summary>
    /// <param name="age">Age in whole years (0 to 120), or null when not given.</param>
    /// <param name="sex">The patient's sex.</param>
    /// <param name="observations">The findings, each once.</param>
    /// <param name="label">An optional label for display, for example the name of a bundled case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    public PatientCase(int? age, Sex sex, IEnumerable<Observation> observations, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Age = age;
        Sex = sex;
        Observations = [.. observations];
        Label = label;
    }

    /// <summary>Age in whole years, or null when not given.</summary>
    public int? Age { get; }

    /// <summary>The patient's sex.</summary>
    public Sex Sex { get; }

    /// <summary>The observations, in the caller's order.</summary>
    public ImmutableArray<Observation> Observations { get; }

    /// <summary>An optional label for display; null when not given.</summary>
    public string? Label { get; }

    /// <summary>Creates a case from observations.</summary>
    /// <param name="age">Age in whole years, or null.</param>
    /// <param name="sex">The patient's sex.</param>
    /// <param name="observations">The findings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    public static PatientCase Create(int? age, Sex sex, params Observation[] observations) => new(age, sex, observations);

    /// <summary>
    /// A copy with the finding set to <paramref name="state"/>: the case's observation of that finding is replaced
    /// where it stands, or one is appended when the case does not name the finding. Setting a finding twice never
    /// gives a case with two observations of it.
    /// </summary>
    /// <param name="findingId">The finding's code.</param>
    /// <param name="state">Its state.</param>
    public PatientCase With(string findingId, FindingState state)
    {
        var observation = new Observation(findingId, state);
        for (var i = 0; i < Observations.Length; i++)
        {
            if (string.Equals(Observations[i].FindingId, findingId, StringComparison.Ordinal))
            {
                return new(Age, Sex, Observations.SetItem(i, observation), Label);
            }
        }

        return new(Age, Sex, Observations.Add(observation), Label);
    }

    /// <summary>A copy with another label.</summary>
    /// <param name="label">The label.</param>
    public PatientCase WithLabel(string? label) => new(Age, Sex, Observations, label);

    /// <summary>
    /// The state the case gives a finding: the first observation's state for that code, or
    /// <see cref="FindingState.Unknown"/> when the case does not name it.
    /// </summary>
    /// <param name="findingId">The finding's code.</param>
    public FindingState StateOf(string findingId)
    {
        foreach (var observation in Observations)
        {
            if (string.Equals(observation.FindingId, findingId, StringComparison.Ordinal))
            {
                return observation.State;
            }
        }

        return FindingState.Unknown;
    }
}
