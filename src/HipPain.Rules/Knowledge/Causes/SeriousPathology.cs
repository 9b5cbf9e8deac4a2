using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class SeriousPathology
{
    public const string Id = "malignancy";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Malignancy or other serious pathology (bone metastasis, primary bone tumour)", c => c
        .Describe("A tumour in the pelvis or proximal femur, most often a metastasis: constant or night pain unrelated to activity, weight loss, a history of cancer, failure to improve. Rare but can't-miss.")
        .Codes("C79.5", "94222008")
        .Prior(0.002, Sources.Estimate("Rare in runners presenting with hip pain; no population figure. Estimated at 0.2%; the red-flag gates, not the prior, guard against missing it."))
        .SuspectedUrgency(Urgency.Urgent)
        .Possible(LateralHip)
        .Possible(Groin)
        .Possible(AnteriorThigh)
        .Possible(Buttock)
        .PainMapWithoutBlankRegions(Id, LateralHip, Groin, AnteriorThigh, Buttock)
        .Finding(CancerHistory, 6.0, 1.0, Sources.Downie2013("History of malignancy raised the probability of spinal malignancy to 33% (22-46%) in back pain, the best-supported red flag; no likelihood ratio in the facts, so an estimate of 6 kept under the tier A cap.").AsEstimate())
        .Finding(WeightLoss, 3.0, 1.0, Sources.RedFlagCluster("Unexplained weight loss is part of the red-flag cluster (V-sec); no ratio, estimate."))
        .Finding(NoImprovement, 3.0, 0.77, Sources.Deyo1988("No response to a month of treatment: sensitivity 31%, specificity 90% for cancer in back pain (A5-1), LR+ 3.1, LR- 0.77; 13 cancers, so held at 3 (tier C cap 4)."))
        .Finding(DurationOverThreeMonths, 2.6, 1.0, Sources.Deyo1988("Pain lasting more than a month: sensitivity 50%, specificity 81% for cancer in back pain (A5-1), LR+ 2.6. The base asks about more than 3 months, a stricter threshold whose LR+ is not published; the 1-month figure is used for a positive answer only, and a negative answer moves nothing.").AsEstimate())
        .Composite(
            "malignancy/red-flag-cluster-negative",
            Criterion.AllOf(Criterion.Absent(CancerHistory), Criterion.Absent(WeightLoss), Criterion.Absent(NoImprovement)),
            0.25,
            1.0,
            Sources.RedFlagCluster("Age over 50, cancer history, weight loss and failure to improve: sensitivity 1.0 for the cluster (V-sec, small study). All three history items absent: LR 0.25 (sensitivity 1.0 capped at tier C); age is weighed by its own modifier."),
            "Red-flag cluster negative: no cancer history, no weight loss, improving")
        .Finding(ConstantRestPain, 2.5, 0.7, Sources.RedFlagCluster("Constant or night pain unrelated to activity is a listed red flag (facts §7, V-sec); no ratio, estimate."))
        .Finding(BetterWithRest, 0.8, 1.1, Sources.PelvicSarcoma("Pain unrelated to activity is the red-flag pattern (facts §7), but at the first visit 64-85% of young people with bone sarcoma had strain-related pain (Widhe 2000, A3-48), so relief with rest argues only weakly against it; estimate.").AsEstimate())
        .Derived(Swelling, 0.35, 0.05, Sources.PelvicSarcoma("A mass or swelling in 30-39% of bone sarcomas at presentation (A3-48, A3-49; 22% of pelvic sarcomas in young people, A3-50); swelling around the hip is estimated at 5% in other causes of a runner's hip pain."))
        .Derived(PalpableMass, 0.35, 0.05, Sources.PelvicSarcoma("A palpable mass at the first visit in 39% of osteosarcomas and 34% of Ewing sarcomas in young people (Widhe 2000, A3-48), as for swelling; a mass is estimated at 5% in other causes of a runner's hip pain. NICE NG12 names an unexplained abdominal or pelvic mass, and a lump that is growing, as reasons for urgent referral (V7-7, V7-8). In one group with swelling, which measures the same thing."))
        .Finding(SignOfTheButtock, 3.0, 1.0, Sources.SignOfTheButtock("Cyriax's sign of the buttock marks serious pathology behind the hip (V7-13); of 5 patients with the sign found in the literature, 2 had metastatic adenocarcinoma and 3 fractures (V7-12). No accuracy figure: an estimate of 3; its absence says nothing.").AsEstimate())
        .Derived(NightSweats, 0.15, Comparison.NightSweats, Sources.PelvicSarcoma("Constitutional symptoms in 15% of pelvic sarcomas in young people (A3-50) and under 10% of bone lymphomas (A3-56); night sweats are a listed hip red flag (GP Online, facts §1.17)."))
        .Derived(Worsening, 0.7, Comparison.Worsening, Sources.NiceCg27("Increasing, unexplained or persistent bone pain is the referral trigger (A3-57); 70% is assumed."))
        .Finding(RadiographNormal, 0.38, 1.5, Sources.PelvicSarcoma("Initial pelvic radiographs were reported normal in 2 of 59 young people with pelvic sarcoma (A3-50), but a normal film does not exclude a pelvic tumour (Scottish guidance, A3-59) and early metastases can be invisible; 30% normal is assumed against 80% in other hip pain (LR 0.38 normal; 3.5 for an abnormal film, held to the estimate bound of 1.5).").AsEstimate())
        .Derived(InflammatoryMarkersRaised, 0.32, Comparison.CrpRaised, Sources.BoneTumourBloods("Base 0.25.0 (facts addendum 53): ESR and CRP were raised, against the laboratory's range, in 32% of 541 newly diagnosed primary bone tumours (IM53-4); against the comparison for a raised CRP in runners with mechanical hip pain. Metastases and myeloma have no share in the sources read. The only blood-test rule of this cause, so in no group; no gate reads it."))
        .Age(51, null, 1.5, 0.8, Sources.RedFlagCluster("Age over 50 is part of the cluster and metastasis and myeloma are diseases of older adults, but primary bone sarcoma (Ewing, osteosarcoma) peaks before 30 (A3-48, A3-50); for the mixed cause, a modest estimate."))
        .Group("malignancy/red-flag-history", "Red-flag history (Greenhalgh & Selfe cluster)", g => g
            .Member($"{Id}/red-flag-cluster-negative")
            .Member($"{Id}/{CancerHistory}")
            .Member($"{Id}/{WeightLoss}")
            .Member($"{Id}/{NoImprovement}")
            .Member($"{Id}/{DurationOverThreeMonths}")
            .Member($"{Id}/{NightSweats}"))
        .Group("malignancy/mass", "A mass or swelling", g => g
            .Member($"{Id}/{Swelling}")
            .Member($"{Id}/{PalpableMass}"))
        .Group("malignancy/pain-pattern", "Pain pattern and course", g => g
            .Member($"{Id}/{ConstantRestPain}")
            .Member($"{Id}/{BetterWithRest}")
            .Member($"{Id}/{Worsening}"))
        .Treat(CancerPathway)
        .Treat(Radiographs, note: "Radiographs of the pelvis and hip first; MRI as directed by the pathway.")
        .Treat(UrgentOrthopaedics, TreatmentLine.SecondLine, "If imaging shows a lesion at risk of pathological fracture.")
        .Avoid(RunThroughPain, "A weakened bone can fracture.")
        .Avoid(Corticosteroid, "Do not inject before a tumour is excluded.")
        .Avoid(Prolotherapy, "No role.")
        .Running(RunningRestriction.StopRunning, "Stop running until imaging has excluded a bone lesion."));
}
