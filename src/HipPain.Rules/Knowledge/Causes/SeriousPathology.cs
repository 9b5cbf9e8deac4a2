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
        .Finding(CancerHistory, 6.0, 1.0, Sources.Downie2013("History of malignancy raised the probability of spinal malignancy to 33% (22-46%) in back pain, the best-supported red flag; no likelihood ratio in the facts, so an estimate of 6 kept under the tier A cap.").AsEstimate())
        .Finding(WeightLoss, 3.0, 1.0, Sources.RedFlagCluster("Unexplained weight loss is part of the red-flag cluster (V-sec); no ratio, estimate."))
        .Finding(NoImprovement, 1.5, 1.0, Sources.RedFlagCluster("Failure to improve after a month is part of the red-flag cluster (V-sec); no ratio, estimate."))
        .Composite(
            "malignancy/red-flag-cluster-negative",
            Criterion.AllOf(Criterion.Absent(CancerHistory), Criterion.Absent(WeightLoss), Criterion.Absent(NoImprovement)),
            0.25,
            1.0,
            Sources.RedFlagCluster("Age over 50, cancer history, weight loss and failure to improve: sensitivity 1.0 for the cluster (V-sec, small study). All three history items absent: LR 0.25 (sensitivity 1.0 capped at tier C); age is weighed by its own modifier."),
            "Red-flag cluster negative: no cancer history, no weight loss, improving")
        .Finding(ConstantRestPain, 2.5, 0.7, Sources.RedFlagCluster("Constant or night pain unrelated to activity is a listed red flag (facts §7, V-sec); no ratio, estimate."))
        .Finding(BetterWithRest, 0.5, 1.5, Sources.RedFlagCluster("Pain unrelated to activity is the red-flag pattern (facts §7), so pain that settles with rest argues against it; modest estimate."))
        .Finding(Swelling, 2.0, 1.0, Sources.Nice12("Unexplained bone pain or swelling prompts urgent X-ray in young people (V-sec); no ratio, estimate.").AsEstimate())
        .Finding(NightPain, 1.5, 0.8, Sources.RedFlagCluster("Night pain is a listed hip red flag (GP Online list, V-sec), common in benign causes too; modest estimate."))
        .Age(51, null, 2.0, 0.5, Sources.RedFlagCluster("Age over 50 is part of the cluster (V-sec); no ratio, estimate."))
        .Treat(CancerPathway)
        .Treat(Radiographs, note: "Radiographs of the pelvis and hip first; MRI as directed by the pathway.")
        .Treat(UrgentOrthopaedics, TreatmentLine.SecondLine, "If imaging shows a lesion at risk of pathological fracture.")
        .Avoid(RunThroughPain, "A weakened bone can fracture.")
        .Avoid(Corticosteroid, "Do not inject before a tumour is excluded.")
        .Avoid(Prolotherapy, "No role.")
        .Running(RunningRestriction.StopRunning, "Stop running until imaging has excluded a bone lesion."));
}
