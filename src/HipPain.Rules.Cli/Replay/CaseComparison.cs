using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Cli.Replay;

/// <summary>One case file triaged against the base and the candidate, and what changed between the two.</summary>
/// <param name="File">The case file, relative to the cases folder, with <c>/</c> separators.</param>
/// <param name="Base">The base's result; null when the case could not be triaged against it.</param>
/// <param name="Candidate">The candidate's result; null when the case could not be triaged against it.</param>
/// <param name="BaseError">Why the case could not be read or triaged against the base; null when it could.</param>
/// <param name="CandidateError">Why the case could not be read or triaged against the candidate; null when it could.</param>
internal sealed record CaseComparison(string File, TriageResult? Base, TriageResult? Candidate, string? BaseError, string? CandidateError)
{
    /// <summary>The number of causes compared as the top-three set.</summary>
    public const int TopCount = 3;

    /// <summary>True when either side could not triage the case.</summary>
    public bool IsError => Base is null || Candidate is null;

    /// <summary>The leading cause changed.</summary>
    public bool LeadingChanged => !IsError && Base!.Leading.Cause.Id != Candidate!.Leading.Cause.Id;

    /// <summary>The set of the first three causes changed (their order within the three is not compared).</summary>
    public bool TopThreeChanged => !IsError && !TopThree(Base!).SetEquals(TopThree(Candidate!));

    /// <summary>The settled urgency fell.</summary>
    public bool UrgencyDropped => !IsError && Candidate!.Urgency < Base!.Urgency;

    /// <summary>The settled urgency rose.</summary>
    public bool UrgencyRaised => !IsError && Candidate!.Urgency > Base!.Urgency;

    /// <summary>The highest urgency still possible (what the undecided red flags could reach) fell.</summary>
    public bool PossibleUrgencyDropped => !IsError && Candidate!.HighestPossibleUrgency < Base!.HighestPossibleUrgency;

    /// <summary>The highest urgency still possible rose.</summary>
    public bool PossibleUrgencyRaised => !IsError && Candidate!.HighestPossibleUrgency > Base!.HighestPossibleUrgency;

    /// <summary>Anything compared changed: the leading cause, the top-three set, or either urgency.</summary>
    public bool Changed => LeadingChanged || TopThreeChanged || UrgencyDropped || UrgencyRaised || PossibleUrgencyDropped || PossibleUrgencyRaised;

    /// <summary>The first three causes' ids, in rank order.</summary>
    /// <param name="result">A result.</param>
    /// <returns>The ids.</returns>
    public static IReadOnlyList<string> TopThreeIds(TriageResult result) => [.. result.Differential.Take(TopCount).Select(r => r.Cause.Id)];

    /// <summary>Triages a case against both engines.</summary>
    /// <param name="file">The file's display name.</param>
    /// <param name="json">The file's text.</param>
    /// <param name="baseEngine">The base's engine.</param>
    /// <param name="candidateEngine">The candidate's engine.</param>
    /// <returns>The comparison.</returns>
    public static CaseComparison Run(string file, string json, TriageEngine baseEngine, TriageEngine candidateEngine)
    {
        PatientCase patientCase;
        try
        {
            patientCase = Input.KnowledgeSource.Guard(file, () => Serialization.CaseJson.Read(json));
        }
        catch (CliException ex)
        {
            return new CaseComparison(file, null, null, ex.Message, ex.Message);
        }

        var (baseResult, baseError) = Triage(file, patientCase, baseEngine);
        var (candidateResult, candidateError) = Triage(file, patientCase, candidateEngine);
        return new CaseComparison(file, baseResult, candidateResult, baseError, candidateError);
    }

    private static (TriageResult? Result, string? Error) Triage(string file, PatientCase patientCase, TriageEngine engine)
    {
        try
        {
            return (Input.KnowledgeSource.Guard(file, () => engine.Triage(patientCase)), null);
        }
        catch (CliException ex)
        {
            return (null, ex.Message);
        }
    }

    private static HashSet<string> TopThree(TriageResult result) => new(TopThreeIds(result), StringComparer.Ordinal);
}
