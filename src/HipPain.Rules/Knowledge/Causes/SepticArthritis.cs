using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class SepticArthritis
{
    public const string Id = "septic-arthritis";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Septic arthritis of the hip (infected joint)", c => c
        .Describe("Bacterial infection of the hip joint: a hot, swollen, very painful hip with restricted movement, often with fever. An emergency: case fatality 11%.")
        .Codes("M00", "324481000119107")
        .Prior(0.002, Sources.Estimate("Rare in healthy runners; no population figure for runners. Estimated at 0.2%; the red-flag gates, not the prior, guard against missing it."))
        .SuspectedUrgency(Urgency.Emergency)
        .Finding(SignOfTheButtock, 2.0, 1.0, Sources.SignOfTheButtock("Septic arthritis of the hip, osteomyelitis and abscess are among the serious pathologies behind a positive sign of the buttock (V7-13). No accuracy figure: a modest estimate, counted once with the local signs of an inflamed joint.").AsEstimate())
        .Finding(HotSwollenJoint, 5.0, 0.3, Sources.Coakley2006("A short history of a hot, swollen, tender joint with restricted movement is septic until proven otherwise; no likelihood ratio, estimate.").AsEstimate())
        .Finding(Swelling, 2.0, 0.7, Sources.Coakley2006("A swollen joint is part of the presentation; the patient's report is weaker than the examination finding, so a modest estimate.").AsEstimate())
        .Typical(Groin)
        .Possible(LateralHip)
        .Possible(AnteriorThigh)
        .PainMap(Id, Groin, LateralHip, AnteriorThigh)
        .Finding(HipProsthesis, 3.1, 1.0, Sources.Margaretten2007("H14: hip or knee prosthesis, LR+ 3.1."))
        .Finding(RecentJointSurgery, 6.9, 1.0, Sources.Margaretten2007("H12: recent joint surgery, LR+ 6.9."))
        .Composite(
            $"{Id}/prosthesis-skin-infection",
            Criterion.AllOf(HipProsthesis, SkinInfectionNearHip),
            10.0,
            1.0,
            Sources.Margaretten2007("H11: a hip or knee prosthesis with a skin infection over it, published LR+ 15.0 (facts addendum 45, PS45-2 and PS45-3); capped to 10, the tier A cap, because the primary study and its size are not given by the secondary sources. No figure for the combination's absence, so LR- 1. Counted once with the other exposures: with both findings present it replaces the prosthesis's 3.1 and the infection risk's 4.8."),
            "A hip replacement with a skin infection over it")
        .Derived(SeverePain, 0.8, Comparison.SeverePain, Sources.Coakley2006("A short history of a hot, swollen, very painful joint (BSR 2006, facts §1.15); joint pain in 85% (Margaretten 2007, A3-32); severe pain (7/10 or more) is assumed in 80%."))
        .Derived(MildPain, 0.03, Comparison.MildPain, Sources.Coakley2006("An infected joint is very painful (facts §1.15); mild pain at its worst is assumed in 3%."))
        .Derived(LogRollPain, 0.7, Comparison.LogRollPain, Sources.Coakley2006("Restricted, painful movement of the joint (BSR 2006, facts §1.15; severe pain with any motion, facts §1.19); 70% is assumed."))
        .Derived(Limp, 0.8, Comparison.Limp, Sources.Caird2006("Non-weight bearing is a predictor in every paediatric rule (Kocher, Caird; A2-6); the adult hip series presented with inability to bear weight (A3-39); a limp is assumed in 80%."))
        .Derived(CrpRaised, 0.98, Comparison.CrpRaised, Sources.Gupta2001("CRP was raised in 98% of 75 adults with culture-positive septic arthritis (A3-36); serum CRP has LR+ only 1.3-1.6 among patients already suspected of infection (A3-33), but in runners with hip pain a raised CRP is uncommon (comparison 5%)."))
        .Derived(NightSweats, 0.27, Comparison.NightSweats, Sources.Margaretten2007Symptoms("Sweats in 27% and rigors in 19% (A3-32, V-sec); chills were the one independent clinical predictor in Couderc 2015 (OR 4.7, A3-34)."))
        .Derived(InfectionRisk, 0.48, 0.1, CapTier.B, Sources.Gupta2001("Rheumatoid arthritis in 25 and intravenous drug use in 11 of 75 adults with culture-positive septic arthritis (A3-36): 36 of 75 (48%, computed on the assumption that no patient had both; addendum 18, EX18-7), a lower bound for the code, since diabetes and immune suppression are not in the abstract (listed risk factors, BSR 2006, facts §1.15; an entry site more frequent in septic arthritis, Couderc 2015, A2-13). Compared with the prior-weighted share in the other 17 causes, all at the estimated background of 10% of runners with hip pain (addendum 18, rule X3)."))
        .Derived(DurationUnderTwoWeeks, 0.7, Comparison.ShortDuration, Sources.Coakley2006("A short history is part of the presentation (BSR 2006, facts §1.15); symptoms over 3 weeks go with worse outcomes (A2-18). 70% is assumed to present within 2 weeks."))
        .Derived(DurationOverThreeMonths, 0.05, Comparison.LongDuration, Sources.Coakley2006("Septic arthritis presents within days to weeks (facts §1.15; late presentation over 3 weeks in a minority, A2-18); 5% is assumed after more than 3 months."))
        .Derived(Fever, 0.57, Comparison.Fever, Sources.Margaretten2007Symptoms("Fever in 57% of adults with septic arthritis (A3-32, V-sec; 64% in Gupta 2001, A3-36; 36% in knee infections, A3-38)."))
        .Derived(WeightBearingPain, 1.0, 0.441, CapTier.C, Sources.SepticHipLeedsYork("All 46 adults with septic arthritis of the native hip presented with difficulty or inability to bear weight (facts addendum 33, AS33-1), at least pain on weight bearing; inability alone keeps its own rule below. A 100% share from a meeting abstract: tier C, and the LR- of 0 is held to 0.25. Compared with the prior-weighted share in the other 17 causes (0.441: femoral-neck and pubic-ramus stress fracture at their fixed ratios times the background, 1.0 and 0.8, osteonecrosis at its 0.79 (facts addendum 37; 0.439 before, with osteonecrosis at the background), the rest at an estimated background of 0.40 of runners with other hip pain; addendum 20, rule G3). Counted once with inability to bear weight and the Kocher and Singhal strata."))
        .Derived(RangeRestricted, 1.0, Comparison.RangeRestricted, CapTier.C, Sources.SepticHipLeedsYork("A painfully decreased range of joint motion on examination in all 46 adults with septic arthritis of the native hip (facts addendum 33, AS33-2); restricted movement is one of the local signs of a septic joint the guideline names (BSR 2006, AS33-3). A 100% share from a meeting abstract: tier C, and the LR- of 0 is held to 0.25. Counted once with the other local signs of an inflamed joint."))
        .Derived(CannotBearWeight, 0.6, 0.03, Sources.Caird2006("Non-weight bearing is a predictor in every paediatric rule (A2-6) and the adult hip series presented with inability to bear weight (A3-39); 60% is assumed, against an estimated 3% of runners with hip pain."))
        .Finding(EsrOver40, 3.0, 0.5, Sources.Margaretten2007Symptoms("Serum ESR has LR+ 1.3-1.6 among patients already suspected of infection (A3-33); among runners with hip pain a high ESR is less common, so a modest estimate.").AsEstimate())
        .Derived(WhiteCellsOver12, 0.62, 0.05, Sources.Gupta2001("The peripheral white count was normal in 38% of adults with culture-positive septic arthritis (A3-36); a raised count is estimated at 5% of runners with hip pain."))
        .Derived(WhiteCellsRaised, 0.62, 0.05, Sources.Gupta2001("Base 0.24.0 (facts addendum 52): the peripheral white count was raised, by the laboratory's range, in 62% of adults with culture-positive septic arthritis (A3-36, WC52-1), and most adults with a haematogenous septic hip had a leucocytosis (A3-39, WC52-2); a raised count is estimated at 5% of runners with hip pain, as for the count above 12,000. One blood test read at two thresholds, so it counts once with that rule in the predictor group; no gate reads it, because the infection gate's predictors use Kocher's threshold."))
        .Derived(InflammatoryMarkersRaised, 0.98, Comparison.CrpRaised, Sources.Gupta2001("Base 0.25.0 (facts addendum 53): CRP was raised in 98% of adults with culture-positive septic arthritis (A3-36, IM53-1); all 61 adults with a septic knee had raised inflammatory markers (A3-38, IM53-2) and all 10 with a haematogenous septic hip a raised ESR (A3-39, IM53-3); against the comparison for a raised CRP. A marker stated without its value and the CRP above 20 mg/L are one measurement read twice, so it counts once with them in the predictor group; no gate reads it, because the infection gate's predictors use Caird's thresholds."))
        .Group("septic-arthritis/predictors", "Infection predictors: fever, weight bearing and raised markers (Kocher and Singhal rules where they apply)", g => g
            .Graded(
                "septic-arthritis/kocher",
                [Criterion.Present(CannotBearWeight), Criterion.Present(Fever), Criterion.Present(EsrOver40), Criterion.Present(WhiteCellsOver12)],
                [0.04, 0.21, 1.09, 5.5, 26.8],
                Sources.Kocher2004("Stratum likelihood ratios for 0-4 Kocher predictors (non-weight bearing, fever > 38.5 C, ESR > 40 mm/h, white cells > 12,000) derived from the 2004 prospective validation cohort (observed 2/9.5/35/73/93% at a prevalence of 51/154; A2-3, A2-4). The validation figures are used rather than the derivation cohort's (0.2-99.6%), which shrink outside it (A2-69) and whose prevalence is unverified (A2-1). Derived in children with an irritable hip; in adults fever is absent in 36-43% (A3-32, A3-38), so the low strata overstate reassurance for adults (documented deviation). A validated rule's stratum figures are used as published, not capped: they replace the items' own figures."),
                "Kocher criteria (2004 validation cohort)",
                joint: true)
            .Graded(
                "septic-arthritis/singhal",
                [Criterion.Present(CannotBearWeight), Criterion.Present(CrpRaised)],
                [0.1, null, 27.7],
                Sources.Singhal2011("Non-weight bearing and CRP > 20 mg/L: neither gives under 1% (stratum LR under 0.1, the bound used), both 74% (stratum LR 27.7) at a prevalence of 29/311 (A2-8, A2-9); one of the two has no published figure. Derived in children."),
                "Singhal rule: non-weight bearing and CRP > 20 mg/L",
                joint: true)
            .Member($"{Id}/{Fever}")
            .Member($"{Id}/{CannotBearWeight}")
            .Member($"{Id}/{WeightBearingPain}")
            .Member($"{Id}/{CrpRaised}")
            .Member($"{Id}/{EsrOver40}")
            .Member($"{Id}/{WhiteCellsOver12}")
            .Member($"{Id}/{WhiteCellsRaised}")
            .Member($"{Id}/{InflammatoryMarkersRaised}")
            .Member($"{Id}/{NightSweats}"))
        // The local signs of an inflamed joint are one observation (a hot swollen joint is swollen; an irritable joint
        // limps and hurts on log roll), so they count once. They stay apart from the predictor group: Kocher's four
        // predictors were independent in the multivariable model (Kocher 1999), and BSR 2006 treats a hot, swollen,
        // restricted joint as septic until proven otherwise with or without fever (facts U1).
        .Group("septic-arthritis/joint-signs", "Local signs of an inflamed joint (hot, swollen, irritable)", g => g
            .Member($"{Id}/{HotSwollenJoint}")
            .Member($"{Id}/{Swelling}")
            .Member($"{Id}/{LogRollPain}")
            .Member($"{Id}/{RangeRestricted}")
            .Member($"{Id}/{SignOfTheButtock}")
            .Member($"{Id}/{Limp}")
            .Member($"{Id}/{SeverePain}")
            .Member($"{Id}/{MildPain}"))
        .Group("septic-arthritis/exposure", "Risk exposure (prosthesis, with or without a skin infection over it, recent surgery, infection risk, old age)", g => g
            .Member($"{Id}/{HipProsthesis}")
            .Member($"{Id}/prosthesis-skin-infection")
            .Member($"{Id}/{RecentJointSurgery}")
            .Member($"{Id}/{InfectionRisk}")
            .Member($"{Id}/age:81-"))
        .Group("septic-arthritis/course", "Duration", g => g
            .Member($"{Id}/{DurationUnderTwoWeeks}")
            .Member($"{Id}/{DurationOverThreeMonths}"))
        .Age(81, null, 3.5, 1.0, Sources.Margaretten2007("H13: age over 80, LR+ 3.5."))
        .Treat(EmergencyReferral)
        .Treat(Aspiration)
        .Treat(Opioid, TreatmentLine.SecondLine, "For severe pain while emergency care is arranged.")
        .Avoid(Corticosteroid, "Never inject a joint that may be infected.")
        .Avoid(RunThroughPain)
        .Avoid(Prolotherapy, "Never inject a joint that may be infected.")
        .Running(RunningRestriction.StopRunning, "No running or exercise; same-day emergency assessment."));
}
