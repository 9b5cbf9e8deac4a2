using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class HipOsteoarthritis
{
    public const string Id = "hip-oa";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Hip osteoarthritis", c => c
        .Describe("Degeneration of the hip joint's cartilage: activity-related groin or anterior thigh pain, short morning stiffness and restricted internal rotation, mostly after 45-50.")
        .Codes("M16", "239872002")
        .Prior(0.06, Sources.Estimate("Hip or knee OA in 3.5% of recreational runners (Alentorn-Geli 2017) and 10-25% of people over 55; the age modifier carries most of the age effect, so estimated at 6%."))
        .Finding(Groin, 3.63, 1.0, Sources.Reiman2021("H6: groin pain on the same side, LR+ 3.63; no LR- published."))
        .Finding(AnteriorThigh, 2.51, 1.0, Sources.Reiman2021("H3: groin or anterior thigh pain, LR+ 2.51-3.86; the lower bound is used because groin pain is weighed separately."))
        .Finding(FamilyArthritis, 2.13, 1.0, Sources.Reiman2021("H1: family history of OA, LR+ 2.13."))
        .Finding(KneeOsteoarthritis, 2.06, 1.0, Sources.Reiman2021("H2: history of knee OA, LR+ 2.06."))
        .Finding(RangeRestricted, 1.87, 0.26, Sources.Birrell2001("T30: restriction in any single plane (internal rotation most predictive), Sn 0.86, Sp 0.54, primary care aged 40 and over."))
        .Age(50, null, 2.5, 0.4, Sources.Estimate("Hip OA affects 10-25% of people over 55 and is uncommon before 45 (facts §1.5; NICE NG226 uses age 45 and over); estimated age effect."))
        .Treat(OsteoarthritisExercise, note: "Core treatment for everyone with OA (NICE NG226).")
        .Treat(WalkingAid, TreatmentLine.SecondLine)
        .Treat(Nsaid, TreatmentLine.SecondLine, "Oral NSAID with a proton-pump inhibitor, lowest dose, shortest time (NICE NG226).")
        .Treat(Corticosteroid, TreatmentLine.SecondLine, "Intra-articular, ultrasound-guided (ACR 2019).")
        .Treat(Radiographs, TreatmentLine.SecondLine, "Diagnose clinically; image only for atypical features (NICE NG226).")
        .Avoid(Opioid, "NICE NG226: do not offer strong opioids; weak opioids not routinely.")
        .Treat(StrengthRoutine)
        .Running(RunningRestriction.ReduceLoad, "Running need not stop: recreational runners have less hip and knee OA than sedentary people (Alentorn-Geli 2017). Keep to a volume the hip tolerates; softer surfaces and cross-training help."));
}
