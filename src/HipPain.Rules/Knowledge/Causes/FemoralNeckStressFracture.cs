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
        .Prior(0.05, Sources.Wright2015("Derived: stress fractures are 15-20% of running injuries (Wright 2015, A2-19, V-abs); the femoral neck is 2-8% of stress fractures in the series read (Robertson 2017 3%; Fullerton 5%, A3-8; UK recruits 8%, A3-1; US Air Force 2%, A3-7); the hip, pelvis and thigh are at most about 20% of running injuries (more than 80% at or below the knee, A4-56) and 5-6% of adult sports injuries (A4-59). That puts femoral-neck stress fractures at roughly 2-30% of runners' hip pain; 5% is taken, towards the low end. The red-flag gate, not the prior, guards against missing it.").AsEstimate())
        .SuspectedUrgency(Urgency.Urgent)
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(LateralHip)
        .PainMap(Id, Groin, AnteriorThigh, LateralHip)
        .Finding(BetterWithRest, 1.5, 0.7, Sources.Robertson2017("Early on the pain comes with loading and settles with rest (facts §1.6); no accuracy figure, modest estimate.").AsEstimate())
        .Finding(BetterWithMovement, 0.5, 1.0, Sources.Estimate("Bone stress pain worsens with continued loading rather than easing; modest estimate."))
        .Finding(AntalgicGait, 1.5, 0.8, Sources.Robertson2017("Antalgic gait is a listed sign (facts §1.6); no accuracy figure, modest estimate.").AsEstimate())
        .Derived(Limp, 0.5, Comparison.Limp, Sources.Robertson2017("An antalgic gait is a listed sign (facts §1.6); the frequency is not published, so half of patients is assumed."))
        .Finding(Fulcrum, 1.5, 0.8, Sources.Reiman2013Table3("The fulcrum test was studied for femoral SHAFT stress fractures only, with conflicting results (T34: LR+ 3.7, LR- 0.09 in 7 athletes; T35: LR+ 1.0, LR- 0.92 in 6 recruits); for the neck, a modest estimate.").AsEstimate())
        .Finding(WeightBearingPain, 2.5, 0.5, Sources.Robertson2017("Pain progresses from after running to during running to walking (facts §1.6); no accuracy figure, estimate.").AsEstimate())
        .Finding(RunningImpossible, 2.0, 0.8, Sources.Robertson2017("Continued loading turns exercise-related pain into pain that stops running (facts §1.6); no frequency published, estimate.").AsEstimate())
        .Finding(HopTest, 3.0, 0.4, Sources.Estimate("Hop test recommended in reviews; no accuracy study located (facts T39, NOT FOUND)."))
        .Finding(InternalRotationPain, 2.0, 0.3, Sources.Robertson2017("Pain at the extremes of hip motion is the most common and most sensitive sign; no Sn/Sp published, estimate.").AsEstimate())
        .Finding(SignOfTheButtock, 2.0, 1.0, Sources.SignOfTheButtock("A transcervical femoral-neck fracture was one of 5 patients with the sign of the buttock found in the literature (V7-12); the sign marks serious pathology behind the hip (V7-13). No accuracy figure: a modest estimate, counted once with the loading-pain signs.").AsEstimate())
        .Derived(LogRollPain, 0.4, Comparison.LogRollPain, Sources.Robertson2017("Pain on log roll and axial loading is a listed sign (facts §1.6); the frequency is not published, so 40% is assumed."))
        .Derived(Worsening, 0.8, Comparison.Worsening, Sources.Knobloch2025("Bone stress pain is insidious and progressive, usually after a training change (A3-31); 80% is assumed."))
        .Derived(GradualOnset, 0.85, Comparison.GradualOnset, Sources.Knobloch2025("Insidious onset is the rule (A3-31); 85% is assumed."))
        .Derived(AcuteOnset, 0.15, Comparison.AcuteOnset, Sources.Knobloch2025("An abrupt onset is the exception for a bone stress injury (A3-31) unless the fracture completes; 15% is assumed."))
        .Finding(TrainingIncrease, 2.0, 0.8, Sources.Robertson2017("Training errors and overtraining precede stress fractures; no accuracy figure, estimate.").AsEstimate())
        .Derived(DistanceRunner, 0.7, Comparison.DistanceRunner, Sources.Robertson2017("Marathon and long-distance running are the commonest causative sports (facts §1.6); weekly distance over 64 km is a consistent risk factor (A4-60); 70% is assumed."))
        .Finding(LowEnergyAvailability, 1.5, 1.0, Sources.Barrack2014("Single Triad factor: bone stress injury in 15.3% (BMI < 21) vs 10.8% overall, an odds ratio of about 1.5; 46% with accumulated factors."))
        .Finding(Osteopenia, 2.0, 1.0, Sources.Barrack2014("Low bone mineral density (Z < -1) is one of the accumulated Triad factors behind 46% bone stress injury (facts §1.18); lower bone density in women with stress fractures (Bennell 1996, A3-23). An odds-ratio-type association, so a conservative estimate of 2.").AsEstimate())
        .Finding(PriorStressFracture, 2.0, 1.0, Sources.Estimate("Prior stress fracture OR 4.99 in endurance athletes (Wright 2015, V-sec); an odds ratio is not a likelihood ratio, so a conservative 2."))
        .Finding(LowVitaminD, 1.5, 1.0, Sources.LowVitaminD("Base 0.23.0 (facts addendum 51): a low vitamin D level is an established risk factor for bone stress injury; about double the risk below 20 ng/mL against 40 ng/mL or more in 600 stress fractures and 600 matched controls (Burgi 2011). An odds ratio of exposure is not a likelihood ratio, so about 1.5, as for low energy availability. Absent, it says nothing (LR- 1): most patients have never had it measured. No share among confirmed fractures exists. Counted once with the other bone-health factors."))
        .Finding(RadiographNormal, 0.7, 1.5, Sources.Wright2016Imaging("Radiographs have sensitivity 12-56% and specificity 88-96% for lower-limb stress fracture and lag symptoms by 2-3 weeks (A3-26, A3-27): a normal film lowers the odds only a little (LR about 0.46-1.0); 0.7 is used, and an abnormal film raises them by an estimated 1.5.").AsEstimate())
        .Sex(Sex.Female, 1.5, 0.7, Sources.Estimate("Female sex OR 2.31 in endurance athletes (Wright 2015, V-sec) and a main risk factor (Robertson 2017); conservative estimate."))
        .Group("femoral-neck-stress-fracture/loading-pain", "Pain on loading and its signs (one feature of bone stress, measured many ways)", g => g
            .Member($"{Id}/{WeightBearingPain}")
            .Member($"{Id}/{HopTest}")
            .Member($"{Id}/{AntalgicGait}")
            .Member($"{Id}/{Limp}")
            .Member($"{Id}/{RunningImpossible}")
            .Member($"{Id}/{LogRollPain}")
            .Member($"{Id}/{SignOfTheButtock}")
            .Member($"{Id}/{InternalRotationPain}")
            .Member($"{Id}/{Fulcrum}")
            .Member($"{Id}/{BetterWithRest}")
            .Member($"{Id}/{BetterWithMovement}"))
        .Group("femoral-neck-stress-fracture/course", "Onset and course", g => g
            .Member($"{Id}/{Worsening}")
            .Member($"{Id}/{GradualOnset}")
            .Member($"{Id}/{AcuteOnset}"))
        .Group("femoral-neck-stress-fracture/load-exposure", "Training load", g => g
            .Member($"{Id}/{TrainingIncrease}")
            .Member($"{Id}/{DistanceRunner}"))
        .Group("femoral-neck-stress-fracture/bone-health", "Bone health (energy availability, bone density, vitamin D, prior bone stress injury)", g => g
            .Member($"{Id}/{LowEnergyAvailability}")
            .Member($"{Id}/{Osteopenia}")
            .Member($"{Id}/{LowVitaminD}")
            .Member($"{Id}/{PriorStressFracture}"))
        .Finding(HipProsthesis, Sources.MinimumEstimatedPositive, 1.0, Sources.ReplacedHip("A standard replacement cuts the femoral neck and places a stem in the femur (PA55-4); no review of the painful replacement lists a femoral-neck stress fracture (PA55-1 to PA55-3). Facts addendum 55, rule R1: held at 0.25, the estimate bound (docs/knowledge-base.md, rule 4), rather than lower, because a resurfacing keeps the neck, which can then fracture, and a statement's side can be wrong. Absent says nothing. The femoral-neck gate does not read it and still fires on its own criterion."))
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
