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
         .Possible(LateralHip)
         .Possible(Buttock);

        var (clickPos, clickNeg, clickNote) = Sources.Cap(6.67, 0.0001, CapTier.C);
        c.Finding(Clicking, clickPos, clickNeg, Sources.Narvani2003("T21: Sn 1.00, Sp 0.85 in 18 athletes (LR- about 0). " + clickNote));

        var (fPos, fNeg, fNote) = Sources.Cap(1.06, 0.15, CapTier.A);
        c.Finding(Fadir, fPos, fNeg, Sources.Reiman2013("T11: FADIR against arthroscopy, meta-analysis of 2 studies, n=157; a screening test only. " + fNote))
         .Treat(ExamineGroin)
         .Treat(HipTherapy, note: "Physiotherapist-led care first (Warwick 2016; Zurich 2018).")
         .Treat(Radiographs, note: "AP pelvis and lateral views first (Zurich 2018).")
         .Treat(Mri, TreatmentLine.SecondLine, "Tears are common without symptoms; image only if it changes management.")
         .Treat(QuadrupedSeries)
         .Treat(Nsaid, TreatmentLine.SecondLine, "The clinic page names labral tears among the pains NSAIDs relieve; symptomatic only.")
         .Treat(Arthroscopy, TreatmentLine.SecondLine, "Only when symptoms, signs and imaging agree and physiotherapy has failed.")
         .Avoid(Prolotherapy, "No evidence for labral tears.")
         .Treat(StrengthRoutine)
         .Running(RunningRestriction.ReduceLoad, "Keep running that does not provoke groin pain; avoid deep hip flexion and twisting drills.");
    });
}
