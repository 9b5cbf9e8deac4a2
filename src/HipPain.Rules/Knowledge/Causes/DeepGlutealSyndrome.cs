using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class DeepGlutealSyndrome
{
    public const string Id = "deep-gluteal-syndrome";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Piriformis or deep gluteal syndrome", c =>
    {
        c.Describe("Buttock pain, often with sciatica-like pain down the back of the thigh, from entrapment of the sciatic nerve in the deep gluteal space (piriformis among other structures); worse sitting. A diagnosis made after the lumbar spine and sacroiliac joint are excluded.")
         .Codes("G57.0", null)
         .Prior(0.04, Sources.Estimate("No prevalence figure for runners; buttock pain has several commoner causes (proximal hamstring, lumbar, sacroiliac). Estimated at 4%."))
         .Typical(Buttock)
         .Typical(PosteriorThigh)
         .PainMap(Id, Buttock, PosteriorThigh)
         .Finding(Sitting, 2.0, 0.6, Sources.Hopayian2010("Pain aggravated by sitting is among the commonest features; no accuracy figure, estimate."))
         .Finding(SciaticNotchTenderness, 2.5, 0.4, Sources.Hopayian2010("External tenderness near the greater sciatic notch is among the commonest features; no accuracy figure, estimate."))
         .Finding(Paraesthesia, 2.0, 0.7, Sources.Hopayian2010("Paraesthesia was one of the two findings statistically related to an endoscopically confirmed sciatic entrapment (Park 2016, A4-38); no ratio, modest estimate.").AsEstimate())
         .Derived(BurningPain, 0.4, Comparison.BurningPain, Sources.Hopayian2010("Sciatic nerve entrapment gives neuropathic, sciatica-like pain (facts §1.12; Park 2016, A4-38); burning or shooting pain is assumed in 40%."))
         .Derived(DurationOverThreeMonths, 1.0, 0.564, CapTier.C, Sources.Martin2011("Symptoms for 1 to 23 years (mean 3.7) in all 35 patients before endoscopic decompression (A4-37; addendum 12, ON12-6), so 35 of 35 had pain for over 3 months; a surgical series and a 100% share, so tier C. Compared with the prior-weighted share in the other 17 causes (0.564: the assumed 0.8 of iliopsoas, labral tear, hamstring, adductor pain and hip OA, 0.05 of muscle strain and septic arthritis, malignancy at 1, the rest at the 0.5 comparison; addendum 12, rule O3)."))
         .Derived(FallOrTrauma, 0.25, 0.114, Sources.Park2016("Major trauma in 15 of 60 consecutive patients treated by endoscopic decompression (A4-38; addendum 15, HX15-2). Compared with the prior-weighted share in the other 17 causes (0.114: SIJ pain's 0.39 (Chou 2004), labral tear's 0.09 (Burnett 2006), osteonecrosis's 0.157 (CONFHD), the rest at an estimated 0.10; addendum 15, rule H3)."))
         .Finding(GlutealPiriformisProblem, 1.5, 1.0, Sources.Estimate("The clinic page's history question about gluteal or piriformis problems; modest estimate."));

        var (pPos, pNeg, pNote) = Sources.Cap(4.55, 0.11, CapTier.C);
        c.Composite(
            "deep-gluteal-syndrome/piriformis-tests",
            Criterion.AnyOf(ActivePiriformis, SeatedPiriformisStretch),
            pPos,
            pNeg,
            Sources.Martin2014Combined("T46: active piriformis and seated piriformis stretch combined, Sn 0.91, Sp 0.80 (case-control, 23 endoscopic entrapments vs 10 controls). " + pNote),
            "Active piriformis or seated piriformis stretch test positive");

        c.Finding(PiriformisTension, 2.0, 1.0, Sources.PiriformisTension("Base 0.22.0 (facts addendum 50): pain on a manoeuvre that tensions the piriformis is one of the syndrome's four commonest features (Hopayian 2010 and 2018), so the middle of the ordinary estimate band (LR+ 2); below the capped figure of Martin's two standardised tests because the manoeuvres are not standardised and, among patients with sciatica, Freiberg's test discriminated while the Pace sign and FADIR did not (Yürük 2024). Absent, it says nothing (LR- 1): negative results are under-reported, and one negative manoeuvre does not exclude the syndrome. No accuracy figure exists. Counted once with Martin's tests, which provoke the same muscle."));

        var (sPos, sNeg, sNote) = Sources.Cap(3.20, 0.90, CapTier.C);
        c.Finding(StraightLegRaise, sPos, sNeg, Sources.Martin2014("T43: straight leg raise, Sn 0.15, Sp 0.95, same case-control study. " + sNote))
         .Sex(Sex.Female, 1.3, 0.8, Sources.Martin2014("25 of 33 in the endoscopic series were women (mean age 43); the series gives no ratio, so a modest estimate.").AsEstimate())
         .Treat(ExamineButtock, note: "Exclude the lumbar spine and sacroiliac joint first.")
         .Treat(PiriformisStretching)
         .Treat(AvoidAggravating, note: "Break up long sitting.")
         .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
         .Treat(Corticosteroid, TreatmentLine.SecondLine, "Image-guided steroid (or botulinum) injection when conservative care fails (low-quality evidence).", evidence: TreatmentEvidenceByCause.DeepGlutealInjection)
         .Treat(Mri, TreatmentLine.SecondLine, "When symptoms persist or neurology appears.")
         .Avoid(Prolotherapy, "No evidence for deep gluteal syndrome.")
         .Treat(Posture)
         .Group("deep-gluteal-syndrome/martin-2014", "Piriformis provocation tests and straight leg raise (Martin 2014 and other named manoeuvres)", g => g
            .Member($"{Id}/piriformis-tests")
            .Member($"{Id}/{PiriformisTension}")
            .Member($"{Id}/{StraightLegRaise}"))
         .Group("deep-gluteal-syndrome/neuropathic", "Neuropathic symptoms", g => g
            .Member($"{Id}/{Paraesthesia}")
            .Member($"{Id}/{BurningPain}"))
         .Running(RunningRestriction.ReduceLoad, "Keep running that does not provoke buttock or leg pain; shorten runs and avoid hills until it settles.");
    });
}
