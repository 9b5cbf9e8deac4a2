using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class GreaterTrochantericPainSyndrome
{
    public const string Id = "gtps";

    /// <summary>The prior, also read by the rule that moves it to a published share (facts addendum 55, rule R2).</summary>
    internal const double Prior = 0.20;

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Greater trochanteric pain syndrome (trochanteric bursitis, gluteal tendinopathy)", c =>
    {
        c.Describe("Lateral hip pain at the greater trochanter from gluteal tendinopathy with or without bursitis; worse lying on the side, on stairs and in single-leg loading.")
         .Codes("M70.6", "7674000")
         .Prior(Prior, Sources.Estimate("The commonest lateral hip pain in adults (Segal 2007: 15% of women aged 50-79); the clinic page names bursitis the commonest cause in runners. Estimated at 20% of runners presenting with hip pain."))
         .Typical(LateralHip)
         .Possible(Buttock)
         .Possible(LateralThighToKnee)
         .PainMap(Id, LateralHip, Buttock, LateralThighToKnee)
         .Finding(LyingOnSide, 2.0, 0.6, Sources.Estimate("Pain lying on the affected side is the characteristic complaint (Grimaldi & Fearon 2015; facts §1.1, V-sec); no accuracy figure."))
         .Finding(NightPain, 1.5, 1.0, Sources.Estimate("Pain worse at night (clinic page; facts §1.1); no accuracy figure."))
         .Finding(Stairs, 1.5, 1.0, Sources.Estimate("Stair climbing aggravates (facts §1.1, V-sec); no accuracy figure."));

        var (slsPos, slsNeg, slsNote) = Sources.Cap(12, 0.62, CapTier.C);
        c.Finding(SingleLegStance, slsPos, slsNeg, new Evidence(
            "Grimaldi A et al. Br J Sports Med 2017;51:519-524 (65 patients with lateral hip pain, MRI reference); sensitivity via physiotutors (secondary)",
            EvidenceLevel.CohortStudy,
            VerificationStatus.Computed,
            "T1: LR+ 12 stated in the abstract (Sp 1.00); LR- 0.62 computed from a sensitivity of 0.38 read only in a secondary source. " + slsNote));

        var (tPos, tNeg, tNote) = Sources.Cap(6.83, 0.25, CapTier.A);
        c.Finding(Trendelenburg, tPos, tNeg, Sources.Reiman2013("T5: meta-analysis of 3 studies, n=78. " + tNote));

        c.Derived(TrochanterTenderness, 0.8, 0.3, Sources.Grimaldi2017("T2: no pain on trochanter palpation rules gluteal tendinopathy out (sensitivity 80%); the specificity is unverified, so tenderness is estimated at 30% of other hip pain."))
         .Finding(ResistedAbductionPain, 5.5, 0.37, Sources.Reiman2013("T6: pain on resisted hip abduction, meta-analysis of 2 studies, n=79; within the tier A caps."))
         .Group("gtps/abductor-tests", "Abductor loading tests and trochanter palpation (Kinsella cluster where both are known)", g => g
            .Graded(
                "gtps/kinsella-cluster",
                [Criterion.Present(TrochanterTenderness), Criterion.Present(ResistedAbductionPain)],
                [0.11, null, 16.7],
                Sources.Kinsella2024("T7, T8: trochanter palpation then resisted abduction; both positive raises 59% to 96% (stratum LR about 16.7) and both negative lowers it to 14% (about 0.11), derived from the meta-analysis (6 studies, 272 patients). One positive and one negative has no published figure. A cluster's stratum figures are used as published, not capped: they replace the items' own figures."),
                "Kinsella cluster: trochanter tenderness and painful resisted abduction",
                joint: true)
            .Member($"{Id}/{TrochanterTenderness}")
            .Member($"{Id}/{ResistedAbductionPain}")
            .Member($"{Id}/{SingleLegStance}")
            .Member($"{Id}/{Trendelenburg}")
            .Member($"{Id}/{HipWeakness}"))
         .Group("gtps/loading-symptoms", "Symptoms of tendon compression and loading", g => g
            .Member($"{Id}/{LyingOnSide}")
            .Member($"{Id}/{NightPain}")
            .Member($"{Id}/{Stairs}"));

        c.Sex(Sex.Female, 1.35, 0.59, Sources.Segal2007("Facts §5 (Segal 2007 community prevalence row): GTPS in 23.5% of women and 8.5% of men aged 50-79, so 73% of GTPS is in women when as many women as men are exposed (addendum 8, SS8-2, computed), against 54% women among 2,002 runners seen for an injury at a sports medicine centre (Taunton 2002, Br J Sports Med 2002;36:95, SS8-1): LR 1.35 for female, 0.59 for male (addendum 8, rule R2; applied in base 0.14.0 by facts addendum 34, whose screen kept it). Until 0.13.0 the comparison was an assumed 50% (1.61 / 0.49). The odds ratio of H19, 3.37, is not used as a ratio."))
         .Finding(HipWeakness, 1.5, 0.8, Sources.Grimaldi2017("Hip abductor weakness accompanies gluteal tendinopathy (Med Sci Sports Exerc 2016;48(3), facts §1.1, V-sec); no accuracy figure, modest estimate.").AsEstimate())
         .Age(40, 60, 1.5, 0.8, Sources.Estimate("Most frequent in women aged 40-60 (facts §1.1, V-sec); modest estimate."))
         .Finding(HipProsthesis, Sources.FromShareInSetting(0.13, Prior), 1.0, Sources.Hulin2025("Greater trochanteric pain syndrome was the diagnosis in 13% of 388 painful hip arthroplasties (PA55-1), below this cause's prior. Facts addendum 55, rule R2: the ratio moves the prior to that share, LR+ = (0.13 / 0.87) / (prior / (1 - prior)), an estimate because the review's setting (patients referred with persistent pain after an arthroplasty) is not a runners' clinic. Absent says nothing."))
         .Treat(ExamineLateralHip)
         .Treat(LoadEducation, note: "Education plus exercise beat corticosteroid injection and wait-and-see at 8 weeks (Mellor 2018).")
         .Treat(AbductorStrengthening)
         .Treat(HeelDrop)
         .Treat(AvoidAggravating, note: "Stairs, crossing the legs and lying on the painful side compress the tendons.")
         .Treat(Ice, TreatmentLine.SecondLine, "Comfort only.")
         .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
         .Treat(Corticosteroid, TreatmentLine.SecondLine, "Short-term relief; the advantage fades (Rompe 2009; Mellor 2018).")
         .Treat(Shockwave, TreatmentLine.SecondLine, "For pain persisting after exercise-based care (Furia 2009).")
         .Treat(Ultrasound, TreatmentLine.SecondLine, "When the diagnosis is in doubt.")
         .Avoid(Prolotherapy, "No trial supports it; education plus exercise is the evidence-based first line.")
         .Treat(StrengthRoutine)
         .Treat(GradualLoad)
         .Running(RunningRestriction.ReduceLoad, "Reduce running to a volume the hip tolerates; avoid cambered roads and crossing the feet over the midline.");
    });
}
