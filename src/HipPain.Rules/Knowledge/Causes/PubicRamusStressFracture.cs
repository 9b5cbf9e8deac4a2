using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class PubicRamusStressFracture
{
    public const string Id = "pubic-ramus-stress-fracture";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Pubic ramus (pelvic) stress fracture", c => c
        .Describe("A bone stress injury of the inferior pubic ramus near the symphysis in long-distance runners, mostly women: groin, buttock or inner-thigh pain that makes running impossible, pain standing on the affected leg, and exquisite ramus tenderness.")
        .Codes("M84.3", "430907000")
        .Prior(0.01, Sources.Estimate("Pelvic stress fractures are about 1-2% of stress fractures (facts §1.7, V-sec) and stress fractures are a minority of running hip pain. Estimated at 1%; the red-flag gate, not the prior, guards against missing it."))
        .SuspectedUrgency(Urgency.Urgent)
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(Buttock)
        .Composite(
            "pubic-ramus-stress-fracture/noakes",
            Criterion.AtLeast(2, RunningImpossible, StandingSign, PubicRamusTenderness),
            4.0,
            0.3,
            Sources.Noakes1985("Noakes triad: running impossible from groin pain, the standing sign, exquisite ramus tenderness; the triad 'makes the diagnosis with confidence' but has no accuracy figures. At least 2 of 3: a documented estimate (LR+ 4, LR- 0.3)."),
            "Noakes triad: at least 2 of running impossible, standing sign, pubic ramus tenderness")
        .Finding(TrainingIncrease, 2.0, 0.8, Sources.Robertson2017("Training errors precede bone stress injuries; no accuracy figure, so the same estimate as for the femoral neck.").AsEstimate())
        .Finding(LowEnergyAvailability, 1.5, 1.0, Sources.Barrack2014("Single Triad factor: bone stress injury in 15.3% (BMI < 21) vs 10.8% overall, about 1.5."))
        .Finding(PriorStressFracture, 2.0, 1.0, Sources.Estimate("Prior stress fracture OR 4.99 in endurance athletes (Wright 2015, V-sec); an odds ratio is not a likelihood ratio, so a conservative 2."))
        .Sex(Sex.Female, 1.5, 0.7, Sources.Noakes1985("Mostly women in the runner series (Noakes 1985; JBJS 1982, women aged 19-48); no ratio published, so the femoral-neck estimate is reused."))
        .Treat(ProtectedWeightBearing, note: "Off-load until imaging; crutches if standing on the leg hurts.")
        .Treat(Radiographs, note: "Often normal early.")
        .Treat(UrgentMri, note: "MRI (or bone scan) confirms the fracture.")
        .Treat(BoneHealthNutrition, note: "Assess energy availability and menstrual history (REDs; Barrack 2014).")
        .Treat(RelativeRest, note: "Relative rest from running for 8-12 weeks, progressing by pain (Noakes 1985).")
        .Avoid(RunThroughPain, "Running is impossible or harmful until the fracture heals.")
        .Avoid(Prolotherapy, "No role in a stress fracture.")
        .Avoid(Rice, "Off-load and image first; RICE is not the plan.")
        .Treat(GradualLoad)
        .Running(RunningRestriction.StopRunning, "No running until imaging; then relative rest for 8-12 weeks with a graded return guided by pain."));
}
