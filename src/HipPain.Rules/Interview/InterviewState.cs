using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>
/// Where an interview stands, in a form a stateless server can hand to its client and take back: the knowledge base's
/// stamps, the audience, the case so far (the starting findings, then every answer in the order asked) and how many of
/// its observations were given before the first question. Written and read by <c>InterviewStateJson</c>.
/// </summary>
/// <remarks>
/// The state carries no counts for a client to inflate or deflate. <see cref="Interviewer.Resume"/> derives them by
/// replaying the interview: the interviewer is deterministic, so every answer after the starting findings must be the
/// question it asked at that point, or the state is refused (HPI001). This needs no server key; the price is that a
/// state is valid only for the same knowledge base (checked by hash, HPI002) and the same interviewer settings, and a
/// resume re-asks each answer once (about 20-30 µs per answer on the built-in base; docs/benchmarks.md).
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class InterviewState
{
    internal InterviewState(string knowledgeBaseId, string knowledgeBaseVersion, string knowledgeBaseHash, InterviewAudience audience, PatientCase patientCase, int startingObservationCount)
    {
        KnowledgeBaseId = knowledgeBaseId;
        KnowledgeBaseVersion = knowledgeBaseVersion;
        KnowledgeBaseHash = knowledgeBaseHash;
        Audience = audience;
        Case = patientCase;
        StartingObservationCount = startingObservationCount;
    }

    /// <summary>The id of the knowledge base the interview runs on.</summary>
    public string KnowledgeBaseId { get; }

    /// <summary>The version of the knowledge base the interview runs on.</summary>
    public string KnowledgeBaseVersion { get; }

    /// <summary>The content hash of the knowledge base the interview runs on; a resume on another base is refused.</summary>
    public string KnowledgeBaseHash { get; }

    /// <summary>Who answers the questions.</summary>
    public InterviewAudience Audience { get; }

    /// <summary>The case so far: the starting findings, then every answer in the order it was asked.</summary>
    public PatientCase Case { get; }

    /// <summary>How many of the case's first observations were known before the first question.</summary>
    public int StartingObservationCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"interview on {KnowledgeBaseId} {KnowledgeBaseVersion} ({Audience}): {StartingObservationCount} given, {Case.Observations.Length - StartingObservationCount} answered";
}
