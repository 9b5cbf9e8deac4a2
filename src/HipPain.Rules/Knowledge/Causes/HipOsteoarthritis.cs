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
        .Finding(AnteriorThigh, 2.51, 1.0, Sources.Reiman2021("H3: groin or anterior thigh pain, LR+ 2.51-3.86; the lower bound is used. Groin and anterior thigh are one history item, so they sit in the pain map and count once."))
        .Finding(FamilyArthritis, 2.13, 1.0, Sources.Reiman2021("H1: family history of OA, LR+ 2.13."))
        .Finding(KneeOsteoarthritis, 2.06, 1.0, Sources.Reiman2021("H2: history of knee OA, LR+ 2.06."))
        .Finding(RangeRestricted, 1.87, 0.26, Sources.Birrell2001("T30: restriction in any single plane (internal rotation most predictive), Sn 0.86, Sp 0.54, primary care aged 40 and over."))
        .Composite(
            "hip-oa/acr-clinical",
            Criterion.AnyOf(
                Criterion.AllOf(Criterion.Present(InternalRotationPain), Criterion.Present(StiffnessUnder60), Criterion.AgeBetween(51, null)),
                Criterion.AllOf(Criterion.Present(InternalRotationBelow15), Criterion.Present(FlexionBelow115))),
            3.44,
            0.19,
            Sources.Altman1991("T25: ACR clinical classification tree, Sn 0.86, Sp 0.75 (201 patients); within the tier A caps. Without an ESR the tree uses hip flexion 115 degrees or less, as here. The first branch's 'internal rotation 15 degrees or more' is left out because a criterion may name a finding only once (HPK010); the approximation counts a few more patients as meeting the criteria. The age item overlaps the age modifier, so age is partly counted twice (documented)."),
            "ACR clinical criteria for hip OA (Altman 1991, without ESR)")
        .Composite(
            "hip-oa/nice-clinical",
            Criterion.AllOf(Criterion.AgeBetween(45, null), Criterion.Present(ActivityRelated), Criterion.Present(StiffnessUnder30)),
            1.5,
            0.7,
            Sources.Nice226Diagnosis("NICE diagnoses OA clinically when age is 45 or over, pain is activity-related and morning stiffness is absent or 30 minutes or less. NICE publishes no accuracy figures and nearly every runner's pain is activity-related, so a modest estimate."),
            "NICE NG226 clinical diagnosis of OA")
        .Derived(Stiffness, 0.6, 0.3, Sources.Nice226Diagnosis("Joint stiffness is part of the NICE and ACR clinical pictures of OA; 60% is assumed to report hip stiffness, against an estimated 30% of other hip pain (FAI lists stiffness too)."))
        .Derived(DullAche, 0.75, 0.5, Sources.Hawker2008("OA pain is a dull ache that becomes more constant over time, with intermittent intense episodes (A4-42); 75% is assumed."))
        .Derived(DurationOverThreeMonths, 0.8, Comparison.LongDuration, Sources.Hawker2008("OA pain builds over years (A4-42); 80% is assumed to have had pain for over 3 months."))
        .Group("hip-oa/classification", "Classification criteria and their items (ACR, NICE, age, range of motion, radiographs)", g => g
            .Graded(
                "hip-oa/acr-radiographic",
                [Criterion.Present(RadiographOsteoarthritis)],
                [null, 9.9],
                Sources.Altman1991("T26: ACR clinical and radiographic classification (hip pain with at least 2 of ESR < 20 mm/h, osteophytes, joint-space narrowing), Sn 0.89, Sp 0.91: LR+ 9.9; radiographic narrowing or osteophytes stand in for the radiographic items. No figure when the radiograph shows neither (see the normal-radiograph rule)."),
                "ACR clinical and radiographic criteria: radiographic OA",
                joint: true)
            .Graded(
                "hip-oa/acr-radiographic-negative",
                [Criterion.Present(RadiographNormal)],
                [null, 0.12],
                Sources.Altman1991("T26: a radiograph without narrowing or osteophytes fails the ACR clinical and radiographic criteria, LR- 0.12 (computed from Sn 0.89, Sp 0.91)."),
                "ACR clinical and radiographic criteria: radiograph normal",
                joint: true)
            .Member($"{Id}/acr-clinical")
            .Member($"{Id}/nice-clinical")
            .Member($"{Id}/age:50-")
            .Member($"{Id}/{RangeRestricted}")
            .Member($"{Id}/{Stiffness}"))
        .Located(LateralHip, 0.77, 0.355, 2.17, 0.36, CapTier.A, "LO11-8", Sources.Poulsen2016("The greater-trochanter area marked by 77% of 108, more often than the groin (53%)."))
        .Located(Buttock, 0.38, 0.357, 1.07, 0.96, CapTier.A, "LO11-11", Sources.Poulsen2016("The buttock marked by 38% of 108 (71% of 51 injection-confirmed hip-joint pain in Lesher 2008, LO11-14, a check)."))
        .Located(LateralThighToKnee, 0.27, 0.215, 1.25, 0.93, CapTier.C, "LO11-19", Sources.Lesher2008Regions("Lateral thigh pain in 27% of 51, assigned to the lateral thigh to knee; a proxy population and a secondary page, tier C. Until 0.13.0 a blank region of the matrix (1/3, 1)."))
        .Located(LowerBack, 0.0, 0.185, 0.25, 1.23, CapTier.C, "LO11-17", Sources.Lesher2008("No lower lumbar pain in 51 patients with injection-confirmed hip-joint pain (0%, A4-1); a 0% share, tier C, and the estimate bounds."))
        .PainMap(Id, Groin, AnteriorThigh, LateralHip, Buttock, LateralThighToKnee, LowerBack)
        .Age(50, null, 2.5, 0.4, Sources.Estimate("Hip OA affects 10-25% of people over 55 and is uncommon before 45 (facts §1.5; NICE NG226 uses age 45 and over); estimated age effect."))
        .Finding(HipProsthesis, Sources.MinimumEstimatedPositive, 1.0, Sources.ReplacedHip("Osteoarthritis is a disease of the joint's cartilage, which a total replacement removes from both the femoral head and the socket (PA55-4); no review of the painful replacement lists it (PA55-1 to PA55-3). Facts addendum 55, rule R1: held at 0.25, the estimate bound (docs/knowledge-base.md, rule 4), rather than lower, because a hemiarthroplasty keeps the socket's cartilage and a statement's side can be wrong. Absent says nothing."))
        .Treat(OsteoarthritisExercise, note: "Core treatment for everyone with OA (NICE NG226).")
        .Treat(WalkingAid, TreatmentLine.SecondLine)
        .Treat(Nsaid, TreatmentLine.SecondLine, "Oral NSAID with a proton-pump inhibitor, lowest dose, shortest time (NICE NG226).")
        .Treat(Corticosteroid, TreatmentLine.SecondLine, "Intra-articular, ultrasound-guided (ACR 2019).", evidence: TreatmentEvidenceByCause.OsteoarthritisInjection)
        .Treat(AvoidAggravating, note: "Stairs and long walks on hard ground while pain flares.")
        .Treat(Radiographs, TreatmentLine.SecondLine, "Diagnose clinically; image only for atypical features (NICE NG226).")
        .Avoid(Opioid, "NICE NG226: do not offer strong opioids; weak opioids not routinely.")
        .Avoid(Prolotherapy, "No evidence for hip OA.")
        .Treat(StrengthRoutine)
        .Running(RunningRestriction.ReduceLoad, "Running need not stop: recreational runners have less hip and knee OA than sedentary people (Alentorn-Geli 2017). Keep to a volume the hip tolerates; softer surfaces and cross-training help."));
}
