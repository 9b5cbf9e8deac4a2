using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class FemoroacetabularImpingement
{
    public const string Id = "fai-syndrome";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Femoroacetabular impingement (FAI) syndrome", c =>
    {
        c.Describe("Motion- or position-related groin pain from abnormal contact between a cam or pincer shaped femoral head-neck and the acetabulum. The Warwick Agreement requires symptoms, clinical signs and imaging together; the engine can only suggest it from symptoms and signs.")
         .Codes(null, "432473000")
         .Prior(0.08, Sources.Estimate("Hip-joint pathology (FAI, labral, OA) was the commonest cause in 894 active patients with groin pain (Rankin 2015, V-sec) and hip-related groin pain 47% of tertiary referrals (facts §5). Among runners with hip pain of any site, estimated at 8%, like labral tear, with which it overlaps."))
         .Typical(Groin)
         .Possible(LateralHip)
         .Possible(Buttock);

        var (fPos, fNeg, fNote) = Sources.Cap(1.8, 0.27, CapTier.A);
        c.Finding(Fadir, fPos, fNeg, Sources.Zurich2020("T15: FADIR in 9 cohorts (n=693), LR+ 1.00-3.30, LR- 0.09-0.83; the geometric middle of each range is used (LR+ 1.8, LR- 0.27). " + fNote));

        var (rPos, rNeg, rNote) = Sources.Cap(4.83, 0.76, CapTier.B);
        c.Finding(RangeRestricted, rPos, rNeg, Sources.Zurich2020("T19: restricted internal rotation in neutral, 1 cohort (n=63). " + rNote));

        c.Finding(Faber, 0.83, 1.17, Sources.Zurich2020("T17: FABER pain in 2 cohorts (n=138), LR+ 0.79-0.87, LR- 1.14-1.21; the middle of each range is used. A painful FABER slightly lowers the probability of FAI syndrome."))
         .Finding(Clicking, 1.5, 1.0, Sources.Warwick2016("Clicking, catching or locking is a listed symptom of FAI syndrome (Warwick); no accuracy figure, so a modest estimate.").AsEstimate())
         .Finding(ActivityRelated, 1.3, 0.7, Sources.Warwick2016("Motion- or position-related pain is the defining symptom (Warwick); no accuracy figure, so a modest estimate.").AsEstimate())
         .Age(16, 45, 1.3, 0.6, Sources.Estimate("FAI syndrome presents in young active adults; after 45-50 degenerative disease (NICE NG226 age 45) takes over. Modest estimate."))
         .Treat(ExamineGroin, note: "Exclude serious pathology (stress fracture, infection, tumour) and the lumbar spine first (Zurich 2018).")
         .Treat(Radiographs, note: "AP pelvis and lateral femoral head-neck views first; Warwick requires imaging to confirm the syndrome.")
         .Treat(HipTherapy, note: "Physiotherapist-led personalised hip therapy first (Warwick; FASHIoN; FAIT).")
         .Treat(QuadrupedSeries)
         .Treat(AbductorStrengthening)
         .Treat(Nsaid, TreatmentLine.SecondLine)
         .Treat(Mri, TreatmentLine.SecondLine, "Advanced imaging only if it would change management.")
         .Treat(Arthroscopy, TreatmentLine.SecondLine, "For selected patients whose symptoms persist after physiotherapy.")
         .Avoid(Prolotherapy, "No evidence for FAI syndrome.")
         .Treat(StrengthRoutine)
         .Running(RunningRestriction.ReduceLoad, "Keep running that does not provoke groin pain; avoid deep hip flexion, hills and long strides while symptoms settle.");
    });
}
