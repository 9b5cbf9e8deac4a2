using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class AvascularNecrosis
{
    public const string Id = "avascular-necrosis";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Avascular necrosis (osteonecrosis) of the femoral head", c => c
        .Describe("Death of bone in the femoral head from a lost blood supply: deep, throbbing groin pain, worse walking and often at rest or night, with painful internal rotation. Linked to corticosteroids, alcohol and some diseases; joint-preserving treatment works only before collapse.")
        .Codes("M87.0", "444849002")
        .Prior(0.003, Sources.Estimate("About 10,000-20,000 new US cases a year (facts §1.16, V-sec), rare in healthy runners. Estimated at 0.3%; the red-flag gate on risk exposure guards against missing it."))
        .SuspectedUrgency(Urgency.Urgent)
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(Buttock)
        .Possible(Knee, Sources.OsteonecrosisLocation("The pain may radiate to the knee (facts §1.16's location row), and the Liège cohort saw presentations with knee pain (A2-41): a possible region by the location convention, LR+ 1.5, no evidence when absent (facts addendum 37, K2; not judged by the tenth batch, none of whose osteonecrosis cases stated it; registered again by facts addendum 39 and judged on the twelfth batch). No share of patients with knee pain was read."))
        .PainMap(Id, Groin, AnteriorThigh, Buttock, Knee)
        .Derived(SteroidUse, 0.268, 0.03, CapTier.A, Sources.Confhd("Steroid-induced osteonecrosis in 495 of 1,844 patients (26.8%; A2-40; addendum 18, EX18-1), one class of an exclusive aetiology split, so a lower bound of the exposed share (51% of 1,502 in the Japanese non-traumatic survey, EX18-3). Compared with the prior-weighted share in the other 17 causes, which all enter at the estimated background of long-term or high-dose corticosteroid use among runners with other hip pain (0.03; addendum 18, rule X3). Replaces an estimate from the Indian case-control odds ratio (134.5), which is not a likelihood ratio."))
        .Derived(AlcoholExcess, 0.371, 0.05, CapTier.A, Sources.Confhd("Alcohol-related osteonecrosis in 685 of 1,844 patients (37.1%; A2-40; addendum 18, EX18-2), a lower bound as above (31% habitual alcohol in the Japanese survey, EX18-3). Compared with the prior-weighted share in the other 17 causes, all at the estimated background of heavy drinking among runners with other hip pain (0.05; addendum 18, rule X3). Replaces an estimate from a case-control odds ratio (32.7)."))
        .Finding(Smoking, 1.5, 1.0, Sources.SmokingOsteonecrosis("Base 0.26.0 (facts addendum 54): current smokers have about 2.5 times the odds of osteonecrosis of non-smokers (meta-analysis of 7 case-control studies, SM54-1; 3.9 in two more, SM54-2 and SM54-3), with a dose-response; an odds ratio is not a likelihood ratio, so a conservative estimate below the 1.6 to 2.2 it gives at 10-30% exposure, as for the other risk factors published only as odds ratios. Absent, it says nothing. Counted once with the other exposures: smoking goes with drinking, and its effect is smaller beside corticosteroids (SM54-2)."))
        .Derived(OsteonecrosisCondition, 0.158, 0.01, CapTier.A, Sources.Fukushima2010("Half of 1,502 patients had had systemic steroids (51%) and lupus was the commonest underlying disease among them (31%): about 15.8% of all patients had lupus (computed; addendum 18, EX18-4), a lower bound for the code (transplant, sickle cell disease, HIV and decompression illness are not in the abstract). Compared with the prior-weighted share in the other 17 causes, all at the estimated background of these diseases among runners with other hip pain (0.01; addendum 18, rule X3)."))
        .Finding(ConstantRestPain, 2.0, 0.6, Sources.Osteonecrosis("Rest pain in about two thirds (V-sec); no ratio, estimate."))
        .Finding(NightPain, 1.5, 0.9, Sources.Osteonecrosis("Night pain in about a third (V-sec); no ratio, estimate."))
        .Finding(InternalRotationPain, 2.0, 0.5, Sources.Osteonecrosis("Limited, painful internal rotation is the examination sign (eMedicine); no ratio, estimate."))
        .Finding(RangeRestricted, 1.5, 0.8, Sources.Osteonecrosis("Limited internal rotation accompanies the painful rotation (eMedicine); no ratio, modest estimate."))
        .Finding(AntalgicGait, 1.5, 0.8, Sources.Osteonecrosis("Trendelenburg or antalgic gait is a listed sign (eMedicine, V-sec); no ratio, modest estimate."))
        .Derived(FallOrTrauma, 0.157, 0.119, CapTier.A, Sources.Confhd("Traumatic osteonecrosis (after a femoral-neck fracture or hip dislocation) in 15.7% of 1,844 patients, beside steroids 26.8% and alcohol 37.2% (A2-40; addendum 15, HX15-4). Compared with the prior-weighted share in the other 17 causes (0.119: SIJ pain's 0.39 (Chou 2004), deep gluteal syndrome's 0.25 (Park 2016), labral tear's 0.09 (Burnett 2006), the rest at an estimated 0.10; addendum 15, rule H3)."))
        .Derived(PregnancyPostpartum, 0.04, 0.02, CapTier.C, Sources.Hernigou2018("Of 436 women with one child and no other cause, 71.8% of osteonecroses began in pregnancy or the postpartum period against 28.2% in the matching period before (odds ratio 14.5 in the last trimester); no share of all osteonecrosis cases, most of them men with steroid or alcohol exposure, so 4% is assumed against an estimated 2% of runners with other hip pain (facts addendum 44, P2). Counted once with the other exposures."))
        .Derived(WeightBearingPain, 0.79, 0.441, CapTier.B, Sources.Liege2016("Mechanical pain (brought on by loading, eased by rest) in 79% of 125 hips, inflammatory pain in 21% (A2-41); facts §1.16: worse with ambulation. Mechanical pain is read as pain on weight bearing (facts addendum 37, K1; registered again by facts addendum 39 and judged on the twelfth batch); a cohort under 100 patients, tier B. Compared with the prior-weighted share in the other 17 causes (0.441: femoral-neck and pubic-ramus stress fracture at their fixed ratios times the background, 1.0 and 0.8, septic arthritis at its 1.0 (addendum 33), the rest at an estimated background of 0.40 of runners with other hip pain; addendum 20, rule G3). Counted once with the limp and the other signs of a painful hip."))
        .Derived(Limp, 0.5, Comparison.Limp, Sources.Liege2016("A limp in 50% of patients at presentation (A2-41)."))
        .Derived(AcuteOnset, 0.55, 0.305, Sources.Liege2016("Acute onset in 55% of patients (A2-41; addendum 12, ON12-5); the authors found no typical clinical pattern. Compared with the prior-weighted share in the other 17 causes (0.305: muscle strain's assumed 0.9, femoral-neck stress fracture's 0.15, labral tear's 0.39 (Burnett 2006), the rest at the 0.25 comparison; addendum 12, rule O3)."))
        .Derived(Worsening, 0.6, Comparison.Worsening, Sources.Osteonecrosis("About 80% of untreated hips progress (facts §1.16, V-sec) and 47% had collapsed by diagnosis (A2-42); worsening pain is assumed in 60%."))
        .Derived(DullAche, 0.7, 0.5, Sources.Osteonecrosis("Deep, throbbing pain worse with walking (facts §1.16; textbook chapter, A3-45); 70% is assumed, against an estimated 50% of other hip pain described as a dull ache."))
        .Finding(RadiographNormal, 0.63, 1.5, Sources.Liege2016("Radiographs are insensitive early (PMC4596197, facts §1.16) but 47% of hips had already collapsed at diagnosis (A2-42), so about half of radiographs are abnormal: derived from 50% normal against an estimated 80% in other hip pain (LR 0.63 normal; 2.5 for an abnormal film, held to the estimate bound of 1.5).").AsEstimate())
        .Age(25, 55, 1.3, 0.6, Sources.Liege2016("Non-traumatic osteonecrosis presents in the third to fifth decades; the age peak is in the 40s (Fukushima 2010, A2-37; mean 44.5-47.6 in 7,268 Chinese patients, A2-38; median 50, A2-40); modest estimate.").AsEstimate())
        .Sex(Sex.Male, 1.3, 0.7, Sources.Osteonecrosis("Men outnumber women up to 3:1 (V-sec); modest estimate."))
        .Group("avascular-necrosis/exposure", "Exposure (corticosteroids, alcohol, smoking, predisposing disease, trauma, pregnancy)", g => g
            .Member($"{Id}/{SteroidUse}")
            .Member($"{Id}/{AlcoholExcess}")
            .Member($"{Id}/{Smoking}")
            .Member($"{Id}/{OsteonecrosisCondition}")
            .Member($"{Id}/{FallOrTrauma}")
            .Member($"{Id}/{PregnancyPostpartum}"))
        .Group("avascular-necrosis/signs", "Painful, stiff hip and gait", g => g
            .Member($"{Id}/{InternalRotationPain}")
            .Member($"{Id}/{RangeRestricted}")
            .Member($"{Id}/{AntalgicGait}")
            .Member($"{Id}/{Limp}")
            .Member($"{Id}/{WeightBearingPain}"))
        .Group("avascular-necrosis/pain-pattern", "Pain pattern and course", g => g
            .Member($"{Id}/{ConstantRestPain}")
            .Member($"{Id}/{NightPain}")
            .Member($"{Id}/{DullAche}")
            .Member($"{Id}/{Worsening}")
            .Member($"{Id}/{AcuteOnset}"))
        .Finding(HipProsthesis, Sources.MinimumEstimatedPositive, 1.0, Sources.ReplacedHip("A standard replacement removes the femoral head (PA55-4); no review of the painful replacement lists osteonecrosis of it (PA55-1 to PA55-3). Facts addendum 55, rule R1: held at 0.25, the estimate bound (docs/knowledge-base.md, rule 4), rather than lower, because a resurfacing keeps a capped head and a statement's side can be wrong. Absent says nothing. The osteonecrosis gate does not read it."))
        .Treat(UrgentMri, note: "MRI is the reference standard (over 99% sensitive early); radiographs miss early disease.")
        .Treat(UrgentOrthopaedics, note: "Joint-preserving options exist only before collapse.")
        .Treat(ProtectedWeightBearing)
        .Treat(RemoveRiskExposure)
        .Treat(JointPreservingSurgery, TreatmentLine.SecondLine)
        .Avoid(RunThroughPain, "Loading a necrotic femoral head risks collapse.")
        .Avoid(Corticosteroid, "Corticosteroids are a cause of osteonecrosis.")
        .Avoid(Prolotherapy, "No evidence for osteonecrosis.")
        .Running(RunningRestriction.StopRunning, "No running; protected weight bearing until MRI and orthopaedic review."));
}
