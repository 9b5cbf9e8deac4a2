using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Scoring;

/// <content>
/// The allocation-free scoring API: dense inputs indexed by finding, outputs indexed by cause, written into
/// the caller's buffers. Finding index <c>i</c> is <c>KnowledgeBase.Findings[i]</c> and cause index
/// <c>c</c> is <c>KnowledgeBase.Causes[c]</c>. <see cref="Triage"/> runs on the same compiled core, so its
/// <see cref="RankedCause.LogOdds"/> and ranking equal what these methods return.
/// </content>
public sealed partial class TriageEngine
{
    /// <summary>The number of findings: the length of a state buffer. Finding index <c>i</c> is <c>KnowledgeBase.Findings[i]</c>.</summary>
    /// <threadsafety>Thread-safe.</threadsafety>
    public int FindingCount => compiled.Tables.FindingCount;

    /// <summary>The number of causes: the length of a log-odds buffer. Cause index <c>c</c> is <c>KnowledgeBase.Causes[c]</c>.</summary>
    /// <threadsafety>Thread-safe.</threadsafety>
    public int CauseCount => compiled.Tables.CauseCount;

    /// <summary>Converts posterior log-odds to a probability (the logistic function), stable for large magnitudes.</summary>
    /// <param name="logOdds">Natural log of the odds, as written by <see cref="Score"/>.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <threadsafety>Thread-safe.</threadsafety>
    internal static double ToProbability(double logOdds) => Posterior.Probability(logOdds);

    /// <summary>The index of a finding in state buffers; look it up once and keep it.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <returns>The index, from 0 to <see cref="FindingCount"/> - 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    /// <exception cref="ArgumentException">The knowledge base has no finding with that code.</exception>
    /// <threadsafety>Thread-safe.</threadsafety>
    public int IndexOfFinding(string findingId)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        return compiled.FindingIndex.TryGetValue(findingId, out var index)
            ? index
            : throw new ArgumentException($"Unknown finding code '{findingId}': knowledge base '{compiled.Source.Id}' {compiled.Source.Version} has no such finding.", nameof(findingId));
    }

    /// <summary>Finds the index of a finding in state buffers.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <param name="index">The index when found; otherwise -1.</param>
    /// <returns>True when the knowledge base has the finding.</returns>
    /// <threadsafety>Thread-safe.</threadsafety>
    public bool TryGetFindingIndex(string findingId, out int index)
    {
        if (findingId is not null && compiled.FindingIndex.TryGetValue(findingId, out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>The index of a cause in log-odds buffers.</summary>
    /// <param name="causeId">The cause's id.</param>
    /// <returns>The index, from 0 to <see cref="CauseCount"/> - 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="causeId"/> is null.</exception>
    /// <exception cref="ArgumentException">The knowledge base has no cause with that id.</exception>
    /// <threadsafety>Thread-safe.</threadsafety>
    public int IndexOfCause(string causeId)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        return compiled.CauseIndex.TryGetValue(causeId, out var index)
            ? index
            : throw new ArgumentException($"Unknown cause id '{causeId}': knowledge base '{compiled.Source.Id}' {compiled.Source.Version} has no such cause.", nameof(causeId));
    }

    /// <summary>
    /// Checks a case as <see cref="Triage"/> does and writes its findings' states into a dense buffer,
    /// Unknown for every finding the case does not name. Allocates nothing when the case is valid.
    /// </summary>
    /// <param name="patientCase">The case.</param>
    /// <param name="statesByFindingIndex">The buffer, of length <see cref="FindingCount"/>; overwritten whole (its contents are unspecified when an exception is thrown).</param>
    /// <exception cref="ArgumentNullException"><paramref name="patientCase"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="statesByFindingIndex"/> is not of length <see cref="FindingCount"/>.</exception>
    /// <exception cref="CaseValidationException">The case has problems; the exception lists every one, as <see cref="Validate"/> would.</exception>
    /// <threadsafety>Thread-safe, as long as no other thread uses the same buffer.</threadsafety>
    public void CopyStates(PatientCase patientCase, Span<FindingState> statesByFindingIndex)
    {
        ArgumentNullException.ThrowIfNull(patientCase);
        RequireLength(statesByFindingIndex.Length, FindingCount, "one state per finding (FindingCount)", nameof(statesByFindingIndex));
        if (!TryCopyStates(patientCase, statesByFindingIndex))
        {
            throw new CaseValidationException(CaseValidator.Validate(patientCase, compiled));
        }
    }

    /// <summary>
    /// Scores one case: writes each cause's posterior log-odds (the natural log of its prior odds plus the log
    /// likelihood ratio of every decided rule) into <paramref name="logOddsByCause"/>. Allocates nothing.
    /// </summary>
    /// <param name="statesByFindingIndex">Each finding's state, by finding index; length <see cref="FindingCount"/>. Unknown is 0, so a cleared buffer means "nothing known".</param>
    /// <param name="age">Age in whole years (0 to 120), or null when not given.</param>
    /// <param name="sex">The patient's sex.</param>
    /// <param name="logOddsByCause">Receives the posterior log-odds by cause index; length <see cref="CauseCount"/>.</param>
    /// <exception cref="ArgumentException">A buffer has the wrong length, a state is not a defined <see cref="FindingState"/>, or a one-sex finding (<see cref="Finding.Sex"/>) is present for the other sex (as <c>HPC008</c> for a case).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="age"/> is outside 0..120, or <paramref name="sex"/> is not a defined <see cref="Sex"/>.</exception>
    /// <threadsafety>Thread-safe, as long as no other thread writes the same buffers.</threadsafety>
    public void Score(ReadOnlySpan<FindingState> statesByFindingIndex, int? age, Sex sex, Span<double> logOddsByCause)
    {
        RequireLength(statesByFindingIndex.Length, FindingCount, "one state per finding (FindingCount)", nameof(statesByFindingIndex));
        RequireLength(logOddsByCause.Length, CauseCount, "one value per cause (CauseCount)", nameof(logOddsByCause));
        var years = CheckedAge(age, nameof(age));
        CheckSex(sex, nameof(sex));
        CheckOneSexFindings(statesByFindingIndex, sex, 0, nameof(statesByFindingIndex));
        if (!compiled.Tables.TryScore(statesByFindingIndex, years, sex, logOddsByCause, out var invalid))
        {
            throw InvalidState(nameof(statesByFindingIndex), invalid, statesByFindingIndex[invalid]);
        }
    }

    /// <summary>
    /// Ranks causes by posterior log-odds, highest first, equal log-odds by cause id (ordinal), the order
    /// <see cref="Triage"/> uses. Writes the best <c>causeIndicesByRank.Length</c> cause indices, so a short
    /// buffer gives the top of the differential. Allocates nothing.
    /// </summary>
    /// <param name="logOddsByCause">Log-odds by cause index, as written by <see cref="Score"/>; length <see cref="CauseCount"/>.</param>
    /// <param name="causeIndicesByRank">Receives cause indices, best first; length 0 to <see cref="CauseCount"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="logOddsByCause"/> is not of length <see cref="CauseCount"/>, or <paramref name="causeIndicesByRank"/> is longer.</exception>
    /// <threadsafety>Thread-safe, as long as no other thread writes the same buffers.</threadsafety>
    public void Rank(ReadOnlySpan<double> logOddsByCause, Span<int> causeIndicesByRank)
    {
        RequireLength(logOddsByCause.Length, CauseCount, "one value per cause (CauseCount)", nameof(logOddsByCause));
        if (causeIndicesByRank.Length > CauseCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected length 0 to {CauseCount}: at most one place per cause (CauseCount); got {causeIndicesByRank.Length}."),
                nameof(causeIndicesByRank));
        }

        CauseRanking.Rank(logOddsByCause, compiled.Tables.CauseIdOrder, causeIndicesByRank);
    }

    /// <summary>
    /// Scores many cases at once, each exactly as <see cref="Score"/> would. Case <c>k</c> reads states
    /// <c>[k * FindingCount, (k + 1) * FindingCount)</c>, <c>ages[k]</c> and <c>sexes[k]</c>, and writes
    /// log-odds <c>[k * CauseCount, (k + 1) * CauseCount)</c>. Allocates nothing. To use several cores, call it
    /// on disjoint slices from several threads.
    /// </summary>
    /// <param name="statesByCaseThenFinding">The cases' states, case by case; length <c>ages.Length * FindingCount</c>.</param>
    /// <param name="ages">Each case's age (0 to 120) or null; its length is the number of cases.</param>
    /// <param name="sexes">Each case's sex; length <c>ages.Length</c>.</param>
    /// <param name="logOddsByCaseThenCause">Receives the log-odds, case by case; length <c>ages.Length * CauseCount</c>.</param>
    /// <exception cref="ArgumentException">A buffer has the wrong length, a state is not a defined <see cref="FindingState"/>, or a one-sex finding (<see cref="Finding.Sex"/>) is present for the other sex (the message names the case and finding).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An age is outside 0..120, or a sex is not defined.</exception>
    /// <threadsafety>Thread-safe, as long as no other thread writes the same buffers.</threadsafety>
    public void ScoreBatch(ReadOnlySpan<FindingState> statesByCaseThenFinding, ReadOnlySpan<int?> ages, ReadOnlySpan<Sex> sexes, Span<double> logOddsByCaseThenCause)
    {
        var cases = ages.Length;
        RequireLength(sexes.Length, cases, "one sex per case (ages.Length)", nameof(sexes));
        RequireLength(statesByCaseThenFinding.Length, (long)cases * FindingCount, "ages.Length * FindingCount", nameof(statesByCaseThenFinding));
        RequireLength(logOddsByCaseThenCause.Length, (long)cases * CauseCount, "ages.Length * CauseCount", nameof(logOddsByCaseThenCause));
        var (findings, causes) = (FindingCount, CauseCount);
        for (var k = 0; k < cases; k++)
        {
            var years = CheckedAge(ages[k], nameof(ages));
            CheckSex(sexes[k], nameof(sexes));
            var states = statesByCaseThenFinding.Slice(k * findings, findings);
            CheckOneSexFindings(states, sexes[k], k * findings, nameof(statesByCaseThenFinding));
            if (!compiled.Tables.TryScore(states, years, sexes[k], logOddsByCaseThenCause.Slice(k * causes, causes), out var invalid))
            {
                throw InvalidState(nameof(statesByCaseThenFinding), (k * findings) + invalid, states[invalid]);
            }
        }
    }

    private static void RequireLength(long actual, long expected, string what, string parameterName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected length {expected}: {what}; got {actual}."),
                parameterName);
        }
    }

    private static int CheckedAge(int? age, string parameterName)
    {
        if (age is not int years)
        {
            return CriterionProgram.NoAge;
        }

        if (years is < 0 or > PatientCase.MaximumAge)
        {
            throw new ArgumentOutOfRangeException(parameterName, years, $"Age must be between 0 and {PatientCase.MaximumAge} years, or null when not given.");
        }

        return years;
    }

    private static void CheckSex(Sex sex, string parameterName)
    {
        if ((uint)sex > (uint)Sex.Male)
        {
            throw new ArgumentOutOfRangeException(parameterName, sex, "Sex must be Unspecified, Female or Male.");
        }
    }

    /// <summary>A one-sex finding may not be present for a patient of the other sex (the span API's form of HPC008).</summary>
    private void CheckOneSexFindings(ReadOnlySpan<FindingState> states, Sex sex, int offset, string parameterName)
    {
        if (sex == Sex.Unspecified)
        {
            return;
        }

        foreach (var f in compiled.OneSexFindings)
        {
            if (states[f] == FindingState.Present && compiled.FindingSex[f] != sex)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Element {offset + f} (finding '{compiled.Source.Findings[f].Id}') is Present, but that finding can be present only in a {SexNames.Of(compiled.FindingSex[f])} patient and the sex given is {SexNames.Of(sex)} (HPC008)."),
                    parameterName);
            }
        }
    }

    private static ArgumentException InvalidState(string parameterName, int index, FindingState state) => new(
        string.Create(CultureInfo.InvariantCulture, $"Element {index} is {(int)state}, not a defined FindingState (Unknown = 0, Present = 1, Absent = 2)."),
        parameterName);

    /// <summary>
    /// The fast path of <see cref="CopyStates"/>: the one case check (<see cref="CaseValidator.TryCopyStates"/>) without a
    /// problem list, so false at the first problem and nothing allocated.
    /// </summary>
    internal bool TryCopyStates(PatientCase patientCase, Span<FindingState> states) =>
        CaseValidator.TryCopyStates(patientCase, compiled, states, problems: null);
}
