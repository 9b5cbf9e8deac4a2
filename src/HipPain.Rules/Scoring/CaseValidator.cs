using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Scoring;

/// <summary>
/// The one definition of a valid case: <see cref="TryCopyStates"/> checks a case against a knowledge base's vocabulary
/// while it copies the case's states. Without a problem list it stops at the first problem and allocates nothing (the
/// engine's and the interviewer's fast path); with one it lists every problem (<see cref="TriageEngine.Validate"/>
/// and the exceptions of a case with problems). Both walk the same checks, so they cannot disagree on what is valid.
/// </summary>
internal static class CaseValidator
{
    /// <summary>A value outside <see cref="FindingState"/>, written for Unknown observations while a case is copied, to catch repeats.</summary>
    private const FindingState Listed = (FindingState)3;

    /// <summary>Every problem of the case, in the order of the case (age, sex, then each observation); empty when it is valid.</summary>
    public static ImmutableArray<ValidationProblem> Validate(PatientCase patientCase, CompiledKnowledgeBase compiled)
    {
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        TryCopyStates(patientCase, compiled, new FindingState[compiled.Tables.FindingCount], problems);
        return problems.ToImmutable();
    }

    /// <summary>
    /// Checks the case and writes its findings' states into <paramref name="states"/> (length: the base's finding count),
    /// Unknown for every finding the case does not name. With <paramref name="problems"/> null, returns false at the first
    /// problem and allocates nothing; otherwise adds every problem to it, with its code, path and message. True when the
    /// case is valid; the contents of <paramref name="states"/> are unspecified when it is not.
    /// </summary>
    public static bool TryCopyStates(PatientCase patientCase, CompiledKnowledgeBase compiled, Span<FindingState> states, ImmutableArray<ValidationProblem>.Builder? problems)
    {
        var problemsBefore = problems?.Count ?? 0;
        if (patientCase.Age is < 0 or > PatientCase.MaximumAge)
        {
            if (problems is null)
            {
                return false;
            }

            problems.Add(new ValidationProblem(
                ErrorCodes.CaseAgeOutOfRange,
                "$.age",
                string.Create(CultureInfo.InvariantCulture, $"Age {patientCase.Age} is outside the allowed range 0..{PatientCase.MaximumAge} years.")));
        }

        if ((uint)patientCase.Sex > (uint)Sex.Male)
        {
            if (problems is null)
            {
                return false;
            }

            problems.Add(new ValidationProblem(
                ErrorCodes.CaseUndefinedSex,
                "$.sex",
                string.Create(CultureInfo.InvariantCulture, $"Sex {(int)patientCase.Sex} is not defined; allowed: Unspecified, Female, Male.")));
        }

        states.Clear();
        var observations = patientCase.Observations;
        var anyUnknown = false;
        for (var i = 0; i < observations.Length; i++)
        {
            var (findingId, state) = observations[i];
            var index = -1;
            var known = findingId is not null && compiled.FindingIndex.TryGetValue(findingId, out index);

            // A base's finding codes are never blank (the knowledge-base validator refuses them), so a known code needs no test.
            if (!known && string.IsNullOrWhiteSpace(findingId))
            {
                if (problems is null)
                {
                    return false;
                }

                problems.Add(new ValidationProblem(ErrorCodes.CaseMissingFindingId, PathOf(i) + ".findingId", "The finding code is null or blank."));
                continue;
            }

            if ((uint)state > (uint)FindingState.Absent)
            {
                if (problems is null)
                {
                    return false;
                }

                problems.Add(new ValidationProblem(
                    ErrorCodes.CaseUndefinedState,
                    PathOf(i) + ".state",
                    string.Create(CultureInfo.InvariantCulture, $"State {(int)state} of finding '{findingId}' is not defined; allowed: Unknown, Present, Absent.")));
            }

            if (known && state == FindingState.Present && compiled.FindingSex[index] is var onlySex and not Sex.Unspecified
                && patientCase.Sex is Sex.Female or Sex.Male && patientCase.Sex != onlySex)
            {
                if (problems is null)
                {
                    return false;
                }

                problems.Add(new ValidationProblem(
                    ErrorCodes.CaseFindingSexMismatch,
                    PathOf(i) + ".state",
                    string.Create(CultureInfo.InvariantCulture, $"Finding '{findingId}' can be present only in a {SexNames.Of(onlySex)} patient, and this case's sex ($.sex) is {SexNames.Of(patientCase.Sex)}; give it as absent or unknown, or correct the sex.")));
            }

            if (!known)
            {
                if (problems is null)
                {
                    return false;
                }

                problems.Add(new ValidationProblem(
                    ErrorCodes.CaseUnknownFinding,
                    PathOf(i) + ".findingId",
                    $"Unknown finding code '{findingId}': knowledge base '{compiled.Source.Id}' {compiled.Source.Version} has no such finding."));
            }

            // A known finding is listed again when its state is already written (Unknown ones as Listed); an unknown code,
            // which has no place in the states, when an earlier observation names it (only looked for when listing problems).
            if (known ? states[index] != FindingState.Unknown : FirstListing(observations, i) >= 0)
            {
                if (problems is null)
                {
                    return false;
                }

                problems.Add(Repeated(observations, i, FirstListing(observations, i)));
                continue;
            }

            if (known)
            {
                anyUnknown |= state == FindingState.Unknown;
                states[index] = state == FindingState.Unknown ? Listed : state;
            }
        }

        if (problems is not null && problems.Count != problemsBefore)
        {
            return false;
        }

        if (anyUnknown)
        {
            foreach (var (findingId, state) in observations)
            {
                if (state == FindingState.Unknown)
                {
                    states[compiled.FindingIndex[findingId]] = FindingState.Unknown;
                }
            }
        }

        return true;
    }

    private static string PathOf(int observation) => string.Create(CultureInfo.InvariantCulture, $"$.observations[{observation}]");

    /// <summary>The first observation before <paramref name="observation"/> that names the same finding code, or -1.</summary>
    private static int FirstListing(ImmutableArray<Observation> observations, int observation)
    {
        var findingId = observations[observation].FindingId;
        for (var i = 0; i < observation; i++)
        {
            if (string.Equals(observations[i].FindingId, findingId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The problem of a finding listed again: a contradiction when one listing is Present and the other Absent, else a duplicate.</summary>
    private static ValidationProblem Repeated(ImmutableArray<Observation> observations, int observation, int first)
    {
        var (findingId, state) = observations[observation];
        var firstState = observations[first].State;
        var contradiction = (firstState, state) is (FindingState.Present, FindingState.Absent) or (FindingState.Absent, FindingState.Present);
        return contradiction
            ? new ValidationProblem(
                ErrorCodes.CaseContradiction,
                PathOf(observation),
                string.Create(CultureInfo.InvariantCulture, $"Finding '{findingId}' is {state} here but {firstState} at $.observations[{first}]; a finding is either present or absent."))
            : new ValidationProblem(
                ErrorCodes.CaseDuplicateFinding,
                PathOf(observation),
                string.Create(CultureInfo.InvariantCulture, $"Finding '{findingId}' is listed again (first at $.observations[{first}]); list each finding once."));
    }
}
