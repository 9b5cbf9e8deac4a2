using System.Collections.Immutable;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Accuracy;

/// <summary>How the engine did on one vignette.</summary>
/// <param name="Vignette">The vignette.</param>
/// <param name="Ranking">The cause ids, most likely first.</param>
/// <param name="ReferenceRank">The reference diagnosis's rank, from 1.</param>
/// <param name="BestAcceptedRank">The best rank of the reference or an accepted alternative.</param>
/// <param name="Urgency">The urgency the engine set.</param>
/// <param name="FiredRedFlags">The ids of the red flags that fired.</param>
/// <param name="LeadingProbability">The leading cause's posterior probability, for calibration.</param>
/// <param name="HighestPossibleUrgency">The highest urgency still possible given the unknown findings.</param>
/// <param name="FirstUndecidedRedFlag">The undecided red flag the result asks about first, or null.</param>
/// <param name="FirstUndecidedSuspectsReference">True when that red flag names the reference or an accepted alternative.</param>
/// <param name="FirstUndecidedUrgency">That red flag's urgency.</param>
/// <param name="AllCauseSquaredError">
/// The sum over every cause of the base of (p - o)^2, where p is the cause's posterior probability and o is 1 for the
/// reference or an accepted alternative, else 0: this case's term of <see cref="AccuracyReport.AllCauseBrier"/>.
/// </param>
/// <param name="AllCausePriorSquaredError">The same sum with each cause's prior in place of its posterior: the case's term of <see cref="AccuracyReport.AllCausePriorBrier"/>.</param>
/// <param name="ReferenceProbability">The reference diagnosis's posterior probability (facts addendum 33 judged a change by (1 - p)^2 over one cause's cases).</param>
/// <param name="Forecasts">
/// Every cause's posterior and prior probability in this case, in the differential's order, each with whether that
/// cause is the reference or an accepted alternative (the calibration section of docs/accuracy.md).
/// </param>
internal sealed record VignetteOutcome(
    Vignette Vignette,
    ImmutableArray<string> Ranking,
    int ReferenceRank,
    int BestAcceptedRank,
    Urgency Urgency,
    ImmutableArray<string> FiredRedFlags,
    double LeadingProbability,
    Urgency HighestPossibleUrgency,
    string? FirstUndecidedRedFlag,
    bool FirstUndecidedSuspectsReference,
    Urgency FirstUndecidedUrgency,
    double AllCauseSquaredError,
    double AllCausePriorSquaredError,
    double ReferenceProbability,
    ImmutableArray<CauseForecast> Forecasts)
{
    /// <summary>The reference or an accepted alternative ranks first.</summary>
    public bool Top1 => BestAcceptedRank == 1;

    /// <summary>The reference or an accepted alternative ranks in the first three.</summary>
    public bool Top3 => BestAcceptedRank <= 3;

    /// <summary>The engine set exactly the expected urgency.</summary>
    public bool UrgencyAgrees => Urgency == Vignette.ExpectedUrgency;

    /// <summary>The vignette expects Urgent or Emergency and the engine's settled urgency is less.</summary>
    public bool UnderTriaged => Vignette.ExpectedUrgency >= Urgency.Urgent && Urgency < Vignette.ExpectedUrgency;

    /// <summary>
    /// The settled urgency is too low, but the result is provisional and names first the questions of an undecided red
    /// flag that suspects the reference (or an accepted alternative) at the expected urgency or above: a clinician
    /// following the result asks them next. Issue 11 counts such a case as escalated.
    /// </summary>
    public bool ProvisionallyEscalated =>
        UnderTriaged && HighestPossibleUrgency >= Vignette.ExpectedUrgency && FirstUndecidedSuspectsReference && FirstUndecidedUrgency >= Vignette.ExpectedUrgency;

    /// <summary>Under-triaged even counting a provisional urgency that asks the right red flag's questions first.</summary>
    public bool UnderTriagedAllowingProvisional => UnderTriaged && !ProvisionallyEscalated;

    /// <summary>The engine set more than the vignette expects.</summary>
    public bool OverTriaged => Urgency > Vignette.ExpectedUrgency;
}

/// <summary>The accuracy of a knowledge base over a vignette set.</summary>
/// <param name="KnowledgeBaseId">The knowledge base's id.</param>
/// <param name="KnowledgeBaseVersion">Its version.</param>
/// <param name="KnowledgeBaseHash">Its content hash.</param>
/// <param name="Outcomes">One outcome per vignette, in file order.</param>
internal sealed record AccuracyReport(string KnowledgeBaseId, string KnowledgeBaseVersion, string KnowledgeBaseHash, ImmutableArray<VignetteOutcome> Outcomes)
{
    /// <summary>The floor the tests hold for top-3 accuracy.</summary>
    public const double Top3Floor = 0.85;

    /// <summary>How many vignettes.</summary>
    public int Count => Outcomes.Length;

    /// <summary>Share with the reference or an alternative ranked first.</summary>
    public double Top1 => Share(o => o.Top1);

    /// <summary>Share with the reference or an alternative in the first three.</summary>
    public double Top3 => Share(o => o.Top3);

    /// <summary>Share with the reference itself ranked first.</summary>
    public double StrictTop1 => Share(o => o.ReferenceRank == 1);

    /// <summary>Share with the reference itself in the first three.</summary>
    public double StrictTop3 => Share(o => o.ReferenceRank <= 3);

    /// <summary>Share whose urgency equals the expected urgency.</summary>
    public double UrgencyAgreement => Share(o => o.UrgencyAgrees);

    /// <summary>Vignettes expecting Urgent or Emergency.</summary>
    public int UrgentOrEmergencyCount => Outcomes.Count(o => o.Vignette.ExpectedUrgency >= Urgency.Urgent);

    /// <summary>Vignettes expecting Urgent or Emergency that got less.</summary>
    public int UnderTriagedCount => Outcomes.Count(o => o.UnderTriaged);

    /// <summary>Urgent or emergency cases under-triaged even counting a provisional urgency whose first questions belong to the right red flag.</summary>
    public int UnderTriagedAllowingProvisionalCount => Outcomes.Count(o => o.UnderTriagedAllowingProvisional);

    /// <summary>Vignettes that got more urgency than expected.</summary>
    public int OverTriagedCount => Outcomes.Count(o => o.OverTriaged);

    /// <summary>
    /// The Brier score of the leading probability: the mean of (p - o)^2, where p is the leading cause's posterior
    /// and o is 1 when the leading cause is the reference or an accepted alternative, else 0. Lower is better.
    /// </summary>
    public double Brier => Count == 0 ? 0 : Outcomes.Average(o => Math.Pow(o.LeadingProbability - (o.Top1 ? 1 : 0), 2));

    /// <summary>
    /// The Brier score over every cause: the mean over cases of the sum, over every cause of the base, of (p - o)^2,
    /// where p is the cause's posterior probability (each cause's own probability, so they need not sum to 1) and o is
    /// 1 for the reference or an accepted alternative, else 0. A strictly proper score of every probability the result
    /// states, not only the leading one, so it moves with every case and every cause rather than in steps of one case;
    /// lower is better (0 is perfect).
    /// </summary>
    public double AllCauseBrier => Count == 0 ? 0 : Outcomes.Average(o => o.AllCauseSquaredError);

    /// <summary>
    /// The reference for <see cref="AllCauseBrier"/>: the same score for a forecast that states every cause's prior and
    /// ignores the findings. The engine has skill on these cases only as far as it scores below this.
    /// </summary>
    public double AllCausePriorBrier => Count == 0 ? 0 : Outcomes.Average(o => o.AllCausePriorSquaredError);

    private double Share(Func<VignetteOutcome, bool> predicate) => Count == 0 ? 0 : (double)Outcomes.Count(predicate) / Count;
}

/// <summary>Runs every vignette through the engine.</summary>
internal static class AccuracyEvaluator
{
    /// <summary>Triages every vignette and collects the outcomes.</summary>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <param name="vignettes">The vignettes.</param>
    public static AccuracyReport Evaluate(KnowledgeBase knowledgeBase, IEnumerable<Vignette> vignettes)
    {
        var engine = new TriageEngine(knowledgeBase);
        var outcomes = vignettes.Select(v =>
        {
            var result = engine.Triage(v.ToCase());
            var ranking = result.Differential.Select(r => r.Cause.Id).ToImmutableArray();
            var accepted = v.Alternatives.Append(v.Reference).ToHashSet(StringComparer.Ordinal);
            return new VignetteOutcome(
                v,
                ranking,
                ranking.IndexOf(v.Reference) + 1,
                ranking.Select((id, i) => (id, i)).Where(x => accepted.Contains(x.id)).Select(x => x.i + 1).DefaultIfEmpty(int.MaxValue).Min(),
                result.Urgency,
                [.. result.FiredRedFlags.Select(f => f.Id)],
                result.Leading.Probability,
                result.HighestPossibleUrgency,
                result.UndecidedRedFlags.FirstOrDefault()?.RedFlag.Id,
                result.UndecidedRedFlags.FirstOrDefault()?.RedFlag.SuspectedCauseIds.Any(accepted.Contains) ?? false,
                result.UndecidedRedFlags.FirstOrDefault()?.RedFlag.Urgency ?? Urgency.SelfCare,
                result.Differential.Sum(r => Math.Pow(r.Probability - (accepted.Contains(r.Cause.Id) ? 1 : 0), 2)),
                result.Differential.Sum(r => Math.Pow(r.PriorProbability - (accepted.Contains(r.Cause.Id) ? 1 : 0), 2)),
                result.Differential.Single(r => r.Cause.Id == v.Reference).Probability,
                [.. result.Differential.Select(r => new CauseForecast(r.Cause.Id, r.Probability, r.PriorProbability, accepted.Contains(r.Cause.Id)))]);
        });
        return new AccuracyReport(knowledgeBase.Id, knowledgeBase.Version, knowledgeBase.ContentHash, [.. outcomes]);
    }
}
