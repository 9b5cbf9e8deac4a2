using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>The built-in vocabulary of findings. Codes are stable: <c>loc.</c> locations, <c>tim.</c> timing and aggravating factors, <c>sym.</c> symptoms, <c>hx.</c> history, <c>rf.</c> risk factors, <c>exam.</c> examination.</summary>
internal static class Findings
{
    // Pain locations (the clinic page's "outer hip, groin, thigh, buttock, knee").
    public const string LateralHip = "loc.lateral-hip";
    public const string Groin = "loc.groin";
    public const string AnteriorThigh = "loc.anterior-thigh";
    public const string Buttock = "loc.buttock";
    public const string PosteriorThigh = "loc.posterior-thigh";
    public const string LateralThighToKnee = "loc.lateral-thigh-knee";
    public const string Knee = "loc.knee";
    public const string LowerBack = "loc.lower-back";

    // Timing, aggravating and relieving factors.
    public const string NightPain = "tim.night-pain";
    public const string LyingOnSide = "tim.lying-on-side";
    public const string WeightBearingPain = "tim.weight-bearing-pain";
    public const string SetDistanceOnset = "tim.set-distance-onset";
    public const string Downhill = "tim.downhill";
    public const string Sitting = "tim.sitting";
    public const string Stairs = "tim.stairs";
    public const string BetterWithRest = "tim.better-with-rest";
    public const string BetterWithMovement = "tim.better-with-movement";
    public const string SuddenOnset = "tim.sudden-onset";

    // Symptoms.
    public const string Clicking = "sym.clicking";
    public const string Snapping = "sym.snapping";
    public const string Fever = "sym.fever";
    public const string Swelling = "sym.swelling";
    public const string WeightLoss = "sym.weight-loss";

    // History and risk factors.
    public const string RecentInjury = "hx.recent-sports-injury";
    public const string FamilyArthritis = "hx.family-arthritis";
    public const string KneeOsteoarthritis = "hx.knee-oa";
    public const string TrainingIncrease = "hx.training-increase";
    public const string CancerHistory = "hx.cancer";
    public const string FallOrTrauma = "hx.fall-or-trauma";
    public const string PriorStressFracture = "rf.prior-stress-fracture";
    public const string LowEnergyAvailability = "rf.low-energy-availability";
    public const string HipProsthesis = "rf.hip-prosthesis";
    public const string RecentJointSurgery = "rf.recent-joint-surgery";

    // Examination.
    public const string CannotBearWeight = "exam.cannot-bear-weight";
    public const string HotSwollenJoint = "exam.hot-swollen-joint";
    public const string TrochanterTenderness = "exam.gt-tenderness";
    public const string ResistedAbductionPain = "exam.resisted-abduction-pain";
    public const string SingleLegStance = "exam.single-leg-stance";
    public const string Trendelenburg = "exam.trendelenburg";
    public const string Fadir = "exam.fadir";
    public const string RangeRestricted = "exam.rom-restricted";
    public const string InternalRotationPain = "exam.ir-pain";
    public const string HopTest = "exam.hop-test";
    public const string NobleTest = "exam.noble";
    public const string ResistedFlexionPain = "exam.resisted-flexion-pain";
    public const string IliopsoasTenderness = "exam.iliopsoas-tenderness";
    public const string ModifiedBentKneeStretch = "exam.modified-bent-knee-stretch";
    public const string PuranenOrava = "exam.puranen-orava";
    public const string AdductorTenderness = "exam.adductor-tenderness";
    public const string ResistedAdductionPain = "exam.resisted-adduction-pain";

    public static void Define(KnowledgeBaseBuilder kb)
    {
        kb.AddFinding(LateralHip, "Pain on the outer side of the hip", FindingKind.PainLocation, BodyRegion.LateralHip, "Is the pain on the outer side of your hip?", "Do you feel the pain on the outer side of your hip?")
          .AddFinding(Groin, "Pain in the groin or front of the hip", FindingKind.PainLocation, BodyRegion.GroinAnteriorHip, "Is the pain in your groin or at the front of your hip?", "Do you feel the pain in your groin or at the front of your hip?")
          .AddFinding(AnteriorThigh, "Pain in the front of the thigh", FindingKind.PainLocation, BodyRegion.AnteriorThigh, "Does the pain spread to the front of your thigh?", "Does the pain spread to the front of your thigh?")
          .AddFinding(Buttock, "Pain in the buttock", FindingKind.PainLocation, BodyRegion.Buttock, "Is the pain in your buttock?", "Do you feel the pain deep in your buttock?")
          .AddFinding(PosteriorThigh, "Pain in the back of the thigh", FindingKind.PainLocation, BodyRegion.PosteriorThigh, "Does the pain spread down the back of your thigh?", "Does the pain spread down the back of your thigh?")
          .AddFinding(LateralThighToKnee, "Pain along the outer thigh to the outer knee", FindingKind.PainLocation, BodyRegion.LateralThighToKnee, "Does the pain run down the outside of your thigh towards the knee?", "Does the pain run down the outside of your thigh towards your knee?")
          .AddFinding(Knee, "Knee pain", FindingKind.PainLocation, BodyRegion.Knee, "Do you also have knee pain?", "Does your knee hurt as well?")
          .AddFinding(LowerBack, "Low back pain", FindingKind.PainLocation, BodyRegion.LowerBack, "Do you also have low back pain?", "Does your lower back hurt as well?")
          .AddFinding(NightPain, "Pain at night", FindingKind.Timing, question: "Does the pain wake you or keep you awake at night?", patientQuestion: "Does the pain wake you up or keep you awake at night?")
          .AddFinding(LyingOnSide, "Pain lying on the affected side", FindingKind.Timing, question: "Does lying on the painful side hurt?", patientQuestion: "Does it hurt to lie on the painful side?")
          .AddFinding(WeightBearingPain, "Pain on weight bearing (walking, standing)", FindingKind.Timing, question: "Does it hurt to stand or walk, not only to run?", patientQuestion: "Does it hurt when you stand or walk, not only when you run?")
          .AddFinding(SetDistanceOnset, "Pain starts after a set running distance", FindingKind.Timing, question: "Does the pain start at about the same distance into each run?", patientQuestion: "Does the pain start at about the same point in every run?")
          .AddFinding(Downhill, "Worse running downhill", FindingKind.Timing, question: "Is it worse running downhill?", patientQuestion: "Is it worse when you run downhill?")
          .AddFinding(Sitting, "Pain with prolonged sitting", FindingKind.Timing, question: "Does sitting for a while hurt?", patientQuestion: "Does it hurt after you have been sitting for a while?")
          .AddFinding(Stairs, "Pain climbing stairs", FindingKind.Timing, question: "Do stairs make it worse?", patientQuestion: "Does climbing stairs make it worse?")
          .AddFinding(BetterWithRest, "Better with rest", FindingKind.Timing, question: "Is your hip pain better when you rest?", patientQuestion: "Does your hip feel better when you rest?")
          .AddFinding(BetterWithMovement, "Better with movement", FindingKind.Timing, question: "Is your hip pain better when you move?", patientQuestion: "Does your hip feel better once you get moving?")
          .AddFinding(SuddenOnset, "Sudden onset during a sprint, kick or change of direction", FindingKind.Timing, question: "Did it start suddenly during a sprint, kick or sharp turn?", patientQuestion: "Did the pain start suddenly, during a sprint, a kick or a sharp turn?")
          .AddFinding(Clicking, "Clicking or catching in the hip", FindingKind.Symptom, question: "Does your hip click or catch when you move?", patientQuestion: "Does your hip click, catch or lock when you move?")
          .AddFinding(Snapping, "Painful snap in the groin when the bent hip straightens", FindingKind.Symptom, question: "Do you feel a painful snap in the groin when you straighten a bent hip?", patientQuestion: "Do you feel a painful snap in your groin when you straighten your leg from a bent position?")
          .AddFinding(Fever, "Fever or feeling systemically unwell", FindingKind.Symptom, question: "Do you have a fever or feel unwell?", patientQuestion: "Do you have a fever, or do you feel generally unwell?")
          .AddFinding(Swelling, "Swelling around the hip", FindingKind.Symptom, question: "Have you noticed swelling around the hip?", patientQuestion: "Have you noticed any swelling around your hip?")
          .AddFinding(WeightLoss, "Unexplained weight loss", FindingKind.Symptom, question: "Have you lost weight without trying?", patientQuestion: "Have you lost weight without trying to?")
          .AddFinding(RecentInjury, "Recent sports injury", FindingKind.History, question: "Have you had a recent sports injury?", patientQuestion: "Have you had a sports injury recently?")
          .AddFinding(FamilyArthritis, "Family history of arthritis", FindingKind.History, question: "Does anyone in your family have arthritis or joint pain?", patientQuestion: "Does anyone in your family have arthritis or joint pain?")
          .AddFinding(KneeOsteoarthritis, "History of knee osteoarthritis", FindingKind.History, question: "Have you been told you have knee arthritis?", patientQuestion: "Has a doctor told you that you have arthritis in your knee?")
          .AddFinding(TrainingIncrease, "Recent increase in training load", FindingKind.History, question: "Have you recently increased your mileage, speed work or races?", patientQuestion: "Have you recently run more, run faster or raced more than usual?")
          .AddFinding(CancerHistory, "History of cancer", FindingKind.History, question: "Have you ever had cancer?", patientQuestion: "Have you ever had cancer?")
          .AddFinding(FallOrTrauma, "Fall or significant trauma", FindingKind.History, question: "Did the pain start after a fall or a blow?", patientQuestion: "Did the pain start after a fall or a blow to the hip?")
          .AddFinding(PriorStressFracture, "Previous stress fracture", FindingKind.RiskFactor, question: "Have you had a stress fracture before?", patientQuestion: "Have you ever had a stress fracture?")
          .AddFinding(LowEnergyAvailability, "Features of low energy availability (REDs / Female Athlete Triad)", FindingKind.RiskFactor, question: "Missed periods, low body weight, restricted eating, or very high training hours?", patientQuestion: "Have you missed periods, lost a lot of weight, restricted your eating, or trained very long hours?")
          .AddFinding(HipProsthesis, "Hip replacement on the painful side", FindingKind.RiskFactor, question: "Do you have a hip replacement on this side?", patientQuestion: "Do you have an artificial hip joint (a hip replacement) on the painful side?")
          .AddFinding(RecentJointSurgery, "Recent joint surgery or injection", FindingKind.RiskFactor, question: "Have you had surgery or an injection in this joint recently?", patientQuestion: "Have you had an operation or an injection in this hip recently?")
          .AddFinding(CannotBearWeight, "Unable to bear weight", FindingKind.Examination, question: "Can the patient take four steps unaided?", patientQuestion: "Are you unable to walk four steps on your own because of the pain?")
          .AddFinding(HotSwollenJoint, "Hot, swollen hip with painful restricted movement", FindingKind.Examination, question: "Is the hip warm and swollen, with pain on any movement?", patientQuestion: "Does your hip feel hot and swollen, and does every movement hurt?")
          .AddFinding(TrochanterTenderness, "Tenderness over the greater trochanter", FindingKind.Examination, question: "Palpate the greater trochanter: does it reproduce the pain?")
          .AddFinding(ResistedAbductionPain, "Pain on resisted hip abduction", FindingKind.Examination, question: "Resisted abduction in side lying: does it reproduce lateral hip pain?")
          .AddFinding(SingleLegStance, "Lateral hip pain within 30 s of single-leg stance", FindingKind.Examination, question: "Stand on the painful leg for 30 s: does lateral hip pain (2/10 or more) appear?")
          .AddFinding(Trendelenburg, "Positive Trendelenburg sign", FindingKind.Examination, question: "Does the pelvis drop on the opposite side in single-leg stance?")
          .AddFinding(Fadir, "Pain on FADIR (flexion, adduction, internal rotation)", FindingKind.Examination, question: "Does flexion-adduction-internal rotation reproduce the groin pain?")
          .AddFinding(RangeRestricted, "Restricted hip range of motion (internal rotation most)", FindingKind.Examination, question: "Is passive hip motion restricted, internal rotation most?")
          .AddFinding(InternalRotationPain, "Pain at end-range internal rotation", FindingKind.Examination, question: "Is end-range internal rotation painful?")
          .AddFinding(HopTest, "Pain on hopping on the affected leg", FindingKind.Examination, question: "Does hopping on the painful leg reproduce groin pain?")
          .AddFinding(NobleTest, "Positive Noble compression test", FindingKind.Examination, question: "Pressure over the lateral femoral condyle at 30 degrees of knee flexion: is it painful?")
          .AddFinding(ResistedFlexionPain, "Pain on resisted hip flexion", FindingKind.Examination, question: "Resisted hip flexion: does it reproduce groin pain?")
          .AddFinding(IliopsoasTenderness, "Iliopsoas tenderness", FindingKind.Examination, question: "Is the iliopsoas tender just below the inguinal ligament?")
          .AddFinding(ModifiedBentKneeStretch, "Positive modified bent-knee stretch test", FindingKind.Examination, question: "Modified bent-knee stretch: does it reproduce pain at the ischial tuberosity?")
          .AddFinding(PuranenOrava, "Positive Puranen-Orava test", FindingKind.Examination, question: "Standing hamstring stretch with the foot on a support: does it reproduce buttock pain?")
          .AddFinding(AdductorTenderness, "Tenderness at the adductor origin", FindingKind.Examination, question: "Is the adductor longus origin tender?")
          .AddFinding(ResistedAdductionPain, "Pain on resisted hip adduction", FindingKind.Examination, question: "Resisted adduction: does it reproduce groin pain?");
    }
}
