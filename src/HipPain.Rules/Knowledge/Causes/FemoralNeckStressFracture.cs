using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class FemoralNeckStressFracture
{
    public const string Id = "femoral-neck-stress-fracture";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Femoral neck stress fracture", c => c
        .Describe("A bone stress injury of the femoral neck from repetitive loading: exercise-related groin pain that progresses to pain on walking. Can't-miss: a completed or displaced fracture needs surgery.")
        .Codes("M84.3", "1290783004")
        .Prior(0.02, Sources.Estimate("About 3% of sport-related stress fractures (Robertson 2017) and 1-7.2% of stress fractures; marathon and long-distance running are the commonest sports. Estimated at 2% of runners presenting with hip pain; the red-flag gate, not the prior, guards against missing it."))
        .SuspectedUrgency(Urgency.Urgent)
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(LateralHip)
        .Finding(BetterWithRest, 1.5, 0.7, Sources.Robertson2017("Early on the pain comes with loading and settles with rest (facts §1.6); no accuracy figure, modest estimate.").AsEstimate())
        .Finding(BetterWithMovement, 0.5, 1.0, Sources.Estimate("Bone stress pain worsens with continued loading rather than easing; modest estimate."))
        .Finding(AntalgicGait, 1.5, 0.8, Sources.Robertson2017("Antalgic gait is a listed sign (facts §1.6); no accuracy figure, modest estimate.").AsEstimate())
        .Finding(Fulcrum, 1.5, 0.8, Sources.Reiman2013Table3("The fulcrum test was studied for femoral SHAFT stress fractures only, with conflicting results (T34: LR+ 3.7, LR- 0.09 in 7 athletes; T35: LR+ 1.0, LR- 0.92 in 6 recruits); for the neck, a modest estimate.").AsEstimate())
        .Finding(WeightBearingPain, 2.5, 0.5, Sources.Robertson2017("Pain progresses from after running to during running to walking (facts §1.6); no accuracy figure, estimate.").AsEstimate())
        .Finding(HopTest, 3.0, 0.4, Sources.Estimate("Hop test recommended in reviews; no accuracy study located (facts T39, NOT FOUND)."))
        .Finding(InternalRotationPain, 2.0, 0.3, Sources.Robertson2017("Pain at the extremes of hip motion is the most common and most sensitive sign; no Sn/Sp published, estimate.").AsEstimate())
        .Finding(TrainingIncrease, 2.0, 0.8, Sources.Robertson2017("Training errors and overtraining precede stress fractures; no accuracy figure, estimate.").AsEstimate())
        .Finding(LowEnergyAvailability, 1.5, 1.0, Sources.Barrack2014("Single Triad factor: bone stress injury in 15.3% (BMI < 21) vs 10.8% overall, an odds ratio of about 1.5; 46% with accumulated factors."))
        .Finding(PriorStressFracture, 2.0, 1.0, Sources.Estimate("Prior stress fracture OR 4.99 in endurance athletes (Wright 2015, V-sec); an odds ratio is not a likelihood ratio, so a conservative 2."))
        .Sex(Sex.Female, 1.5, 0.7, Sources.Estimate("Female sex OR 2.31 in endurance athletes (Wright 2015, V-sec) and a main risk factor (Robertson 2017); conservative estimate."))
        .Treat(ProtectedWeightBearing)
        .Treat(Radiographs, note: "Radiographs first; often normal early.")
        .Treat(UrgentMri, note: "MRI within days is the reference standard when radiographs are normal.")
        .Treat(UrgentOrthopaedics, note: "Tension-side, complete or displaced fractures need fixation.")
        .Treat(Opioid, TreatmentLine.SecondLine, "Short-term, for severe pain while imaging and review are arranged.")
        .Avoid(RunThroughPain, "Continued loading risks completion and displacement.")
        .Avoid(Rice, "RICE and carry on is not the plan: off-load and image first.")
        .Avoid(Nsaid, "Masks pain that guides protected loading and may slow bone healing (weak evidence); not a substitute for imaging.")
        .Avoid(Prolotherapy, "No role in a stress fracture.")
        .Treat(GradualLoad)
        .Treat(BoneHealthNutrition)
        .Running(RunningRestriction.StopRunning, "No running. Protected weight bearing on crutches until MRI excludes a fracture; then a graded return over about 14 weeks for an incomplete compression-side fracture."));
}
