using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class LabralTear
{
    public const string Id = "labral-tear";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Acetabular labral tear", c =>
    {
        c.Describe("A tear of the cartilage rim of the hip socket: aching groin pain with clicking or catching. Tears are common in people without pain, so imaging alone does not make the diagnosis.")
         .Codes(null, "202336002")
         .Prior(0.08, Sources.Estimate("22% of 18 athletes with groin pain had a tear on MR arthrography (Narvani 2003); 20% of symptomatic athletes' hips (Heerey 2019); groin pain is one presentation among several, so estimated at 8%."))
         .Typical(Groin)
         .Located(LateralHip, 0.59, 0.361, 1.64, 0.64, CapTier.C, "LO11-4", Sources.HipPainMaps("Lateral hip (trochanteric) pain in 59% of the 66; a secondary page, tier C."))
         .Located(Buttock, 0.38, 0.356, 1.07, 0.96, CapTier.C, "LO11-5", Sources.HipPainMaps("Buttock pain in 38% of the 66; a secondary page, tier C."))
         .Possible(AnteriorThigh)
         .Possible(Knee)
         .PainMap(Id, Groin, LateralHip, Buttock, AnteriorThigh, Knee);

        var (clickPos, clickNeg, clickNote) = Sources.Cap(6.67, 0.0001, CapTier.C);
        c.Finding(Clicking, clickPos, clickNeg, Sources.Narvani2003("T21: Sn 1.00, Sp 0.85 in 18 athletes (LR- about 0). " + clickNote));

        var (fPos, fNeg, fNote) = Sources.Cap(1.06, 0.15, CapTier.A);
        c.Finding(Fadir, fPos, fNeg, Sources.Reiman2013("T11: FADIR against arthroscopy, meta-analysis of 2 studies, n=157; a screening test only. " + fNote))
         .Derived(NightPain, 0.71, 0.4, Sources.Burnett2006("Night pain in 71% of 66 confirmed tears (A4-21); night pain is common in other hip pain too (75-81% in OA, A3-61), estimated at 40% overall."))
         .Derived(Limp, 0.39, Comparison.Limp, Sources.Burnett2006("A limp in 39% of 66 confirmed tears (A4-21)."))
         .Derived(ActivityRelated, 0.91, 0.7, Sources.Burnett2006("Activity-related pain in 91% (A4-21); most hip pain in runners is activity-related, estimated at 70%."))
         .Derived(AcuteOnset, 0.39, 0.299, Sources.Burnett2006("Onset after a low-energy injury in 30% and major trauma in 9% of 66 confirmed tears (A4-20; addendum 12, ON12-2). Compared with the prior-weighted share in the other 17 causes (0.299: muscle strain's assumed 0.9, femoral-neck stress fracture's 0.15, osteonecrosis's 0.55, the rest at the 0.25 comparison; addendum 12, rule O3)."))
         .Derived(GradualOnset, 0.61, 0.618, Sources.Burnett2006("Insidious onset in 40 of 66 confirmed tears (A4-20; addendum 12, ON12-1). Compared with the prior-weighted share in the other 17 causes (0.618: the bone-stress causes' assumed 0.85, muscle strain's 0.05, FAI's 0.65 (Clohisy 2009), the rest at the 0.65 comparison; addendum 12, rule O3): the same as elsewhere, so it weighs almost nothing."))
         .Derived(FallOrTrauma, 0.09, 0.121, Sources.Burnett2006("Major trauma began the pain in 6 of 66 confirmed tears; 20 began with a low-energy twist or slip, which is not a fall or blow (A4-20; addendum 15, HX15-3). Compared with the prior-weighted share in the other 17 causes (0.121: SIJ pain's 0.39 (Chou 2004), deep gluteal syndrome's 0.25 (Park 2016), osteonecrosis's 0.157 (CONFHD), the rest at an estimated 0.10; addendum 15, rule H3): a fall or blow argues slightly against a tear."))
         .Derived(SharpPain, 0.7, 0.4, Sources.Burnett2006("A dull ache with intermittent sharp episodes in 70% (A4-22); sharp pain estimated at 40% in other hip pain."))
         .Derived(DurationOverThreeMonths, 0.8, Comparison.LongDuration, Sources.Burnett2006("A mean of 21 months from onset to diagnosis and 3.3 providers seen (A4-21); 80% is assumed to have had pain for over 3 months."))
         .Derived(RisingFromSitting, 0.4, Comparison.RisingFromSitting, Sources.Burnett2006("Walking, pivoting and impact aggravate (A4-22) and position-related pain is shared with FAI (Warwick); the frequency of pain on rising is not published, so 40% is assumed."))
         .Derived(GivingWay, 0.2, 0.1, Sources.Warwick2016("Giving way is a listed symptom of FAI syndrome and labral injury (Warwick); 20% is assumed, against an estimated 10% of other hip pain."))
         .Sex(Sex.Female, 1.42, 0.58, Sources.Burnett2006("71% of 66 confirmed tears were in women (A4-20): with equal numbers of women and men, LR 1.42 for female and 0.58 for male (computed). Addendum 8 (rule R2) re-derives it against 54% women among runners seen for an injury (1.31 / 0.63), as GTPS and FAI are since base 0.14.0, but facts addendum 34's screen did not keep that cell: alone it cost the development half and the third batch a top-1 case each, so the assumed 50% stays here.").AsEstimate())
         .Group("labral-tear/onset", "How the pain began (gradual, acute or after major trauma: answers to one question)", g => g
            .Member($"{Id}/{AcuteOnset}")
            .Member($"{Id}/{GradualOnset}")
            .Member($"{Id}/{FallOrTrauma}"))
         .Finding(HipProsthesis, Sources.MinimumEstimatedPositive, 1.0, Sources.ReplacedHip("The labrum is part of the native socket, which a total replacement lines with a shell (PA55-4); no review of the painful replacement lists a labral tear (PA55-1 to PA55-3). Facts addendum 55, rule R1: held at 0.25, the estimate bound (docs/knowledge-base.md, rule 4), rather than lower, because a hemiarthroplasty keeps the socket and a statement's side can be wrong. Absent says nothing."))
         .Treat(ExamineGroin)
         .Treat(HipTherapy, note: "Physiotherapist-led care first (Warwick 2016; Zurich 2018).")
         .Treat(Radiographs, note: "AP pelvis and lateral views first (Zurich 2018).")
         .Treat(Mri, TreatmentLine.SecondLine, "Tears are common without symptoms; image only if it changes management.")
         .Treat(QuadrupedSeries)
         .Treat(Nsaid, TreatmentLine.SecondLine, "The clinic page names labral tears among the pains NSAIDs relieve; symptomatic only.", evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
         .Treat(Arthroscopy, TreatmentLine.SecondLine, "Only when symptoms, signs and imaging agree and physiotherapy has failed.")
         .Avoid(Prolotherapy, "No evidence for labral tears.")
         .Treat(StrengthRoutine)
         .Running(RunningRestriction.ReduceLoad, "Keep running that does not provoke groin pain; avoid deep hip flexion and twisting drills.");
    });
}
