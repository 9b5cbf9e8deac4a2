using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge.Causes;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;

namespace HipPain.Rules.Knowledge;

/// <summary>
/// The built-in red-flag gates (facts table §7). They set urgency whatever the ranking says. For a patient interview,
/// <c>Screen</c> names the universal screen (fever, a hot swollen hip, unable to walk four steps, a history of cancer:
/// four questions, each of which fires a gate on its own) and <c>AskWhen</c> the context in which the rest of a gate's
/// questions are asked (docs/safety/hazard-log.md, H21).
/// </summary>
internal static class RedFlags
{
    public const string InfectionSigns = "rf.infection-signs";
    public const string ProsthesisSkinInfection = "rf.prosthesis-skin-infection";
    public const string CannotBearWeightFlag = "rf.cannot-bear-weight";
    public const string FallCannotBearWeight = "rf.fall-cannot-bear-weight";
    public const string FallDeformity = "rf.fall-deformity";
    public const string StressFracture = "rf.femoral-neck-stress-fracture";
    public const string PelvicStressFracture = "rf.pubic-ramus-stress-fracture";
    public const string Malignancy = "rf.malignancy";
    public const string CaudaEquina = "rf.cauda-equina";
    public const string OsteonecrosisRisk = "rf.osteonecrosis-risk";
    public const string AdolescentLimp = "rf.adolescent-limp";
    public const string TendonAvulsion = "rf.tendon-avulsion";

    public static void Define(KnowledgeBaseBuilder kb)
    {
        kb.AddRedFlag(InfectionSigns, "Fever, a hot swollen hip, or two infection predictors", f => f
            .When(Criterion.AnyOf(
                Criterion.Present(Fever),
                Criterion.Present(HotSwollenJoint),
                Criterion.AtLeast(2, CannotBearWeight, Fever, EsrOver40, WhiteCellsOver12, CrpRaised)))
            .Screen(Fever, HotSwollenJoint)
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency department or orthopaedics: aspirate the joint before antibiotics; blood cultures.")
            .Running(RunningRestriction.StopRunning, "No running or exercise; same-day emergency assessment.")
            .Suspect(SepticArthritis.Id)
            .Evidence(Sources.Coakley2006("Facts §7: fever or systemic illness with an acutely painful hip, a hot swollen joint, or 2 or more Kocher criteria is an emergency; treat as septic even when afebrile. The count uses Caird's five predictors (non-weight bearing, fever, ESR >= 40, white cells > 12,000, CRP >= 20 mg/L; 2 predictors: 62% in aspirated children, A2-6). CRP was raised in 98% of adults with culture-positive septic arthritis (A3-36).")));

        kb.AddRedFlag(ProsthesisSkinInfection, "A hip replacement with new pain and a skin infection over it", f => f
            .When(Criterion.AllOf(HipProsthesis, SkinInfectionNearHip))
            .AskWhen(Criterion.Present(HipProsthesis))
            .Urgency(Urgency.Emergency)
            .Action("Same-day orthopaedic assessment, by the team that did the replacement where possible, for an infected prosthetic joint: the joint is aspirated under sterile conditions by the orthopaedic team, with blood cultures; no antibiotic before the sample unless the patient is septic.")
            .Running(RunningRestriction.StopRunning, "No running or exercise; same-day orthopaedic assessment.")
            .Suspect(SepticArthritis.Id)
            .Evidence(new Evidence("Facts table §7, septic arthritis emergency row (Coakley 2006; Margaretten 2007); BMJ Best Practice, Septic arthritis, history and exam", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary, "Base 0.18.0 (facts addendum 45): a prosthetic hip with new pain and a skin infection is one of the four emergency triggers of facts §7 (PS45-1); a prosthesis with an overlying skin infection has LR+ 15 for septic arthritis (Margaretten 2007, facts H11, PS45-2, PS45-3). A symptomatic prosthesis is to be suspected of sepsis and referred to orthopaedics, who aspirate it in sterile conditions (BMJ Best Practice, PS45-4; facts R16, PS45-5); fever is absent in about 40% of adults. Only the two risk findings can partly meet the gate, and its skin question is asked only of a patient with a hip replacement.")));

        kb.AddRedFlag(CannotBearWeightFlag, "Unable to bear weight", f => f
            .When(Criterion.Present(CannotBearWeight))
            .Screen(CannotBearWeight)
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency assessment: radiographs to exclude a fracture (including a displaced femoral-neck stress fracture) or dislocation; consider infection.")
            .Running(RunningRestriction.StopRunning, "No running; non-weight bearing until assessed today.")
            .Suspect(FemoralNeckStressFracture.Id, PubicRamusStressFracture.Id, SepticArthritis.Id)
            .Evidence(new Evidence("NHS Gloucestershire hip pathway; Robertson & Wood 2017 (facts §7)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary, "Base 0.11.0 (facts addendum 25, rule G1): the radiographs exclude a fracture of either site, as the fall gate of the same pathway says; a patient who cannot bear weight cannot stand on the leg, the strongest form of the standing sign of a pelvic stress fracture (Noakes 1985, facts §1.7), so the pubic ramus stress fracture is named too.")));

        kb.AddRedFlag(FallCannotBearWeight, "A fall or injury with inability to bear weight", f => f
            .When(Criterion.AllOf(FallOrTrauma, CannotBearWeight))
            .AskWhen(Criterion.Present(CannotBearWeight))
            .Urgency(Urgency.Emergency)
            .Action("Emergency department today: radiographs for a hip or pelvic fracture or dislocation; keep non-weight bearing.")
            .Running(RunningRestriction.StopRunning, "No running or walking on the leg until a fracture is excluded.")
            .Suspect(FemoralNeckStressFracture.Id, PubicRamusStressFracture.Id)
            .Evidence(Sources.Gloucestershire("Significant trauma with inability to bear weight or deformity goes to the emergency department (V-sec). This gate reads the first half; the deformity half is rf.fall-deformity (base 0.20.0, facts addenda 47 and 48).")));

        kb.AddRedFlag(FallDeformity, "A fall or injury with a shortened, rotated or deformed leg", f => f
            .When(Criterion.AllOf(FallOrTrauma, LegDeformity))
            .AskWhen(Criterion.Present(FallOrTrauma))
            .Urgency(Urgency.Emergency)
            .Action("Emergency department today: radiographs of the hip and pelvis for a fracture or dislocation; keep the leg still and do not bear weight on it.")
            .Running(RunningRestriction.StopRunning, "No running or walking on the leg until a fracture and a dislocation are excluded.")
            .Evidence(Sources.Gloucestershire("Base 0.20.0 (facts addenda 47 and 48): significant trauma with a deformity goes to the emergency department (facts §7, TD47-1); a shortened, rotated leg or a visible deformity after a fall is the sign of a displaced hip fracture or a dislocation (emergency orthopaedics texts, TD47-2 to TD47-4), and without trauma it can be the end stage of arthritis, so the fall is required. A traumatic fracture or dislocation is not a cause in this base, so the gate names none (as rf.adolescent-limp names none); that also keeps it out of rule R5b's move, through which addendum 47's version, a branch of rf.fall-cannot-bear-weight, reordered a case's questions. Asked after a reported fall or blow.")));

        kb.AddRedFlag(StressFracture, "Suspected femoral-neck stress fracture", f => f
            .When(Criterion.AnyOf(
                Criterion.AllOf(
                    Criterion.AnyOf(Groin, AnteriorThigh),
                    Criterion.AnyOf(
                        Criterion.Present(WeightBearingPain),
                        Criterion.Present(HopTest),
                        Criterion.Present(AntalgicGait),
                        Criterion.Present(Limp),
                        Criterion.Present(RunningImpossible),
                        Criterion.Present(LogRollPain),
                        Criterion.AllOf(
                            Criterion.Present(InternalRotationPain),
                            Criterion.AnyOf(TrainingIncrease, LowEnergyAvailability, PriorStressFracture, Osteopenia)))),
                Criterion.AllOf(
                    Criterion.Present(HopTest),
                    Criterion.AnyOf(TrainingIncrease, LowEnergyAvailability, PriorStressFracture, Osteopenia))))
            .AskWhen(Criterion.AnyOf(Groin, AnteriorThigh))
            .Urgency(Urgency.Urgent)
            .Action("Stop running; crutches or protected weight bearing; MRI within days; urgent orthopaedic review if the fracture is tension-side, complete or displaced.")
            .Running(RunningRestriction.StopRunning, "No running. Protected weight bearing on crutches until MRI excludes a fracture.")
            .Suspect(FemoralNeckStressFracture.Id)
            .Evidence(Sources.Robertson2017("Facts §7: a runner with exercise-related groin pain that progresses to pain on walking, pain at end-range internal rotation or a positive hop test needs MRI within days, especially with a load increase, REDs features or a prior bone stress injury. Robertson & Wood: femoral-neck stress fracture should be considered in every athlete with exercise-related hip pain, and delay lets it displace (15% of recruits' fractures were displaced at presentation, A3-1). Antalgic gait, limp and pain on log roll are the listed signs of loading pain (facts §1.6); painful internal rotation alone is common in FAI, so it counts only with a bone-stress risk factor.")));

        kb.AddRedFlag(PelvicStressFracture, "Suspected pubic ramus or pelvic stress fracture", f => f
            .When(Criterion.AnyOf(
                Criterion.AllOf(RunningImpossible, StandingSign, PubicRamusTenderness),
                Criterion.AllOf(
                    Criterion.AnyOf(StandingSign, PubicRamusTenderness),
                    Criterion.AnyOf(Groin, Buttock, MedialThigh, TrainingIncrease, LowEnergyAvailability, PriorStressFracture, Osteopenia)),
                Criterion.AllOf(
                    Criterion.AnyOf(Groin, Buttock, MedialThigh),
                    Criterion.AnyOf(
                        Criterion.Present(WeightBearingPain),
                        Criterion.Present(RunningImpossible),
                        Criterion.Present(Limp),
                        Criterion.Present(AntalgicGait),
                        Criterion.AllOf(ActivityRelated, TrainingIncrease)),
                    Criterion.AnyOf(LowEnergyAvailability, PriorStressFracture, Osteopenia)),
                Criterion.AllOf(Criterion.AnyOf(Buttock, Groin), Criterion.Present(HopTest))))
            .AskWhen(Criterion.AnyOf(Groin, Buttock, MedialThigh))
            .Urgency(Urgency.Urgent)
            .Action("Stop running; off-load; MRI (whole pelvis) or bone scan within days; assess energy availability and bone health.")
            .Running(RunningRestriction.StopRunning, "No running until imaging; then relative rest for 8-12 weeks.")
            .Suspect(PubicRamusStressFracture.Id)
            .Evidence(Sources.Noakes1985("Facts §1.7 and §7: the Noakes triad, or a positive standing test or exquisite ramus tenderness with groin, buttock or thigh pain, is urgent (not emergency). Pain on loading in a runner with a bone-health risk factor (low energy availability, prior bone stress injury, low bone density; Barrack 2014; trabecular-rich pelvic sites, A2-20) points the same way; after normal radiographs, MRI of the whole pelvis is next (A2-26). Bone-stress pain typically follows a recent training change (A3-31), so pain brought on by running after a training increase counts as loading pain; the sacrum is the pelvic site of a runner's buttock pain, and a runner with that history and a prior stress fracture or Triad features is suspected of a sacral stress fracture (Fredericson 2003 and the 2019 series, A5-3, A5-4; clinical pearl A3-20). Base 0.7.0: pain on a single-leg hop is an examination sign of a sacral stress fracture, whose pain is typically in the buttock, with groin pain also reported (Harris 2016, A3-20); a hop test found one in a distance runner with buttock pain, normal radiographs and no bone-health risk factor, and the authors recommend it for runners with that history (Kahanov 2011, A5-6); radiographs are typically normal and running athletes with buttock pain are to be suspected (McFarland 1996, A5-7). So a painful hop with buttock or groin pain is urgent without a risk factor. No hop-test source names the medial thigh or the pubic ramus, and low-back pain alone is left to the other branches (every A5-6 and A5-7 patient with it also had buttock pain). With groin pain the femoral-neck gate fires too: both sites need imaging, and the whole-pelvis MRI covers both.")));

        kb.AddRedFlag(Malignancy, "History of cancer, a palpable mass, or night or rest pain with weight loss, night sweats or a worsening, persistent course", f => f
            .When(Criterion.AnyOf(
                Criterion.Present(CancerHistory),
                Criterion.AllOf(Criterion.AnyOf(NightPain, ConstantRestPain), Criterion.AnyOf(WeightLoss, NightSweats)),
                Criterion.AllOf(Criterion.AgeBetween(51, null), Criterion.Present(NoImprovement), Criterion.AnyOf(WeightLoss, NightSweats, ConstantRestPain)),
                Criterion.AllOf(
                    Criterion.Present(Worsening),
                    Criterion.AnyOf(NoImprovement, DurationOverThreeMonths),
                    Criterion.AnyOf(NightPain, ConstantRestPain)),
                Criterion.Present(PalpableMass)))
            .Screen(CancerHistory)
            .AskWhen(Criterion.AnyOf(NightPain, ConstantRestPain, WeightLoss, NightSweats, NoImprovement))
            .Urgency(Urgency.Urgent)
            .Action("Urgent imaging and referral on the suspected-cancer pathway; a normal radiograph does not exclude a pelvic tumour.")
            .Running(RunningRestriction.StopRunning, "Stop running until a serious cause is excluded.")
            .Suspect(SeriousPathology.Id)
            .Evidence(Sources.Downie2013("Facts §7 lists a history of cancer as an urgent trigger on its own; it is the best-supported malignancy red flag (post-test probability 7% in primary care and 33% in emergency settings, Downie 2013, A2-48). Rest or night pain counts only with weight loss or night sweats, because night pain alone is common in benign hip disease (75-81% in OA, A3-61) and present in only 19-21% of bone sarcomas (A3-48). Age over 50 with failure to improve counts with weight loss, night sweats or constant rest pain (Greenhalgh & Selfe 2006 cluster, V-sec; NICE CG27, A3-57). Scottish guidance: a normal radiograph does not exclude a pelvic tumour (A3-59). Bone pain that keeps increasing, persists (no improvement with treatment, A5-1, or more than 3 months) and is felt at night or at rest is the bone-cancer trigger for urgent imaging (NICE CG27 wording, A3-57; Scottish guidance, A3-59), whatever the age: primary bone sarcoma peaks before 30 and pelvic sarcoma was diagnosed after a mean 10 months, often after treatment for a benign cause (A3-49, A3-54, A3-55). Base 0.7.0: a palpable mass is a trigger on its own, as NICE NG12 has it: an unexplained abdominal or pelvic mass found on examination is a reason for urgent referral on a suspected-cancer pathway, and a lump that is growing for an urgent ultrasound (V7-7, V7-8); a mass was felt at the first visit in 34-39% of young people with bone sarcoma (A3-48). The mass is an examination finding, so it is not in the universal screen (four questions every patient is asked); a patient interview asks it, with the gate's other questions, in the gate's context.")));

        kb.AddRedFlag(CaudaEquina, "Possible cauda equina syndrome", f => f
            .When(Criterion.AnyOf(SaddleAnaesthesia, BladderBowel, ProgressiveWeakness))
            .AskWhen(Criterion.AnyOf(LowerBack, LegPainBelowKnee, Paraesthesia, PosteriorThigh, Buttock))
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency assessment and MRI of the lumbar spine.")
            .Running(RunningRestriction.StopRunning, "No running; emergency assessment today.")
            .Suspect(LumbarRadicularPain.Id)
            .Evidence(Sources.Nice59("Saddle anaesthesia, new bladder or bowel dysfunction, or bilateral or progressive neurology (NHS GGC red flags, V-sec; facts §1.13 and §7).")));

        kb.AddRedFlag(OsteonecrosisRisk, "Osteonecrosis risk: a predisposing disease, or steroids or alcohol with a painful or stiff hip", f => f
            .When(Criterion.AnyOf(
                Criterion.AllOf(
                    Criterion.AnyOf(SteroidUse, AlcoholExcess, OsteonecrosisCondition),
                    Criterion.AnyOf(Groin, AnteriorThigh, Buttock),
                    Criterion.AnyOf(InternalRotationPain, RangeRestricted, AntalgicGait, Limp, WeightBearingPain, ConstantRestPain)),
                Criterion.Present(OsteonecrosisCondition)))
            .AskWhen(Criterion.AnyOf(Groin, AnteriorThigh, Buttock))
            .Urgency(Urgency.Urgent)
            .Action("MRI and urgent orthopaedic referral: joint-preserving treatment is possible only before collapse.")
            .Running(RunningRestriction.StopRunning, "No running; protected weight bearing until MRI.")
            .Suspect(AvascularNecrosis.Id)
            .Evidence(Sources.Osteonecrosis("Facts §7: steroid or alcohol exposure, sickle cell disease or SLE with groin pain and painful internal rotation is urgent (V-sec). The hip examination is normal in 31% (55% in early stages), a limp is present in 50% and pain is mechanical in 79% (A2-41), and pain may be felt in the buttock or thigh (facts §1.16), so a limp, pain on walking or constant rest pain counts as well as painful rotation. 47% of hips have collapsed by diagnosis (A2-42). In a predisposing disease the hip pain itself, which every patient triaged here has, is the trigger: 57 of 104 children with sickle cell disease imaged for hip pain had osteonecrosis of the femoral head (A5-5), and 22% of a population cohort with the disease developed it by a median age of 27 (A3-44).")));

        kb.AddRedFlag(AdolescentLimp, "Child or adolescent with a limp", f => f
            .When(Criterion.AllOf(Criterion.AgeBetween(8, 15), Criterion.Present(AntalgicGait)))
            .AskWhen(Criterion.AgeBetween(8, 15))
            .Urgency(Urgency.Urgent)
            .Action("Same-week bilateral AP and frog-leg radiographs and orthopaedic review for a slipped capital femoral epiphysis; emergency if the child cannot bear weight.")
            .Running(RunningRestriction.StopRunning, "No running until a slipped epiphysis is excluded.")
            .Evidence(Sources.Peck2017("SCFE is the commonest adolescent hip disorder (age 8-15); up to 15% present with knee or thigh pain only (facts §1.17, §7). SCFE is not a cause in this base, so the gate names none.")));

        kb.AddRedFlag(TendonAvulsion, "A palpable defect after an acute muscle injury (suspected tendon avulsion)", f => f
            .When(Criterion.Present(PalpableDefect))
            .AskWhen(Criterion.AnyOf(SuddenOnset, AcuteOnset, RecentInjury, FallOrTrauma))
            .Urgency(Urgency.Urgent)
            .Action("MRI within days and review by a sports or orthopaedic surgeon to grade the tear: a complete proximal hamstring avulsion does best repaired within 4 to 6 weeks of the injury, and a complete adductor tear needs the MRI to decide its care.")
            .Running(RunningRestriction.StopRunning, "No running or sprinting until MRI has graded the injury.")
            .Suspect(MuscleStrain.Id)
            .Evidence(new Evidence("Facts table §1.10, hip flexor and adductor strain, urgency row (Serner A et al., prognostic cohort of acute adductor injuries, repub.eur.nl/pub/125816); Buckwalter J, Westermann R, Amendola A. Complete proximal hamstring avulsions: is there a role for conservative management? J ISAKOS 2017;2(1):31 (systematic review)", EvidenceLevel.SystematicReview, VerificationStatus.VerifiedPrimary, "Base 0.19.0 (facts addendum 46): the facts table makes an acute strain urgent when a palpable defect or an avulsion is suspected (AV46-1); a palpable defect was among the strongest predictors of a long recovery in 81 athletes with acute adductor injuries (AV46-2) and is the examination finding of a proximal hamstring avulsion (AV46-5, AV46-6). Acute repair, within 4 to 6 weeks, is the recommended treatment of a complete proximal hamstring avulsion (AV46-3; quicker return and fewer re-ruptures and nerve injuries than late repair, AV46-4); complete adductor longus tears have also recovered without surgery, so MRI grades the tear before its care is decided (AV46-7). The gate's one finding is an examination sign, asked in the context of an acute injury (a sudden or acute onset, a recent sports injury, a fall or blow); the injury is not part of its criterion, so a stated onset never partly meets it. A patient-reported bruise and an adolescent's apophyseal avulsion were considered and not built (addendum 46, section 4).")));
    }
}
