using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>
/// A finding worth asking about next, with why: the red-flag gates it can decide, its expected information gain
/// over the differential, its cost, and the two causes its answer separates.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class QuestionSuggestion
{
    internal QuestionSuggestion(
        int rank,
        Finding finding,
        ImmutableArray<RedFlag> redFlags,
        double predictedPresentProbability,
        double expectedGain,
        double cost,
        Cause? favouredByYes,
        Cause? favouredByNo,
        string reason,
        string wording)
    {
        Rank = rank;
        Finding = finding;
        RedFlags = redFlags;
        PredictedPresentProbability = predictedPresentProbability;
        ExpectedGain = expectedGain;
        Cost = cost;
        FavouredByYes = favouredByYes;
        FavouredByNo = favouredByNo;
        Reason = reason;
        Wording = wording;
    }

    /// <summary>The 1-based rank among the questions still open: 1 is asked next.</summary>
    public int Rank { get; }

    /// <summary>The finding to ask about; <see cref="Finding.Question"/> and <see cref="Finding.PatientQuestion"/> hold the wording.</summary>
    public Finding Finding { get; }

    /// <summary>True when the answer can still fire or rule out a red-flag gate at or above the interview's red-flag urgency.</summary>
    public bool IsRedFlagQuestion => !RedFlags.IsEmpty;

    /// <summary>The undecided red-flag gates whose outcome the answer can still change, most urgent first; empty for a diagnostic question.</summary>
    public ImmutableArray<RedFlag> RedFlags { get; }

    /// <summary>The predicted chance of the answer "present": the causes' normalised shares weighted by each cause's <see cref="AnswerModel"/> rate.</summary>
    public double PredictedPresentProbability { get; }

    /// <summary>
    /// The expected information gain in bits: the expected Kullback-Leibler divergence of the normalised differential
    /// after the answer from the one before, over the two answers weighted by <see cref="PredictedPresentProbability"/>.
    /// Never negative; 0 when no answer moves any cause.
    /// </summary>
    public double ExpectedGain { get; }

    /// <summary>The cost of asking, from <see cref="InterviewOptions"/> by the finding's kind.</summary>
    public double Cost { get; }

    /// <summary>The diagnostic priority: <see cref="ExpectedGain"/> divided by <see cref="Cost"/>.</summary>
    public double GainPerCost => ExpectedGain / Cost;

    /// <summary>The cause whose share a "yes" raises most relative to a "no"; null when the answer moves nothing.</summary>
    public Cause? FavouredByYes { get; }

    /// <summary>The cause whose share a "no" raises most relative to a "yes"; null when the answer moves nothing.</summary>
    public Cause? FavouredByNo { get; }

    /// <summary>Why the question is asked, in words.</summary>
    public string Reason { get; }

    /// <summary>
    /// The question in the interview's audience's words, in the knowledge base's own language: for a patient the
    /// finding's patient question, for a clinician its question (each falling back to the finding's name). For another
    /// language, look up <c>TextKey.FindingPatientQuestion</c> or <c>TextKey.FindingQuestion</c> in a text pack.
    /// </summary>
    public string Wording { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Rank} {Finding.Id} (gain {ExpectedGain:0.###} bits, cost {Cost:0.##}): {Reason}");
}
