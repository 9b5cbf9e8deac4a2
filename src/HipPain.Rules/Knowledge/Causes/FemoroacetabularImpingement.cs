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
         .Possible(Buttock)
         .PainMap(Id, Groin, LateralHip, Buttock);

        c.Finding(Fadir, 0.95, 0.48, new Evidence(
            "Zurich 2018 consensus, Reiman MP et al. Br J Sports Med 2020;54:631, Table 1; Reiman MP et al. Br J Sports Med 2013;47:893, Table 8",
            EvidenceLevel.SystematicReview,
            VerificationStatus.Derived,
            "T14: FADIR for FAI syndrome or labral injury in 2 meta-analyses and a cohort (n=556), LR+ 0.86-1.04, whose middle (0.95) is used; LR- from the meta-analysis against MR arthrography (T10, 0.48), the more conservative of the pooled values (0.15-0.48). A screening test: a negative FADIR helps rule out, a positive one adds nothing (Zurich)."));

        c.Derived(RangeRestricted, 0.8, Comparison.RangeRestricted, Sources.Clohisy2009("Internal rotation in flexion averaged 9 degrees and flexion 97 degrees in symptomatic FAI (A4-23), so restriction is assumed in 80%; restricted rotation is common in other hip pain too (75% of people with low back pain, A4-15), estimated at 40%. The Zurich figure for restricted internal rotation in neutral (T19, LR+ 4.83, one cohort of 63) applies to a narrower finding than 'restricted range of motion' and is not used for it."));

        c.Finding(Faber, 0.83, 1.17, new Evidence(
            "Zurich 2018 consensus, Reiman MP et al. Br J Sports Med 2020;54:631, Table 1",
            EvidenceLevel.CohortStudy,
            VerificationStatus.Derived,
            "T17: FABER pain for FAI syndrome in 2 cohorts (n=138), LR+ 0.79-0.87, LR- 1.14-1.21; the middle of each range is used. A painful FABER slightly lowers the probability of FAI syndrome."))
         .Finding(Clicking, 1.5, 1.0, Sources.Warwick2016("Clicking, catching or locking is a listed symptom of FAI syndrome (Warwick); no accuracy figure, so a modest estimate.").AsEstimate())
         .Finding(ActivityRelated, 1.3, 0.7, Sources.Warwick2016("Motion- or position-related pain is the defining symptom (Warwick); no accuracy figure, so a modest estimate.").AsEstimate())
         .Derived(GradualOnset, 0.65, 0.614, Sources.Clohisy2009("Symptom onset was insidious in 65% of 51 patients with symptomatic FAI (A4-23; addendum 12, ON12-3). Compared with the prior-weighted share in the other 17 causes (0.614: the bone-stress causes' assumed 0.85, muscle strain's 0.05, labral tear's 0.61 (Burnett 2006), the rest at the 0.65 comparison; addendum 12, rule O3)."))
         .Derived(RisingFromSitting, 0.5, Comparison.RisingFromSitting, Sources.Warwick2016("Position-related groin pain (Warwick) typically comes with sitting and rising; the frequency is not published, so half of patients is assumed."))
         .Finding(Sitting, 1.3, 0.9, Sources.Warwick2016("Deep hip flexion in sitting provokes position-related pain (Warwick); modest estimate.").AsEstimate())
         .Finding(Stiffness, 1.3, 0.9, Sources.Warwick2016("Stiffness is a listed symptom (Warwick); modest estimate.").AsEstimate())
         .Derived(GivingWay, 0.2, 0.1, Sources.Warwick2016("Giving way is a listed symptom (Warwick); 20% is assumed, against an estimated 10% of other hip pain."))
         .Finding(HipWeakness, 1.2, 0.9, Sources.Warwick2016("Reduced strength is a listed sign (Warwick); modest estimate.").AsEstimate())
         .Derived(KickingSport, 0.4, Comparison.KickingSport, Sources.SportExposure("Cam or pincer morphology in 92.5% of professional footballers against 28% of controls (A4-63), and more FAI in hip-heavy sports (49 of 58 articles, A4-62); morphology is not the syndrome, so 40% of patients are assumed to play such a sport."))
         .Sex(Sex.Female, 0.80, 1.24, Sources.Clohisy2009("43% of 51 patients with symptomatic anterior FAI were women (addendum 8, SS8-4), against 54% women among 2,002 runners seen for an injury at a sports medicine centre (Taunton 2002, SS8-1): LR 0.80 for female, 1.24 for male (addendum 8, rule R1b; applied in base 0.14.0 by facts addendum 34, whose screen kept it).").AsEstimate())
         .Age(10, 39, 1.40, 0.25, Sources.FaiMorphologyCohort("Under a normal distribution 7.7% of these patients are 40 or over (computed), against 34% of 2,886 runners aged 40 or over (McKean 2006, Clin J Sport Med 16:149, addendum 9, AG9-1): LR 0.25 at 40 or over (0.23 raised to the estimate floor) and 1.40 below (addendum 9, rule A1-A3; applied in base 0.14.0 by facts addendum 34, whose screen kept it). Base 0.14.1 (facts addendum 35) closes the band at 10 below: FAI syndrome needs cam or pincer morphology (Warwick 2016) and cam morphology forms from about age 10 (facts A4-64, A4-65), so under 10 the ratio is the same floor, 0.25; no share of runners under 10 exists to derive it from. Replaces the estimate of 1.3 inside 16-45 and 0.6 outside.").AsEstimate())
         .Group("fai-syndrome/position-related-pain", "Motion- and position-related pain (Warwick)", g => g
            .Member($"{Id}/{ActivityRelated}")
            .Member($"{Id}/{RisingFromSitting}")
            .Member($"{Id}/{Sitting}"))
         .Finding(HipProsthesis, Sources.MinimumEstimatedPositive, 1.0, Sources.ReplacedHip("FAI syndrome needs the native head-neck junction and acetabular rim, which a total replacement removes (PA55-4); no review of the painful replacement lists it (PA55-1 to PA55-3). Facts addendum 55, rule R1: held at 0.25, the estimate bound (docs/knowledge-base.md, rule 4), rather than lower, because a partial operation keeps part of the joint and a statement's side can be wrong. Absent says nothing."))
         .Treat(ExamineGroin, note: "Exclude serious pathology (stress fracture, infection, tumour) and the lumbar spine first (Zurich 2018).")
         .Treat(Radiographs, note: "AP pelvis and lateral femoral head-neck views first; Warwick requires imaging to confirm the syndrome.")
         .Treat(HipTherapy, note: "Physiotherapist-led personalised hip therapy first (Warwick; FASHIoN; FAIT).")
         .Treat(QuadrupedSeries)
         .Treat(AbductorStrengthening)
         .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
         .Treat(Mri, TreatmentLine.SecondLine, "Advanced imaging only if it would change management.")
         .Treat(Arthroscopy, TreatmentLine.SecondLine, "For selected patients whose symptoms persist after physiotherapy.")
         .Avoid(Prolotherapy, "No evidence for FAI syndrome.")
         .Treat(StrengthRoutine)
         .Running(RunningRestriction.ReduceLoad, "Keep running that does not provoke groin pain; avoid deep hip flexion, hills and long strides while symptoms settle.");
    });
}
