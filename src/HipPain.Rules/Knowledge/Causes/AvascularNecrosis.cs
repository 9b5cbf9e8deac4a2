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
        .Finding(SteroidUse, 4.0, 1.0, Sources.Osteonecrosis("Case-control OR 134.5 for steroids (India, V-abs); an odds ratio is not a likelihood ratio, so a capped estimate of 4 (tier C)."))
        .Finding(AlcoholExcess, 3.0, 1.0, Sources.Osteonecrosis("Case-control OR 32.7 for alcohol (V-abs); an odds ratio is not a likelihood ratio, so an estimate of 3."))
        .Finding(OsteonecrosisCondition, 3.0, 1.0, Sources.Osteonecrosis("Sickle cell disease, SLE, transplant, HIV and decompression illness are listed risk factors; no ratio, estimate."))
        .Finding(ConstantRestPain, 2.0, 0.6, Sources.Osteonecrosis("Rest pain in about two thirds (V-sec); no ratio, estimate."))
        .Finding(NightPain, 1.5, 0.9, Sources.Osteonecrosis("Night pain in about a third (V-sec); no ratio, estimate."))
        .Finding(InternalRotationPain, 2.0, 0.5, Sources.Osteonecrosis("Limited, painful internal rotation is the examination sign (eMedicine); no ratio, estimate."))
        .Finding(RangeRestricted, 1.5, 0.8, Sources.Osteonecrosis("Limited internal rotation accompanies the painful rotation (eMedicine); no ratio, modest estimate."))
        .Finding(AntalgicGait, 1.5, 0.8, Sources.Osteonecrosis("Trendelenburg or antalgic gait is a listed sign (eMedicine, V-sec); no ratio, modest estimate."))
        .Sex(Sex.Male, 1.3, 0.7, Sources.Osteonecrosis("Men outnumber women up to 3:1 (V-sec); modest estimate."))
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
