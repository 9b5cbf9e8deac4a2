using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class PubicRamusStressFracture
{
    public const string Id = "pubic-ramus-stress-fracture";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Pelvic stress fracture (pubic ramus or sacrum)", c => c
        .Describe("A bone stress injury of the pelvis in long-distance runners, mostly women: at the inferior pubic ramus near the symphysis, groin, buttock or inner-thigh pain that makes running impossible, pain standing on the affected leg and exquisite ramus tenderness; at the sacrum, low-back or buttock pain brought on by running, often after a training increase and with Triad features.")
        .Codes("M84.3", "430907000")
        .Prior(0.03, Sources.Wright2015("Derived: stress fractures are 15-20% of running injuries (Wright 2015, A2-19, V-abs) and the pelvis is 1.3-5.6% of runners' stress fractures (A2-36, V-sec; pelvic stress fractures 1-2% of all stress fractures, facts §1.7); with the hip, pelvis and thigh at most about 20% of running injuries (A4-56) and 5-6% of adult sports injuries (A4-59), pelvic stress fractures are roughly 1-20% of runners' hip pain; 3% is taken, towards the low end. The red-flag gate, not the prior, guards against missing it.").AsEstimate())
        .SuspectedUrgency(Urgency.Urgent)
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(Buttock)
        .Possible(MedialThigh)
        .Finding(LowerBack, 1.5, 1.0, Sources.SacralStressFracture("Sacral stress fractures in runners present with low-back as well as buttock pain (A3-20, A5-3, A5-4); no frequency published, so the location matrix's possible-region convention, LR+ 1.5."))
        .PainMap(Id, Groin, AnteriorThigh, Buttock, MedialThigh, LowerBack)
        .Composite(
            "pubic-ramus-stress-fracture/noakes",
            Criterion.AtLeast(2, RunningImpossible, StandingSign, PubicRamusTenderness),
            4.0,
            0.3,
            Sources.Noakes1985("Noakes triad: running impossible from groin pain, the standing sign, exquisite ramus tenderness; the triad 'makes the diagnosis with confidence' but has no accuracy figures. At least 2 of 3: a documented estimate (LR+ 4, LR- 0.3)."),
            "Noakes triad: at least 2 of running impossible, standing sign, pubic ramus tenderness")
        .Finding(SacralTenderness, 2.0, 1.0, Sources.SacralStressFracture("Tenderness to palpation of the sacrum is one of the examination findings that characterise a sacral stress fracture (Harris 2016, A3-20, V7-10). No frequency: a modest estimate; a pubic ramus fracture is not tender there, so its absence says nothing.").AsEstimate())
        .Finding(HopTest, 3.0, 1.0, Sources.SacralHopTest("Pain on a single-leg hop is one of the examination findings that characterise a sacral stress fracture (Harris 2016, A3-20), and a hop test identified one in a distance runner with buttock pain and normal radiographs (Kahanov 2011, A5-6). No accuracy study exists for the hop test at any site (facts T39): the femoral-neck estimate's LR+ 3 is taken. No source reports how often the hop hurts in a pubic ramus fracture, so a painless hop says nothing (LR- 1). Counted once with the loading-pain signs.").AsEstimate())
        .Finding(SignOfTheButtock, 2.0, 1.0, Sources.SignOfTheButtock("The index case of the sign of the buttock had a sacral and a pubic fracture after a fall, with normal radiographs (V7-12); the sign marks serious pathology behind the hip, fracture of the sacrum or pelvis among it (V7-13). No accuracy figure: a modest estimate, counted once with the loading-pain signs.").AsEstimate())
        .Finding(WeightBearingPain, 2.0, 0.6, Sources.Noakes1985("Groin discomfort with any activity for about 4 weeks, and pain standing on the leg, in the runner series (A3-9); no frequency published, estimate.").AsEstimate())
        .Derived(Limp, 0.4, Comparison.Limp, Sources.Noakes1985("Pain on standing unsupported and on walking (the standing sign) makes runners limp; the frequency is not published, so 40% is assumed."))
        .Derived(Worsening, 0.8, Comparison.Worsening, Sources.Knobloch2025("Bone stress pain is insidious and progressive, usually after a training change (A3-31); 80% is assumed."))
        .Derived(GradualOnset, 0.85, Comparison.GradualOnset, Sources.Knobloch2025("Insidious onset is the rule for a bone stress injury (A3-31); 85% is assumed."))
        .Finding(TrainingIncrease, 2.0, 0.8, Sources.Robertson2017("Training errors precede bone stress injuries; no accuracy figure, so the same estimate as for the femoral neck.").AsEstimate())
        .Derived(DistanceRunner, 0.7, Comparison.DistanceRunner, Sources.Noakes1985("Long-distance runners, three of the five radiographic cases elite female marathoners (A3-9); marathoners in Pavlov's series (A3-10); 70% is assumed."))
        .Finding(LowEnergyAvailability, 1.5, 1.0, Sources.Barrack2014("Single Triad factor: bone stress injury in 15.3% (BMI < 21) vs 10.8% overall, about 1.5. Energy-availability risk scores predict trabecular-rich sites such as the pelvis more strongly (Roche 2023, A2-20)."))
        .Finding(Osteopenia, 2.0, 1.0, Sources.Barrack2014("Low bone mineral density is one of the accumulated Triad factors (facts §1.18); an odds-ratio-type association, so a conservative estimate of 2.").AsEstimate())
        .Finding(PriorStressFracture, 2.0, 1.0, Sources.Estimate("Prior stress fracture OR 4.99 in endurance athletes (Wright 2015, V-sec); an odds ratio is not a likelihood ratio, so a conservative 2."))
        .Finding(LowVitaminD, 1.5, 1.0, Sources.LowVitaminD("Base 0.23.0 (facts addendum 51): a low vitamin D level is an established risk factor for bone stress injury; about double the risk below 20 ng/mL against 40 ng/mL or more in 600 stress fractures and 600 matched controls (Burgi 2011). An odds ratio of exposure is not a likelihood ratio, so about 1.5, as for low energy availability. Absent, it says nothing (LR- 1): most patients have never had it measured. No share among confirmed fractures exists. Counted once with the other bone-health factors."))
        .Finding(RadiographNormal, 0.7, 1.5, Sources.Wright2016Imaging("Radiographs have sensitivity 12-56% for lower-limb stress fracture (A3-26); 2 of 7 confirmed Noakes cases and Pavlov's cases were missed or easy to miss on first films (A3-9, A3-10). A normal film lowers the odds only a little: 0.7; an abnormal one raises them by an estimated 1.5.").AsEstimate())
        .Sex(Sex.Female, 1.8, 0.25, Sources.Wright2015("Derived: women carried a hazard ratio of 8.2 for pelvic and hip bone stress injury among conscripts (A3-14), pelvic stress fractures affected 11.2% of female and 0.1% of male recruits on one programme (A3-11), and the runner series are mostly women (Noakes 1985; Pavlov 1982, A3-10). With equal numbers of women and men exposed, a ratio of 8 puts about 89% of cases in women: LR 1.8 for female, 0.25 for male (capped at tier C because the ratio is a hazard ratio from recruits).").AsEstimate())
        .Group("pubic-ramus-stress-fracture/loading-pain", "Pain on loading and the Noakes signs", g => g
            .Member($"{Id}/noakes")
            .Member($"{Id}/{WeightBearingPain}")
            .Member($"{Id}/{HopTest}")
            .Member($"{Id}/{Limp}")
            .Member($"{Id}/{SignOfTheButtock}"))
        .Group("pubic-ramus-stress-fracture/course", "Onset and course", g => g
            .Member($"{Id}/{Worsening}")
            .Member($"{Id}/{GradualOnset}"))
        .Group("pubic-ramus-stress-fracture/load-exposure", "Training load", g => g
            .Member($"{Id}/{TrainingIncrease}")
            .Member($"{Id}/{DistanceRunner}"))
        .Group("pubic-ramus-stress-fracture/bone-health", "Bone health (energy availability, bone density, vitamin D, prior bone stress injury)", g => g
            .Member($"{Id}/{LowEnergyAvailability}")
            .Member($"{Id}/{Osteopenia}")
            .Member($"{Id}/{LowVitaminD}")
            .Member($"{Id}/{PriorStressFracture}"))
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
