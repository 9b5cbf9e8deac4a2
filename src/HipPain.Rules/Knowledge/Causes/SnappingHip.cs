using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class SnappingHip
{
    public const string Id = "snapping-hip";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Snapping hip (coxa saltans)", c => c
        .Describe("An audible or palpable snap as a tendon flicks over bone: the iliotibial band over the greater trochanter (external, felt on the outer hip) or the iliopsoas tendon over the pelvic brim (internal, felt in the groin). Often painless; a cause of pain only when the snap hurts.")
        .Codes(null, null)
        .Prior(0.03, Sources.Estimate("Snapping occurs incidentally in about 5-10% of people and is often painless (snapping-hip review, facts §1.2, V-sec). As the cause of a runner's hip pain it is less common; estimated at 3%."))
        .Composite(
            "snapping-hip/snap",
            Criterion.AnyOf(Snapping, LateralSnap),
            5.0,
            0.1,
            Sources.SnappingHipReview("The snap defines the condition, so its absence nearly excludes it; no accuracy study exists, so a documented estimate (LR+ 5, LR- 0.1)."),
            "A snap over the outer hip or in the groin")
        .Composite(
            "snapping-hip/location",
            Criterion.AnyOf(Groin, LateralHip),
            3.0,
            0.3,
            Sources.LocationMatrix("Typical region (●) by the location convention, LR+ 3, LR- 0.3. The matrix row marks the groin for internal snapping; external snapping is felt over the greater trochanter (snapping-hip review), so the typical region is 'groin or outer hip', weighed once."),
            "Pain in the groin or over the outer hip")
        .Derived(Dancer, 0.25, Comparison.Dancer, Sources.Winston2007("91% of elite ballet dancers reported snapping, painful in 58% (A2-61); dancers are assumed to be a quarter of people whose hip pain is a snapping hip."))
        .Finding(Clicking, 1.5, 1.0, Sources.SnappingHipReview("An audible click or snap is commonly reported (iliopsoas tendinitis, A4-32); patients often call the snap a click; modest estimate."))
        .Finding(Ober, 1.5, 1.0, Sources.Estimate("A tight iliotibial band accompanies external snapping; the Ober test has no accuracy study (facts T59, NOT FOUND); modest estimate."))
        .Finding(Thomas, 1.5, 1.0, Sources.Estimate("A tight iliopsoas accompanies internal snapping; the Thomas test has no accuracy study (facts T60, NOT FOUND); modest estimate."))
        // The click rule's own note says patients often call the snap a click: one observation, counted once (facts addendum 58, C4).
        .Group($"{Id}/snap-or-click", "The snap, as the patient words it: a snap or a click, counted once", g => g
            .Member($"{Id}/snap")
            .Member($"{Id}/{Clicking}"))
        .Treat(ExamineGroin, note: "Reproduce the snap: extend the flexed, abducted hip (internal) or flex and rotate it in side lying (external).")
        .Treat(RelativeRest, note: "Avoid the movement that snaps while it hurts.")
        .Treat(HipFlexorProgramme, note: "Conservative care first (Johnston 1999: 7 of 9 improved).")
        .Treat(HipFlexorStretch)
        .Treat(AbductorStrengthening, note: "For external snapping with a tight iliotibial band.")
        .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
        .Treat(Corticosteroid, TreatmentLine.SecondLine, "Ultrasound-guided iliopsoas bursa or trochanteric injection when a painful snap persists.", evidence: TreatmentEvidenceByCause.IliopsoasInjection)
        .Treat(IliopsoasRelease, TreatmentLine.SecondLine, "Only when painful snapping resists conservative care.")
        .Avoid(Prolotherapy, "No evidence; the clinic page's 'permanent fix' claim is unsupported.")
        .Treat(WarmUp)
        .Running(RunningRestriction.ContinueAsTolerated, "A painless snap needs no change. If it hurts, keep running at a level that does not provoke pain while the hip programme takes effect."));
}
