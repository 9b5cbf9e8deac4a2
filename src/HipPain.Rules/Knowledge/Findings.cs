using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Knowledge;

/// <summary>The built-in vocabulary of findings. Codes are stable: <c>loc.</c> locations, <c>tim.</c> timing and aggravating factors, <c>sym.</c> symptoms, <c>hx.</c> history, <c>rf.</c> risk factors, <c>exam.</c> examination, <c>inv.</c> investigations.</summary>
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
    public const string MedialThigh = "loc.medial-thigh";

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
    public const string ActivityRelated = "tim.activity-related";
    public const string RunningImpossible = "tim.running-impossible";
    public const string ConstantRestPain = "tim.constant-rest-pain";
    public const string AcuteOnset = "tim.acute-onset";
    public const string GradualOnset = "tim.gradual-onset";
    public const string Worsening = "tim.worsening";
    public const string RisingFromSitting = "tim.rising-from-sitting";

    // Character and intensity of the pain.
    public const string SharpPain = "sym.sharp-pain";
    public const string DullAche = "sym.dull-ache";
    public const string BurningPain = "sym.burning-pain";
    public const string SeverePain = "sym.severe-pain";
    public const string MildPain = "sym.mild-pain";

    // Symptoms.
    public const string Clicking = "sym.clicking";
    public const string Snapping = "sym.snapping";
    public const string Fever = "sym.fever";
    public const string Swelling = "sym.swelling";
    public const string Bruising = "sym.bruising";
    public const string WeightLoss = "sym.weight-loss";
    public const string LateralSnap = "sym.lateral-snap";
    public const string StiffnessUnder60 = "sym.morning-stiffness-60";
    public const string StiffnessUnder30 = "sym.morning-stiffness-30";
    public const string LegPainBelowKnee = "sym.leg-pain-below-knee";
    public const string Paraesthesia = "sym.paraesthesia";
    public const string SaddleAnaesthesia = "sym.saddle-anaesthesia";
    public const string BladderBowel = "sym.bladder-bowel";
    public const string ProgressiveWeakness = "sym.progressive-weakness";
    public const string Limp = "sym.limp";
    public const string GivingWay = "sym.giving-way";
    public const string Stiffness = "sym.stiffness";
    public const string NightSweats = "sym.night-sweats";

    // History and risk factors.
    public const string RecentInjury = "hx.recent-sports-injury";
    public const string FamilyArthritis = "hx.family-arthritis";
    public const string KneeOsteoarthritis = "hx.knee-oa";
    public const string TrainingIncrease = "hx.training-increase";
    public const string CancerHistory = "hx.cancer";
    public const string FallOrTrauma = "hx.fall-or-trauma";
    public const string GlutealPiriformisProblem = "hx.gluteal-piriformis";
    public const string NoImprovement = "hx.no-improvement";
    public const string DurationUnderTwoWeeks = "hx.duration-under-2-weeks";
    public const string DurationOverThreeMonths = "hx.duration-over-3-months";
    public const string DistanceRunner = "hx.distance-runner";
    public const string KickingSport = "hx.kicking-sport";
    public const string Dancer = "hx.dancer";
    public const string PriorStressFracture = "rf.prior-stress-fracture";
    public const string LowEnergyAvailability = "rf.low-energy-availability";
    public const string HipProsthesis = "rf.hip-prosthesis";
    public const string RecentJointSurgery = "rf.recent-joint-surgery";
    public const string SteroidUse = "rf.steroid-use";
    public const string AlcoholExcess = "rf.alcohol-excess";
    public const string Smoking = "rf.smoking";
    public const string OsteonecrosisCondition = "rf.osteonecrosis-condition";
    public const string Osteopenia = "rf.osteopenia";
    public const string LowVitaminD = "rf.low-vitamin-d";
    public const string InfectionRisk = "rf.infection-risk";
    public const string SkinInfectionNearHip = "rf.skin-infection-near-hip";
    public const string PregnancyPostpartum = "rf.pregnancy-postpartum";

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
    public const string AntalgicGait = "exam.antalgic-gait";
    public const string InternalRotationBelow15 = "exam.ir-below-15";
    public const string FlexionBelow115 = "exam.flexion-below-115";
    public const string Faber = "exam.faber";
    public const string Fulcrum = "exam.fulcrum";
    public const string Ober = "exam.ober";
    public const string Thomas = "exam.thomas";
    public const string BentKneeStretch = "exam.bent-knee-stretch";
    public const string StraightLegRaise = "exam.slr";
    public const string CrossedStraightLegRaise = "exam.crossed-slr";
    public const string NeurologicalDeficit = "exam.neuro-deficit";
    public const string SiDistraction = "exam.si-distraction";
    public const string SiThighThrust = "exam.si-thigh-thrust";
    public const string SiCompression = "exam.si-compression";
    public const string SiSacralThrust = "exam.si-sacral-thrust";
    public const string Gaenslen = "exam.gaenslen";
    public const string ActivePiriformis = "exam.active-piriformis";
    public const string SeatedPiriformisStretch = "exam.seated-piriformis-stretch";
    public const string PiriformisTension = "exam.piriformis-tension";
    public const string SciaticNotchTenderness = "exam.sciatic-notch-tenderness";
    public const string AdductorSqueeze = "exam.adductor-squeeze";
    public const string PubicRamusTenderness = "exam.pubic-ramus-tenderness";
    public const string StandingSign = "exam.standing-sign";
    public const string IschialTenderness = "exam.ischial-tenderness";
    public const string LogRollPain = "exam.log-roll-pain";
    public const string HipWeakness = "exam.hip-weakness";
    public const string SacroiliacTenderness = "exam.sij-tenderness";
    public const string Slump = "exam.slump";
    public const string FemoralNerveStretch = "exam.femoral-nerve-stretch";
    public const string PalpableMass = "exam.palpable-mass";
    public const string SacralTenderness = "exam.sacral-tenderness";
    public const string IliacCrestTenderness = "exam.iliac-crest-tenderness";
    public const string SignOfTheButtock = "exam.sign-of-the-buttock";
    public const string PalpableDefect = "exam.palpable-defect";
    public const string LegDeformity = "exam.leg-deformity";
    public const string MuscleBellyTenderness = "exam.muscle-belly-tenderness";

    // Investigations (laboratory results used by the Kocher-style septic criteria).
    public const string EsrOver40 = "inv.esr-over-40";
    public const string WhiteCellsOver12 = "inv.wbc-over-12";
    public const string WhiteCellsRaised = "inv.wbc-raised";
    public const string CrpRaised = "inv.crp-raised";
    public const string InflammatoryMarkersRaised = "inv.inflammatory-markers-raised";
    public const string RadiographNormal = "inv.radiograph-normal";
    public const string RadiographOsteoarthritis = "inv.radiograph-oa";

    public static void Define(KnowledgeBaseBuilder kb)
    {
        kb.AddFinding(LateralHip, "Pain on the outer side of the hip", FindingKind.PainLocation, BodyRegion.LateralHip, "Is the pain on the outer side of your hip?", patientQuestion: "Do you feel the pain on the outer side of your hip?")
          .AddFinding(Groin, "Pain in the groin or front of the hip", FindingKind.PainLocation, BodyRegion.GroinAnteriorHip, "Is the pain in your groin or at the front of your hip?", patientQuestion: "Do you feel the pain in your groin or at the front of your hip?")
          .AddFinding(AnteriorThigh, "Pain in the front of the thigh", FindingKind.PainLocation, BodyRegion.AnteriorThigh, "Does the pain spread to the front of your thigh?", patientQuestion: "Does the pain spread to the front of your thigh?")
          .AddFinding(Buttock, "Pain in the buttock", FindingKind.PainLocation, BodyRegion.Buttock, "Is the pain in your buttock?", patientQuestion: "Do you feel the pain deep in your buttock?")
          .AddFinding(PosteriorThigh, "Pain in the back of the thigh", FindingKind.PainLocation, BodyRegion.PosteriorThigh, "Does the pain spread down the back of your thigh?", patientQuestion: "Does the pain spread down the back of your thigh?")
          .AddFinding(LateralThighToKnee, "Pain along the outer thigh to the outer knee", FindingKind.PainLocation, BodyRegion.LateralThighToKnee, "Does the pain run down the outside of your thigh towards the knee?", patientQuestion: "Does the pain run down the outside of your thigh towards your knee?")
          .AddFinding(Knee, "Knee pain", FindingKind.PainLocation, BodyRegion.Knee, "Do you also have knee pain?", patientQuestion: "Does your knee hurt as well?")
          .AddFinding(MedialThigh, "Pain in the inner thigh", FindingKind.PainLocation, BodyRegion.MedialThigh, "Is the pain on the inner side of your thigh?", patientQuestion: "Do you feel the pain on the inner side of your thigh?")
          .AddFinding(LowerBack, "Low back pain", FindingKind.PainLocation, BodyRegion.LowerBack, "Do you also have low back pain?", patientQuestion: "Does your lower back hurt as well?")
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
          .AddFinding(ActivityRelated, "Pain brought on by activity and use of the hip", FindingKind.Timing, question: "Is the pain brought on by walking, running or other use of the hip?", patientQuestion: "Does the pain come on when you walk, run or use the hip?")
          .AddFinding(RunningImpossible, "Running impossible because of the pain", FindingKind.Timing, question: "Has the pain made running impossible?", patientQuestion: "Does the pain stop you from running at all?")
          .AddFinding(ConstantRestPain, "Constant pain at rest, unrelated to activity", FindingKind.Timing, question: "Is the pain there all the time, even at rest, whatever you do?", patientQuestion: "Do you have the pain all the time, even when resting?")
          .AddFinding(AcuteOnset, "Pain began suddenly, over minutes to hours", FindingKind.Timing, question: "Did the pain come on suddenly, over minutes or hours?", patientQuestion: "Did the pain come on suddenly, within a few hours?")
          .AddFinding(GradualOnset, "Pain began gradually, with no single injury", FindingKind.Timing, question: "Did the pain build up gradually, without a single injury?", patientQuestion: "Did the pain build up slowly, without one moment when you hurt yourself?")
          .AddFinding(Worsening, "Pain getting steadily worse over days or weeks", FindingKind.Timing, question: "Has the pain been getting steadily worse over days or weeks?", patientQuestion: "Has the pain been getting worse and worse over the last days or weeks?")
          .AddFinding(RisingFromSitting, "Pain on rising from a chair or getting out of a car", FindingKind.Timing, question: "Does getting up from a chair or out of a car hurt?", patientQuestion: "Does it hurt when you get up from a chair or out of a car?")
          .AddFinding(SharpPain, "Sharp or stabbing pain", FindingKind.PainQuality, question: "Is the pain sharp or stabbing?", patientQuestion: "Is the pain sharp or stabbing?")
          .AddFinding(DullAche, "Dull, deep or aching pain", FindingKind.PainQuality, question: "Is the pain a dull, deep ache?", patientQuestion: "Is the pain a dull, deep ache?")
          .AddFinding(BurningPain, "Burning, electric or shooting pain", FindingKind.PainQuality, question: "Is the pain burning, electric or shooting?", patientQuestion: "Does the pain burn, or shoot like an electric shock?")
          .AddFinding(SeverePain, "Severe pain, 7/10 or more", FindingKind.PainQuality, question: "At its worst, is the pain 7 out of 10 or more?", patientQuestion: "On a scale from 0 (no pain) to 10 (the worst pain imaginable), is your pain 7 or more at its worst?")
          .AddFinding(MildPain, "Mild pain, 3/10 or less", FindingKind.PainQuality, question: "At its worst, is the pain 3 out of 10 or less?", patientQuestion: "On a scale from 0 (no pain) to 10 (the worst pain imaginable), is your pain 3 or less even at its worst?")
          .AddFinding(Clicking, "Clicking or catching in the hip", FindingKind.Symptom, question: "Does your hip click or catch when you move?", patientQuestion: "Does your hip click, catch or lock when you move?")
          .AddFinding(Snapping, "Painful snap in the groin when the bent hip straightens", FindingKind.Symptom, question: "Do you feel a painful snap in the groin when you straighten a bent hip?", patientQuestion: "Do you feel a painful snap in your groin when you straighten your leg from a bent position?")
          .AddFinding(Fever, "Fever or feeling systemically unwell", FindingKind.Symptom, question: "Do you have a fever or feel unwell?", patientQuestion: "Do you have a fever, or do you feel generally unwell?")
          .AddFinding(Swelling, "Swelling around the hip", FindingKind.Symptom, question: "Have you noticed swelling around the hip?", patientQuestion: "Have you noticed any swelling around your hip?")
          .AddFinding(Bruising, "A bruise on the thigh, groin or buttock since the pain began", FindingKind.Symptom, question: "Is there bruising (ecchymosis) over the thigh, groin or buttock, or tracking down the leg?", patientQuestion: "Since the pain began, has a bruise appeared on your thigh, groin or buttock?")
          .AddFinding(WeightLoss, "Unexplained weight loss", FindingKind.Symptom, question: "Have you lost weight without trying?", patientQuestion: "Have you lost weight without trying to?")
          .AddFinding(LateralSnap, "Visible or palpable snap over the outer hip", FindingKind.Symptom, question: "Do you feel or see a snap over the outer side of the hip as it bends or turns?", patientQuestion: "Do you feel a snap on the outer side of your hip when it moves?")
          .AddFinding(StiffnessUnder60, "No morning hip stiffness, or stiffness lasting 60 minutes or less", FindingKind.Symptom, question: "If the hip is stiff in the morning, does it ease within an hour?", patientQuestion: "If your hip is stiff when you get up, is it gone within an hour?")
          .AddFinding(StiffnessUnder30, "No morning hip stiffness, or stiffness lasting 30 minutes or less", FindingKind.Symptom, question: "If the hip is stiff in the morning, does it ease within 30 minutes?", patientQuestion: "If your hip is stiff when you get up, is it gone within half an hour?")
          .AddFinding(LegPainBelowKnee, "Leg pain radiating below the knee", FindingKind.Symptom, question: "Does the pain shoot down the leg below the knee?", patientQuestion: "Does the pain shoot down your leg past the knee?")
          .AddFinding(Paraesthesia, "Numbness or pins and needles in the leg", FindingKind.Symptom, question: "Do you have numbness or pins and needles in the leg?", patientQuestion: "Do you have numbness or pins and needles in your leg?")
          .AddFinding(SaddleAnaesthesia, "Numbness in the saddle area (between the legs, buttocks)", FindingKind.Symptom, question: "Is there numbness between your legs or around your back passage?", patientQuestion: "Is any skin numb between your legs or around your bottom?")
          .AddFinding(BladderBowel, "New difficulty passing or controlling urine or stool", FindingKind.Symptom, question: "Any new difficulty passing urine, or loss of bladder or bowel control?", patientQuestion: "Have you had any new trouble passing urine, or any leaks of urine or stool?")
          .AddFinding(ProgressiveWeakness, "Progressive or two-sided leg weakness", FindingKind.Symptom, question: "Are one or both legs getting weaker?", patientQuestion: "Is one leg, or are both legs, getting weaker?")
          .AddFinding(Limp, "Limping, as the patient reports it", FindingKind.Symptom, question: "Have you been limping?", patientQuestion: "Have you been limping because of the pain?")
          .AddFinding(GivingWay, "The hip gives way or feels unstable", FindingKind.Symptom, question: "Does the hip give way or feel unstable?", patientQuestion: "Does your hip ever give way or feel unstable?")
          .AddFinding(Stiffness, "Hip stiffness", FindingKind.Symptom, question: "Does the hip feel stiff?", patientQuestion: "Does your hip feel stiff?")
          .AddFinding(NightSweats, "Night sweats or chills", FindingKind.Symptom, question: "Have you had night sweats or chills?", patientQuestion: "Have you had drenching sweats at night, or shivering attacks?")
          .AddFinding(RecentInjury, "Recent sports injury", FindingKind.History, question: "Have you had a recent sports injury?", patientQuestion: "Have you had a sports injury recently?")
          .AddFinding(FamilyArthritis, "Family history of arthritis", FindingKind.History, question: "Does anyone in your family have arthritis or joint pain?", patientQuestion: "Does anyone in your family have arthritis or joint pain?")
          .AddFinding(KneeOsteoarthritis, "History of knee osteoarthritis", FindingKind.History, question: "Have you been told you have knee arthritis?", patientQuestion: "Has a doctor told you that you have arthritis in your knee?")
          .AddFinding(TrainingIncrease, "Recent increase in training load", FindingKind.History, question: "Have you recently increased your mileage, speed work or races?", patientQuestion: "Have you recently run more, run faster or raced more than usual?")
          .AddFinding(CancerHistory, "History of cancer", FindingKind.History, question: "Have you ever had cancer?", patientQuestion: "Have you ever had cancer?")
          .AddFinding(FallOrTrauma, "Fall or significant trauma", FindingKind.History, question: "Did the pain start after a fall or a blow?", patientQuestion: "Did the pain start after a fall or a blow to the hip?")
          .AddFinding(GlutealPiriformisProblem, "Known gluteal or piriformis problem", FindingKind.History, question: "Have you been told you have a problem with your gluteal muscles or piriformis?", patientQuestion: "Has anyone told you that you have a problem with your buttock muscles (gluteals or piriformis)?")
          .AddFinding(NoImprovement, "No improvement after a month of care", FindingKind.History, question: "Has the pain failed to improve after a month of treatment?", patientQuestion: "Has a month of treatment failed to help?")
          .AddFinding(DurationUnderTwoWeeks, "Symptoms for less than 2 weeks", FindingKind.History, question: "Did the pain start less than 2 weeks ago?", patientQuestion: "Did the pain start less than 2 weeks ago?")
          .AddFinding(DurationOverThreeMonths, "Symptoms for more than 3 months", FindingKind.History, question: "Have you had the pain for more than 3 months?", patientQuestion: "Have you had the pain for more than 3 months?")
          .AddFinding(DistanceRunner, "Long-distance, marathon or high-mileage runner", FindingKind.History, question: "Do you run long distances (half-marathon, marathon or more) or high weekly mileage?", patientQuestion: "Do you run long distances, such as half-marathons or marathons, or many kilometres a week?")
          .AddFinding(KickingSport, "Plays a kicking or cutting sport (football, rugby, hockey)", FindingKind.History, question: "Do you also play football, rugby, hockey or another kicking or cutting sport?", patientQuestion: "Do you also play football, rugby, hockey or another sport with kicking or sharp turns?")
          .AddFinding(Dancer, "Dance, ballet or gymnastics", FindingKind.History, question: "Do you dance, do ballet or gymnastics?", patientQuestion: "Do you dance, do ballet or do gymnastics?")
          .AddFinding(PriorStressFracture, "Previous stress fracture", FindingKind.RiskFactor, question: "Have you had a stress fracture before?", patientQuestion: "Have you ever had a stress fracture?")
          .AddFinding(LowEnergyAvailability, "Features of low energy availability (REDs / Female Athlete Triad)", FindingKind.RiskFactor, question: "Missed periods, low body weight, restricted eating, or very high training hours?", patientQuestion: "Have you missed periods, lost a lot of weight, restricted your eating, or trained very long hours?")
          .AddFinding(HipProsthesis, "Hip replacement on the painful side", FindingKind.RiskFactor, question: "Do you have a hip replacement on this side?", patientQuestion: "Do you have an artificial hip joint (a hip replacement) on the painful side?")
          // Base 0.27.0 (facts addendum 56, FR56-1): 0.83 % of a whole population lives with a total hip replacement
          // (Maradit Kremers H et al. J Bone Joint Surg Am 2015;97:1386), held at the answer model's floor of 0.01.
          .SetPresentRate(HipProsthesis, 0.01)
          .AddFinding(RecentJointSurgery, "Recent surgery on this joint", FindingKind.RiskFactor, question: "Have you had surgery on this joint recently?", patientQuestion: "Have you had an operation on this hip recently?")
          .AddFinding(SteroidUse, "Long-term or high-dose corticosteroid use", FindingKind.RiskFactor, question: "Have you taken steroid tablets or injections for long periods or at high doses?", patientQuestion: "Have you taken steroid tablets or injections for a long time or in high doses?")
          .AddFinding(AlcoholExcess, "Heavy alcohol use", FindingKind.RiskFactor, question: "Do you regularly drink heavily?", patientQuestion: "Do you often drink a lot of alcohol?")
          .AddFinding(Smoking, "Smokes tobacco now", FindingKind.RiskFactor, question: "Does the patient smoke tobacco now?", patientQuestion: "Do you smoke?")
          .AddFinding(OsteonecrosisCondition, "Sickle cell disease, lupus, organ transplant, HIV or decompression illness", FindingKind.RiskFactor, question: "Do you have sickle cell disease, lupus, HIV, a transplant, or a history of diving decompression illness?", patientQuestion: "Do you have sickle cell disease, lupus, HIV or a transplant, or have you had the bends from diving?")
          .AddFinding(Osteopenia, "Known low bone density (osteopenia or osteoporosis)", FindingKind.RiskFactor, question: "Have you been told you have low bone density (osteopenia or osteoporosis)?", patientQuestion: "Has a doctor told you that your bones are thin or weak (osteopenia or osteoporosis)?")
          .AddFinding(LowVitaminD, "Known low vitamin D (deficiency or insufficiency on a blood test)", FindingKind.RiskFactor, question: "Is serum 25-hydroxyvitamin D known to be low (deficiency or insufficiency), or has osteomalacia been found?", patientQuestion: "Has a blood test shown that your vitamin D is low?")
          .AddFinding(InfectionRisk, "Diabetes, immune suppression, rheumatoid arthritis, injecting drug use, or a recent skin or other infection", FindingKind.RiskFactor, question: "Diabetes, immune-suppressing treatment, rheumatoid arthritis, injecting drug use, or a recent skin or other infection?", patientQuestion: "Do you have diabetes, rheumatoid arthritis or a weakened immune system, do you inject drugs, or have you recently had a skin or other infection?")
          .AddFinding(SkinInfectionNearHip, "Skin infection, cellulitis or an infected wound over or near the hip", FindingKind.RiskFactor, question: "Is there a skin infection, cellulitis or an infected wound over or near the painful hip?", patientQuestion: "Do you have a skin infection, a red, hot patch of skin, or an infected wound on or near the painful hip?")
          .AddSexSpecificFinding(PregnancyPostpartum, "Pregnant, or gave birth in the last 6 months", FindingKind.RiskFactor, Sex.Female, question: "Are you pregnant, or have you given birth in the last 6 months?", patientQuestion: "Are you pregnant, or have you had a baby in the last 6 months?")
          .AddFinding(CannotBearWeight, "Unable to bear weight", FindingKind.Examination, question: "Is the patient unable to take four steps unaided?", patientQuestion: "Are you unable to walk four steps on your own because of the pain?")
          .AddFinding(HotSwollenJoint, "Hot, swollen hip with painful restricted movement", FindingKind.Examination, question: "Is the hip warm and swollen, with pain on any movement?", patientQuestion: "Does your hip feel hot and swollen, and does every movement hurt?")
          .AddFinding(TrochanterTenderness, "Tenderness over the greater trochanter", FindingKind.Examination, question: "Palpate the greater trochanter: does it reproduce the pain?")
          .AddFinding(ResistedAbductionPain, "Pain on resisted hip abduction", FindingKind.Examination, question: "Resisted abduction in side lying: does it reproduce lateral hip pain?")
          .AddFinding(SingleLegStance, "Lateral hip pain within 30 s of single-leg stance", FindingKind.Examination, question: "Stand on the painful leg for 30 s: does lateral hip pain (2/10 or more) appear?")
          .AddFinding(Trendelenburg, "Positive Trendelenburg sign", FindingKind.Examination, question: "Does the pelvis drop on the opposite side in single-leg stance?")
          .AddFinding(Fadir, "Pain on FADIR (flexion, adduction, internal rotation)", FindingKind.Examination, question: "Does flexion-adduction-internal rotation reproduce the groin pain?")
          .AddFinding(RangeRestricted, "Restricted hip range of motion (internal rotation most)", FindingKind.Examination, question: "Is passive hip motion restricted, internal rotation most?")
          .AddFinding(InternalRotationPain, "Pain at end-range internal rotation", FindingKind.Examination, question: "Is end-range internal rotation painful?")
          .AddFinding(HopTest, "Pain on hopping on the affected leg", FindingKind.Examination, question: "Does hopping on the painful leg reproduce the pain?")
          .AddFinding(NobleTest, "Positive Noble compression test", FindingKind.Examination, question: "Pressure over the lateral femoral condyle at 30 degrees of knee flexion: is it painful?")
          .AddFinding(ResistedFlexionPain, "Pain on resisted hip flexion", FindingKind.Examination, question: "Resisted hip flexion: does it reproduce groin pain?")
          .AddFinding(IliopsoasTenderness, "Iliopsoas tenderness", FindingKind.Examination, question: "Is the iliopsoas tender just below the inguinal ligament?")
          .AddFinding(ModifiedBentKneeStretch, "Positive modified bent-knee stretch test", FindingKind.Examination, question: "Modified bent-knee stretch: does it reproduce pain at the ischial tuberosity?")
          .AddFinding(PuranenOrava, "Positive Puranen-Orava test", FindingKind.Examination, question: "Standing hamstring stretch with the foot on a support: does it reproduce buttock pain?")
          .AddFinding(AdductorTenderness, "Tenderness at the adductor origin", FindingKind.Examination, question: "Is the adductor longus origin tender?")
          .AddFinding(ResistedAdductionPain, "Pain on resisted hip adduction", FindingKind.Examination, question: "Resisted adduction: does it reproduce groin pain?")
          .AddFinding(AntalgicGait, "Antalgic gait or limp", FindingKind.Examination, question: "Watch the patient walk: is there a limp or a shortened stance on the painful side?")
          .AddFinding(InternalRotationBelow15, "Hip internal rotation less than 15 degrees", FindingKind.Examination, question: "Measure passive internal rotation at 90 degrees of flexion: is it under 15 degrees?")
          .AddFinding(FlexionBelow115, "Hip flexion 115 degrees or less", FindingKind.Examination, question: "Measure passive hip flexion: is it 115 degrees or less?")
          .AddFinding(Faber, "Pain on FABER (flexion, abduction, external rotation)", FindingKind.Examination, question: "Does the figure-of-four (FABER) position reproduce the pain?")
          .AddFinding(Fulcrum, "Positive fulcrum test", FindingKind.Examination, question: "With the patient seated, an arm under the thigh as a fulcrum and gentle pressure on the knee: does it reproduce sharp thigh or groin pain?")
          .AddFinding(Ober, "Positive Ober test", FindingKind.Examination, question: "Side lying, the upper hip extended and released: does the leg stay abducted or reproduce lateral pain?")
          .AddFinding(Thomas, "Positive Thomas test (tight or painful hip flexor)", FindingKind.Examination, question: "Lying supine hugging the other knee: does the thigh lift off the couch or hurt in the groin?")
          .AddFinding(BentKneeStretch, "Positive bent-knee stretch test", FindingKind.Examination, question: "Bent-knee stretch: does straightening the knee from full hip flexion reproduce pain at the ischial tuberosity?")
          .AddFinding(StraightLegRaise, "Straight leg raise reproduces leg pain", FindingKind.Examination, question: "Does a straight leg raise between 30 and 70 degrees reproduce pain down the leg?")
          .AddFinding(CrossedStraightLegRaise, "Crossed straight leg raise reproduces leg pain", FindingKind.Examination, question: "Does raising the other, pain-free leg reproduce the pain in the painful leg?")
          .AddFinding(NeurologicalDeficit, "Dermatomal sensory loss, myotomal weakness or a reduced reflex", FindingKind.Examination, question: "Is there a sensory, motor or reflex deficit in one nerve-root distribution?")
          .AddFinding(SiDistraction, "Positive sacroiliac distraction test", FindingKind.Examination, question: "Supine, pressure spreading the anterior superior iliac spines: does it reproduce the buttock pain?")
          .AddFinding(SiThighThrust, "Positive thigh thrust test", FindingKind.Examination, question: "Supine, hip at 90 degrees, pressure along the femur: does it reproduce the buttock pain?")
          .AddFinding(SiCompression, "Positive sacroiliac compression test", FindingKind.Examination, question: "Side lying, pressure down on the iliac crest: does it reproduce the buttock pain?")
          .AddFinding(SiSacralThrust, "Positive sacral thrust test", FindingKind.Examination, question: "Prone, pressure on the sacrum: does it reproduce the buttock pain?")
          .AddFinding(Gaenslen, "Positive Gaenslen test", FindingKind.Examination, question: "One hip flexed, the other extended over the couch edge: does it reproduce the buttock pain?")
          .AddFinding(ActivePiriformis, "Positive active piriformis test", FindingKind.Examination, question: "Side lying, resisted abduction with external rotation: does it reproduce deep buttock pain?")
          .AddFinding(SeatedPiriformisStretch, "Positive seated piriformis stretch test", FindingKind.Examination, question: "Seated, hip flexed, adducted and internally rotated: does it reproduce deep buttock pain?")
          .AddFinding(PiriformisTension, "Pain on a piriformis tension manoeuvre (Freiberg, Pace, Beatty or FAIR)", FindingKind.Examination, question: "Does a manoeuvre that tensions the piriformis (Freiberg: forced internal rotation of the extended hip; Pace: resisted abduction and external rotation, seated; Beatty: side lying, lifting the flexed upper knee; FAIR: flexion, adduction and internal rotation, side lying) reproduce the buttock or sciatic pain?")
          .AddFinding(SciaticNotchTenderness, "Tenderness near the greater sciatic notch", FindingKind.Examination, question: "Is the buttock tender over the piriformis, near the greater sciatic notch?")
          .AddFinding(AdductorSqueeze, "Pain on the adductor squeeze test", FindingKind.Examination, question: "Squeeze a fist between the knees (bent or straight): does it reproduce groin pain?")
          .AddFinding(PubicRamusTenderness, "Exquisite tenderness over the pubic ramus", FindingKind.Examination, question: "Is the inferior pubic ramus exquisitely tender?")
          .AddFinding(StandingSign, "Pain standing unsupported on the affected leg (standing sign)", FindingKind.Examination, question: "Standing on the painful leg alone without support: does it hurt in the groin or buttock?")
          .AddFinding(IschialTenderness, "Tenderness at the ischial tuberosity (sit bone)", FindingKind.Examination, question: "Is the ischial tuberosity tender at the hamstring origin?")
          .AddFinding(LogRollPain, "Pain on log roll or on every passive hip movement", FindingKind.Examination, question: "Does gently rolling the straightened leg in and out (log roll), or every passive hip movement, hurt?")
          .AddFinding(HipWeakness, "Weakness of hip muscles on resisted testing", FindingKind.Examination, question: "Is there weakness of the hip muscles on resisted testing?")
          .AddFinding(SacroiliacTenderness, "Tenderness over the sacroiliac joint", FindingKind.Examination, question: "Is the sacroiliac joint (sacral sulcus) tender to pressure?")
          .AddFinding(Slump, "Positive slump test", FindingKind.Examination, question: "Seated slump (trunk and neck flexed, knee extended, ankle dorsiflexed): does it reproduce the leg pain, eased when the neck is lifted?")
          .AddFinding(FemoralNerveStretch, "Positive femoral nerve stretch test", FindingKind.Examination, question: "Prone, knee flexed and hip extended: does it reproduce pain in the front of the thigh?")
          .AddFinding(PalpableMass, "A palpable mass or lump in the groin, lower abdomen, pelvis or buttock", FindingKind.Examination, question: "Is there a palpable mass in the groin, lower abdomen, pelvis or buttock?", patientQuestion: "Have you, or a doctor, felt a lump in your groin, lower belly or buttock?")
          .AddFinding(SacralTenderness, "Focal tenderness over the sacrum", FindingKind.Examination, question: "Is the sacrum itself (its midline or the sacral ala) tender to pressure?")
          .AddFinding(IliacCrestTenderness, "Pain and tenderness at the iliac crest (iliac tubercle)", FindingKind.Examination, question: "Is the iliac crest tender at the iliac tubercle, about 5 cm behind the anterior superior iliac spine, reproducing the pain?")
          .AddFinding(SignOfTheButtock, "Positive sign of the buttock (Cyriax)", FindingKind.Examination, question: "Straight leg raise limited and painful, and passive hip flexion with the knee bent no freer, with an empty end feel?")
          .AddFinding(PalpableDefect, "A palpable gap or defect in an injured muscle or tendon", FindingKind.Examination, question: "After the injury, is there a palpable gap or defect along the injured muscle or at its tendon's origin (adductor origin, anterior inferior iliac spine, ischial tuberosity)?", patientQuestion: "Have you, or a doctor, felt a gap or a dent in a muscle or tendon around your hip or thigh since the pain began?")
          .AddFinding(LegDeformity, "A shortened or rotated leg, or a visible deformity at the hip or thigh", FindingKind.Examination, question: "After the fall or injury, is the leg shortened or rotated, or is there a visible deformity at the hip or thigh?", patientQuestion: "Since the fall or injury, does your leg look shorter, turned outwards or inwards, or out of shape?")
          .AddFinding(MuscleBellyTenderness, "Tenderness along a thigh muscle's belly", FindingKind.Examination, question: "On palpation, is there tenderness along the belly of a thigh muscle (hamstrings, quadriceps or adductors), away from its bony attachments?")
          .AddFinding(EsrOver40, "ESR above 40 mm/h", FindingKind.Investigation, question: "Is the erythrocyte sedimentation rate above 40 mm/h?")
          .AddFinding(WhiteCellsOver12, "White cell count above 12,000 per mm3", FindingKind.Investigation, question: "Is the white cell count above 12,000 per cubic millimetre?")
          .AddFinding(WhiteCellsRaised, "White cell count raised (above the laboratory's reference range)", FindingKind.Investigation, question: "Is the blood white cell count raised above the laboratory's reference range (a leucocytosis)?")
          .AddFinding(CrpRaised, "C-reactive protein above 20 mg/L", FindingKind.Investigation, question: "Is the C-reactive protein above 20 mg/L (2 mg/dL)?")
          .AddFinding(InflammatoryMarkersRaised, "Inflammatory markers raised (ESR or CRP above the laboratory's range, value not known)", FindingKind.Investigation, question: "Are the inflammatory markers (ESR or CRP) raised above the laboratory's reference range?")
          .AddFinding(RadiographNormal, "Plain radiographs of the hip or pelvis normal", FindingKind.Investigation, question: "Were plain radiographs of the hip and pelvis normal?")
          .AddFinding(RadiographOsteoarthritis, "Radiographs show joint-space narrowing or osteophytes", FindingKind.Investigation, question: "Do the radiographs show hip joint-space narrowing or osteophytes?");
    }
}
