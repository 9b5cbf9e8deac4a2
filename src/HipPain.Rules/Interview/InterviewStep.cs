using System.Collections.Immutable;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Interview;

/// <summary>
/// Where an interview stands after the answers so far: the triage result, and either the next question or why
/// the interview stopped.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class InterviewStep
{
    internal InterviewStep(TriageResult result, InterviewAudience audience, int questionsAsked, int redFlagQuestionsAsked, QuestionSuggestion? nextQuestion, InterviewStopReason stopReason, string explanation)
    {
        Result = result;
        Audience = audience;
        QuestionsAsked = questionsAsked;
        RedFlagQuestionsAsked = redFlagQuestionsAsked;
        NextQuestion = nextQuestion;
        StopReason = stopReason;
        Explanation = explanation;
    }

    /// <summary>The full triage result for the answers so far.</summary>
    public TriageResult Result { get; }

    /// <summary>Who answers the interview's questions.</summary>
    public InterviewAudience Audience { get; }

    /// <summary>
    /// What a stateless server hands the client and takes back for the next step (<see cref="Interviewer.Resume"/>):
    /// the knowledge base's stamps, the audience, the case so far and how many of its observations were given before
    /// the first question. It carries no counts: <see cref="Interviewer.Resume"/> derives them by replaying the answers.
    /// </summary>
    public InterviewState State => new(
        Result.KnowledgeBaseId,
        Result.KnowledgeBaseVersion,
        Result.KnowledgeBaseHash,
        Audience,
        Result.Case,
        Math.Max(0, Result.Case.Observations.Length - QuestionsAsked));

    /// <summary>How many questions the interview has asked so far (not counting what the starting case stated).</summary>
    public int QuestionsAsked { get; }

    /// <summary>How many of <see cref="QuestionsAsked"/> were red-flag questions; they do not count towards <see cref="InterviewOptions.MaximumQuestions"/>.</summary>
    public int RedFlagQuestionsAsked { get; }

    /// <summary>How many of <see cref="QuestionsAsked"/> were diagnostic questions: the ones <see cref="InterviewOptions.MaximumQuestions"/> limits.</summary>
    public int DiagnosticQuestionsAsked => QuestionsAsked - RedFlagQuestionsAsked;

    /// <summary>The question to ask next; null when the interview has stopped.</summary>
    public QuestionSuggestion? NextQuestion { get; }

    /// <summary>Why the interview stopped; <see cref="InterviewStopReason.NotStopped"/> while it goes on.</summary>
    public InterviewStopReason StopReason { get; }

    /// <summary>True when the interview has stopped.</summary>
    public bool IsFinished => StopReason != InterviewStopReason.NotStopped;

    /// <summary>The stop reason, or why the next question is asked, in words.</summary>
    public string Explanation { get; }

    /// <summary>The three most likely causes (fewer when the knowledge base has fewer).</summary>
    public ImmutableArray<RankedCause> TopThree => [.. Result.Differential.Take(3)];
}
