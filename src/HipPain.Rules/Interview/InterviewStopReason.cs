namespace HipPain.Rules.Interview;

/// <summary>Why an interview stopped, or that it goes on.</summary>
public enum InterviewStopReason
{
    /// <summary>The interview goes on: <see cref="InterviewStep.NextQuestion"/> is the question to ask.</summary>
    NotStopped = 0,

    /// <summary>The leading cause is clear: its probability and its margin over the runner-up reach the options' thresholds.</summary>
    LeadingCauseClear = 1,

    /// <summary>No answer to any open question can change the top three causes (which they are or their order) or the urgency.</summary>
    NothingLeftToChange = 2,

    /// <summary>The interview asked <see cref="InterviewOptions.MaximumQuestions"/> questions.</summary>
    MaximumQuestionsReached = 3,

    /// <summary>Every finding of the knowledge base has been asked.</summary>
    NoQuestionsLeft = 4,
}
