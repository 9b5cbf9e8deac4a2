using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>The built-in treatments, workup steps and prevention measures, each with its evidence level.</summary>
internal static class Treatments
{
    public const string RelativeRest = "tx.relative-rest";
    public const string Rice = "tx.rice";
    public const string AvoidAggravating = "tx.avoid-aggravating";
    public const string WalkingAid = "tx.walking-aid";
    public const string LoadEducation = "tx.load-education";
    public const string Nsaid = "tx.nsaid";
    public const string Opioid = "tx.opioid";
    public const string AbductorStrengthening = "tx.abductor-strengthening";
    public const string OsteoarthritisExercise = "tx.oa-exercise";
    public const string HipFlexorProgramme = "tx.hip-flexor-programme";
    public const string TendonLoading = "tx.tendon-loading";
    public const string HipTherapy = "tx.personalised-hip-therapy";
    public const string CriteriaRehab = "tx.criteria-based-rehab";
    public const string Corticosteroid = "tx.corticosteroid-injection";
    public const string Prolotherapy = "tx.prolotherapy";
    public const string Shockwave = "tx.shockwave";
    public const string ProtectedWeightBearing = "tx.protected-weight-bearing";
    public const string RunningLoadModification = "tx.running-load-modification";
    public const string RunThroughPain = "tx.run-through-pain";
    public const string Ice = "tx.ice";
    public const string HipFlexorStretch = "tx.hip-flexor-stretch";
    public const string PelvicTilts = "tx.pelvic-tilts";
    public const string HamstringStretch = "tx.hamstring-stretch";
    public const string LungesMedicineBall = "tx.lunges-medicine-ball";
    public const string QuadrupedSeries = "tx.quadruped-series";
    public const string HeelDrop = "tx.heel-drop";
    public const string AdductorSqueezeExercise = "tx.adductor-squeeze-exercise";
    public const string AdductorTraining = "tx.adductor-active-training";
    public const string PassiveModalities = "tx.passive-modalities";
    public const string StayActive = "tx.stay-active";
    public const string SpinalExercise = "tx.spinal-exercise";
    public const string NeuropathicDrugs = "tx.sciatica-drugs-not-recommended";
    public const string PiriformisStretching = "tx.piriformis-stretching";
    public const string Arthroscopy = "tx.hip-arthroscopy";
    public const string IliopsoasRelease = "tx.iliopsoas-release";
    public const string RemoveRiskExposure = "tx.remove-osteonecrosis-risk";
    public const string JointPreservingSurgery = "tx.joint-preserving-surgery";

    public const string ExamineLateralHip = "wu.exam-lateral-hip";
    public const string ExamineGroin = "wu.exam-groin";
    public const string Radiographs = "wu.radiographs";
    public const string UrgentMri = "wu.urgent-mri";
    public const string Mri = "wu.mri";
    public const string Ultrasound = "wu.ultrasound";
    public const string Aspiration = "wu.aspiration-bloods";
    public const string EmergencyReferral = "ref.emergency";
    public const string UrgentOrthopaedics = "ref.urgent-orthopaedics";
    public const string ExamineButtock = "wu.exam-buttock";
    public const string SpecialistSpinalImaging = "wu.spinal-mri-specialist";
    public const string CancerPathway = "ref.suspected-cancer";
    public const string SpinalEmergency = "ref.spinal-emergency";

    public const string WarmUp = "pv.warm-up";
    public const string Footwear = "pv.footwear";
    public const string GradualLoad = "pv.gradual-load";
    public const string StrengthRoutine = "pv.strength-routine";
    public const string BoneHealthNutrition = "pv.bone-health-nutrition";
    public const string Posture = "pv.posture";
    public const string AdductorSqueezePrevention = "pv.adductor-squeeze";

    private static readonly Evidence ClinicPage = new(
        "Clinic patient page 'Hip Pain Running' (the product's seed text); no trial cited",
        EvidenceLevel.ExpertOpinion,
        VerificationStatus.Estimated);

    private static readonly Evidence SeedExercise = new(
        "Clinic patient page 'Hip Pain Running' (seed): exercise named by the page; no trial of this exercise alone for these conditions",
        EvidenceLevel.ExpertOpinion,
        VerificationStatus.Estimated,
        "Kept as a component of physiotherapy; its effect alone is unmeasured.");

    public static void Define(KnowledgeBaseBuilder kb)
    {
        kb.AddTreatment(RelativeRest, "Relative rest from aggravating activity", TreatmentKind.SelfCare, Sources.Estimate("Standard first step for overuse injuries; no trial isolates it."))
          .AddTreatment(Rice, "RICE: rest, ice (about 10 minutes a few times a day), compression, elevation", TreatmentKind.SelfCare, new Evidence("Clinic patient page (seed); symptomatic relief only", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, "No trial evidence that RICE changes the course of these conditions; offered for comfort."))
          .AddTreatment(AvoidAggravating, "Avoid aggravating activities such as stairs", TreatmentKind.SelfCare, ClinicPage)
          .AddTreatment(WalkingAid, "Walking aid (cane or walker) to off-load the hip", TreatmentKind.SelfCare, new Evidence("Kolasinski SL et al. 2019 ACR/Arthritis Foundation OA guideline. Arthritis Care Res 2020;72:149 (cane: strong recommendation)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary))
          .AddTreatment(LoadEducation, "Education on load management (avoid hip adduction and lying on the painful side)", TreatmentKind.SelfCare, Sources.Mellor2018("Education plus exercise: 77% global success at 8 weeks vs 58% corticosteroid injection vs 29% wait and see."))
          .AddTreatment(Nsaid, "NSAIDs at the lowest dose for the shortest time (with gastroprotection where indicated)", TreatmentKind.Medication, Sources.Nice226("Oral NSAID for OA at lowest dose, shortest time; symptomatic relief for soft-tissue pain."))
          .AddTreatment(Opioid, "Opioid analgesia, only for fracture or infection while definitive care is arranged", TreatmentKind.Medication, new Evidence("Clinic patient page (seed); NICE NG226 advises against opioids for OA", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary))
          .AddTreatment(AbductorStrengthening, "Progressive hip abductor strengthening", TreatmentKind.Physiotherapy, new Evidence("Mellor R et al. BMJ 2018;361:k1662; Fredericson M et al. 2000 (ITBS case series, 22/24 pain-free)", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary))
          .AddTreatment(OsteoarthritisExercise, "Therapeutic exercise, weight management and self-management education", TreatmentKind.Physiotherapy, Sources.Nice226("Core treatment for every person with OA."))
          .AddTreatment(HipFlexorProgramme, "Physiotherapy: hip flexor stretch, pelvic tilts, hip-rotation and flexor strengthening", TreatmentKind.Physiotherapy, new Evidence("Snapping-hip review; Johnston CA et al. J Orthop Sports Phys Ther 1999;29:218 (7/9 improved)", EvidenceLevel.CaseSeries, VerificationStatus.VerifiedSecondary))
          .AddTreatment(TendonLoading, "Progressive tendon loading (isometric, then isotonic, then energy storage); avoid early compressive stretching", TreatmentKind.Physiotherapy, new Evidence("Goom T, Malliaras P, Reiman MP, Purdam C. J Orthop Sports Phys Ther 2016", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary))
          .AddTreatment(HipTherapy, "Physiotherapist-led hip programme (personalised hip therapy) with activity modification", TreatmentKind.Physiotherapy, new Evidence("Griffin DR et al. Br J Sports Med 2016;50:1169 (Warwick); Reiman MP et al. Br J Sports Med 2020;54:631 (Zurich)", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary))
          .AddTreatment(CriteriaRehab, "Criteria-based progressive exercise rehabilitation", TreatmentKind.Physiotherapy, Sources.Serner2020("Adductor injuries, MRI grade 0-2: pain-free median 13 days, full training 18 days."))
          .AddTreatment(Corticosteroid, "Corticosteroid injection (short-term relief)", TreatmentKind.Injection, new Evidence("Rompe JD et al. Am J Sports Med 2009;37:1981", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary, "75% success at 1 month for GTPS; inferior to education plus exercise at 8 weeks (Mellor 2018)."))
          .AddTreatment(Prolotherapy, "Prolotherapy (regenerative injection)", TreatmentKind.Injection, new Evidence("No trial in the reference facts supports prolotherapy for these conditions", EvidenceLevel.Insufficient, VerificationStatus.Estimated, "The clinic page calls it a 'permanent fix'; that claim is not supported. Not recommended for any cause by default."))
          .AddTreatment(Shockwave, "Extracorporeal shockwave therapy", TreatmentKind.Physiotherapy, new Evidence("Furia JP et al. Am J Sports Med 2009;37:1806; Cacchio A et al. Am J Sports Med 2011;39:146", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary))
          .AddTreatment(ProtectedWeightBearing, "Stop running; protected or non-weight bearing on crutches until imaging", TreatmentKind.SelfCare, Sources.Robertson2017("Suspected femoral-neck stress fracture: non-weight bearing and urgent MRI."))
          .AddTreatment(RunningLoadModification, "Reduce the aggravating running load (mileage, downhill, cambered roads)", TreatmentKind.SelfCare, new Evidence("BMJ Best Practice, iliotibial band syndrome (topic 587)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary))
          .AddTreatment(RunThroughPain, "Keep running through the pain", TreatmentKind.SelfCare, Sources.Robertson2017("Continued loading risks completion and displacement of a stress fracture."))
          .AddTreatment(Ice, "Ice for about 10 minutes, a few times a day", TreatmentKind.SelfCare, new Evidence("Clinic patient page (seed): 'the quickest way to relieve pain'", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated, "Short-term comfort only; no trial shows it changes the course of these conditions."))
          .AddTreatment(HipFlexorStretch, "Hip flexor stretch (half-kneeling)", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(PelvicTilts, "Pelvic tilts", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(HamstringStretch, "Gentle hamstring stretch", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(LungesMedicineBall, "Lunges with a medicine ball", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(QuadrupedSeries, "Quadruped series (hip extension and abduction on hands and knees)", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(HeelDrop, "Heel drop (single-leg pelvic drop and control)", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(AdductorSqueezeExercise, "Adductor squeeze exercise (ball between bent or straight knees)", TreatmentKind.Physiotherapy, SeedExercise)
          .AddTreatment(AdductorTraining, "Active adductor and core strengthening programme (Hölmich)", TreatmentKind.Physiotherapy, new Evidence("Hölmich P et al. Lancet 1999;353:439 (randomised trial, n=68)", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary, "23 vs 4 returned to sport pain-free with active training vs passive physiotherapy (OR 12.7)."))
          .AddTreatment(PassiveModalities, "Passive modalities alone (therapeutic ultrasound, heat, massage)", TreatmentKind.Physiotherapy, new Evidence("Hölmich P et al. Lancet 1999;353:439 (passive physiotherapy arm)", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary, "The clinic page lists ultrasound and heat; as the only treatment they did worse than active training."))
          .AddTreatment(StayActive, "Advice to stay active and reassurance", TreatmentKind.SelfCare, Sources.Nice59("Self-management advice and staying active."))
          .AddTreatment(SpinalExercise, "Exercise programme with or without manual therapy and a psychological approach", TreatmentKind.Physiotherapy, Sources.Nice59("Group or individual exercise; manual therapy only as part of a package."))
          .AddTreatment(NeuropathicDrugs, "Gabapentinoids, other antiepileptics, oral corticosteroids or benzodiazepines for sciatica", TreatmentKind.Medication, Sources.Nice59("NICE NG59: do not offer these for sciatica."))
          .AddTreatment(PiriformisStretching, "Activity modification with piriformis stretching and hip strengthening physiotherapy", TreatmentKind.Physiotherapy, new Evidence("Hopayian K et al. Eur Spine J 2010;19:2095; treatment summaries (low quality)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary, "No randomised trial located; conservative care by consensus."))
          .AddTreatment(Arthroscopy, "Hip arthroscopy (selected FAI syndrome after failed physiotherapy)", TreatmentKind.Surgery, new Evidence("Griffin DR et al. Lancet 2018;391:2225 (UK FASHIoN, n=348); Palmer AJR et al. BMJ 2019;364:l185 (FAIT, n=222)", EvidenceLevel.RandomisedTrial, VerificationStatus.VerifiedPrimary, "FASHIoN's primary outcome favoured arthroscopy at 12 months; the size of the effect is UNVERIFIED in the facts table and not quoted here."))
          .AddTreatment(IliopsoasRelease, "Arthroscopic iliopsoas tendon release (refractory painful internal snapping)", TreatmentKind.Surgery, Sources.SnappingHipReview("Transient hip flexor weakness for 3-6 months after release."))
          .AddTreatment(RemoveRiskExposure, "Review and reduce corticosteroid and alcohol exposure", TreatmentKind.SelfCare, Sources.Osteonecrosis("Stopping the exposure is the standard advice; no trial of its effect on progression."))
          .AddTreatment(JointPreservingSurgery, "Joint-preserving surgery (core decompression) before collapse; arthroplasty after collapse", TreatmentKind.Surgery, new Evidence("Osteonecrosis reviews (drbayoud; ONFH reviews) via facts §6", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary, "About 80% of untreated hips progress (V-sec)."))
          .AddTreatment(ExamineLateralHip, "Examine: greater trochanter palpation, resisted abduction, 30 s single-leg stance", TreatmentKind.Examination, Sources.Kinsella2024("Palpation then resisted abduction is the best-supported cluster for GTPS."))
          .AddTreatment(ExamineGroin, "Examine: hip range of motion, FADIR, hop test, resisted flexion and adduction, palpation", TreatmentKind.Examination, new Evidence("Weir A et al. Br J Sports Med 2015;49:768 (Doha agreement)", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary))
          .AddTreatment(ExamineButtock, "Examine: lumbar spine and neurology, straight leg raise, sacroiliac provocation tests, piriformis and hamstring tests", TreatmentKind.Examination, Sources.Zurich2020("Exclude competing causes such as the lumbar spine before labelling hip-related pain."))
          .AddTreatment(SpecialistSpinalImaging, "Spinal MRI only in specialist care, when the result would change management", TreatmentKind.Imaging, Sources.Nice59("No routine imaging in non-specialist settings."))
          .AddTreatment(CancerPathway, "Urgent imaging and the suspected-cancer pathway; in children and young people, X-ray and full blood count within 48 hours", TreatmentKind.Referral, Sources.Nice12("Unexplained bone pain in a young person: very urgent blood count and X-ray within 48 hours."))
          .AddTreatment(SpinalEmergency, "Same-day emergency spinal assessment and MRI", TreatmentKind.Referral, Sources.Nice59("Cauda equina features need emergency assessment (facts §1.13, §7)."))
          .AddTreatment(Radiographs, "Hip radiographs (AP pelvis and lateral femoral head-neck)", TreatmentKind.Imaging, new Evidence("Reiman MP et al. Br J Sports Med 2020;54:631 (Zurich consensus)", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary))
          .AddTreatment(UrgentMri, "MRI within days", TreatmentKind.Imaging, Sources.Robertson2017("MRI is the second-line gold standard when radiographs are normal."))
          .AddTreatment(Mri, "MRI or MR arthrography, only if the result would change management", TreatmentKind.Imaging, new Evidence("Heerey JJ et al. Sports Med 2019 (labral tears in 54% of asymptomatic athletes)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary))
          .AddTreatment(Ultrasound, "Ultrasound of the lateral hip", TreatmentKind.Imaging, ClinicPage)
          .AddTreatment(Aspiration, "Joint aspiration (Gram stain, culture) before antibiotics; blood cultures, white cell count, CRP, ESR", TreatmentKind.Laboratory, Sources.Coakley2006("Aspirate before antibiotics."))
          .AddTreatment(EmergencyReferral, "Same-day emergency department or on-call orthopaedic assessment", TreatmentKind.Referral, Sources.Coakley2006("Septic arthritis case fatality 11%."))
          .AddTreatment(UrgentOrthopaedics, "Urgent orthopaedic review", TreatmentKind.Referral, Sources.Robertson2017("Tension-side, complete or displaced fractures need fixation."))
          .AddTreatment(WarmUp, "Warm up before strenuous sessions", TreatmentKind.Prevention, ClinicPage)
          .AddTreatment(Footwear, "Footwear suited to the runner's gait, replaced when worn", TreatmentKind.Prevention, ClinicPage)
          .AddTreatment(GradualLoad, "Increase training load gradually; avoid abrupt jumps in distance", TreatmentKind.Prevention, new Evidence("BMJ Best Practice ITBS; Robertson & Wood 2017 (training errors precede stress fractures)", EvidenceLevel.ExpertOpinion, VerificationStatus.VerifiedSecondary))
          .AddTreatment(StrengthRoutine, "A regular strength routine for bone and muscle (hip abduction, lunges, heel drops)", TreatmentKind.Prevention, ClinicPage)
          .AddTreatment(AdductorSqueezePrevention, "Regular adductor squeeze exercise (hold with bent or straight knees) to keep the groin strong", TreatmentKind.Prevention, ClinicPage)
          .AddTreatment(Posture, "Keep a good posture standing, sitting and walking", TreatmentKind.Prevention, ClinicPage)
          .AddTreatment(BoneHealthNutrition, "Eat enough for the training load; balanced diet for bone health; screen for REDs", TreatmentKind.Prevention, new Evidence("Mountjoy M et al. 2023 IOC consensus on REDs. Br J Sports Med 2023;57:1073", EvidenceLevel.Guideline, VerificationStatus.VerifiedPrimary));
    }
}
