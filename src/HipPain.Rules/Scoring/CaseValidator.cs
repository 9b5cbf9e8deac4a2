using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Scoring;

/// <summary>Checks a case against a knowledge base's vocabulary and collects every problem.</summary>
internal static class CaseValidator
{
    public static ImmutableArray<ValidationProblem> Validate(PatientCase patientCase, CompiledKnowledgeBase compiled)
    {
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        if (patientCase.Age is int age && (age < 0 || age > PatientCase.MaximumAge))
        {
            problems.Add(new ValidationProblem(
                ErrorCodes.CaseAgeOutOfRange,
                "$.age",
                string.Create(CultureInfo.InvariantCulture, $"Age {age} is outside the allowed range 0..{PatientCase.MaximumAge} years.")));
        }

        if (!Enum.IsDefined(patientCase.Sex))
        {
            problems.Add(new ValidationProblem(
                ErrorCodes.CaseUndefinedSex,
                "$.sex",
                string.Create(CultureInfo.InvariantCulture, $"Sex {(int)patientCase.Sex} is not defined; allowed: Unspecified, Female, Male.")));
        }

        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < patientCase.Observations.Length; i++)
        {
            var (findingId, state) = patientCase.Observations[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.observations[{i}]");
            if (string.IsNullOrWhiteSpace(findingId))
            {
                problems.Add(new ValidationProblem(ErrorCodes.CaseMissingFindingId, path + ".findingId", "The finding code is null or blank."));
                continue;
            }

            if (!Enum.IsDefined(state))
            {
                problems.Add(new ValidationProblem(
                    ErrorCodes.CaseUndefinedState,
                    path + ".state",
                    string.Create(CultureInfo.InvariantCulture, $"State {(int)state} of finding '{findingId}' is not defined; allowed: Unknown, Present, Absent.")));
            }

            if (!compiled.FindingIndex.ContainsKey(findingId))
            {
                problems.Add(new ValidationProblem(
                    ErrorCodes.CaseUnknownFinding,
                    path + ".findingId",
                    $"Unknown finding code '{findingId}': knowledge base '{compiled.Source.Id}' {compiled.Source.Version} has no such finding."));
            }

            if (firstSeen.TryGetValue(findingId, out var first))
            {
                var firstState = patientCase.Observations[first].State;
                var contradiction = (firstState, state) is (FindingState.Present, FindingState.Absent) or (FindingState.Absent, FindingState.Present);
                problems.Add(contradiction
                    ? new ValidationProblem(
                        ErrorCodes.CaseContradiction,
                        path,
                        string.Create(CultureInfo.InvariantCulture, $"Finding '{findingId}' is {state} here but {firstState} at $.observations[{first}]; a finding is either present or absent."))
                    : new ValidationProblem(
                        ErrorCodes.CaseDuplicateFinding,
                        path,
                        string.Create(CultureInfo.InvariantCulture, $"Finding '{findingId}' is listed again (first at $.observations[{first}]); list each finding once.")));
            }
            else
            {
                firstSeen.Add(findingId, i);
            }
        }

        return problems.ToImmutable();
    }
}
