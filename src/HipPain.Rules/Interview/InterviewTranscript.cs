using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>One question of an interview and the answer it got.</summary>
/// <param name="Question">The question as it was suggested.</param>
/// <param name="Answer">The answer: present, absent, or unknown when the patient could not say.</param>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public readonly record struct InterviewAnswer(QuestionSuggestion Question, FindingState Answer);

/// <summary>A whole interview: every question with its answer, and the final step with the full result.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class InterviewTranscript
{
    internal InterviewTranscript(ImmutableArray<InterviewAnswer> answers, InterviewStep final)
    {
        Answers = answers;
        Final = final;
    }

    /// <summary>The questions in the order asked, with their answers.</summary>
    public ImmutableArray<InterviewAnswer> Answers { get; }

    /// <summary>The last step: <see cref="InterviewStep.IsFinished"/> is true and <see cref="InterviewStep.Result"/> is the full result.</summary>
    public InterviewStep Final { get; }

    /// <summary>The final case: the starting case plus every answer.</summary>
    public PatientCase Case => Final.Result.Case;
}
