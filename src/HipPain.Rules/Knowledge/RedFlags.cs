using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge.Causes;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;

namespace HipPain.Rules.Knowledge;

/// <summary>The built-in red-flag gates (facts table §7). They set urgency whatever the ranking says.</summary>
internal static class RedFlags
{
    public const string InfectionSigns = "rf.infection-signs";
    public const string CannotBearWeightFlag = "rf.cannot-bear-weight";
    public const string FallCannotBearWeight = "rf.fall-cannot-bear-weight";
    public const string StressFracture = "rf.femoral-neck-stress-fracture";
    public const string PelvicStressFracture = "rf.pubic-ramus-stress-fracture";
    public const string Malignancy = "rf.malignancy";
    public const string CaudaEquina = "rf.cauda-equina";
    public const string OsteonecrosisRisk = "rf.osteonecrosis-risk";
    public const string AdolescentLimp = "rf.adolescent-limp";

    public static void Define(KnowledgeBaseBuilder kb)
    {
        kb.AddRedFlag(InfectionSigns, "Fever or a hot, swollen hip", f => f
            .When(Criterion.AnyOf(
                Criterion.Present(Fever),
                Criterion.Present(HotSwollenJoint),
                Criterion.AtLeast(2, CannotBearWeight, Fever, EsrOver40, WhiteCellsOver12)))
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency department or orthopaedics: aspirate the joint before antibiotics; blood cultures.")
            .Running(RunningRestriction.StopRunning, "No running or exercise; same-day emergency assessment.")
            .Suspects(SepticArthritis.Id)
            .Evidence(Sources.Coakley2006("Facts §7: fever or systemic illness with an acutely painful hip, a hot swollen joint, or 2 or more Kocher criteria is an emergency; treat as septic even when afebrile.")));

        kb.AddRedFlag(CannotBearWeightFlag, "Unable to bear weight", f => f
            .When(Criterion.Present(CannotBearWeight))
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency assessment: radiographs to exclude a fracture (including a displaced femoral-neck stress fracture) or dislocation; consider infection.")
            .Running(RunningRestriction.StopRunning, "No running; non-weight bearing until assessed today.")
            .Suspects(FemoralNeckStressFracture.Id, SepticArthritis.Id)
            .Evidence(new Evidence("NHS Gloucestershire hip pathway; Robertson & Wood 2017 (facts §7)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary)));

        kb.AddRedFlag(FallCannotBearWeight, "A fall or injury with inability to bear weight", f => f
            .When(Criterion.AllOf(FallOrTrauma, CannotBearWeight))
            .Urgency(Urgency.Emergency)
            .Action("Emergency department today: radiographs for a hip or pelvic fracture or dislocation; keep non-weight bearing.")
            .Running(RunningRestriction.StopRunning, "No running or walking on the leg until a fracture is excluded.")
            .Suspects(FemoralNeckStressFracture.Id, PubicRamusStressFracture.Id)
            .Evidence(Sources.Gloucestershire("Significant trauma with inability to bear weight or deformity goes to the emergency department (V-sec).")));

        kb.AddRedFlag(StressFracture, "Suspected femoral-neck stress fracture", f => f
            .When(Criterion.AnyOf(
                Criterion.AllOf(
                    Criterion.AnyOf(Criterion.AllOf(Groin, WeightBearingPain), Criterion.Present(HopTest)),
                    Criterion.AnyOf(TrainingIncrease, LowEnergyAvailability, PriorStressFracture)),
                Criterion.AllOf(Groin, WeightBearingPain, HopTest)))
            .Urgency(Urgency.Urgent)
            .Action("Stop running; crutches or protected weight bearing; MRI within days; urgent orthopaedic review if the fracture is tension-side, complete or displaced.")
            .Running(RunningRestriction.StopRunning, "No running. Protected weight bearing on crutches until MRI excludes a fracture.")
            .Suspects(FemoralNeckStressFracture.Id)
            .Evidence(Sources.Robertson2017("Facts §7: a runner with groin pain on weight bearing or hopping, especially with a load increase, REDs features or a prior bone stress injury, needs MRI within days.")));

        kb.AddRedFlag(PelvicStressFracture, "Suspected pubic ramus stress fracture", f => f
            .When(Criterion.AnyOf(
                Criterion.AllOf(RunningImpossible, StandingSign, PubicRamusTenderness),
                Criterion.AllOf(
                    Criterion.AnyOf(StandingSign, PubicRamusTenderness),
                    Criterion.AnyOf(TrainingIncrease, LowEnergyAvailability, PriorStressFracture))))
            .Urgency(Urgency.Urgent)
            .Action("Stop running; off-load; MRI or bone scan within days; assess energy availability and bone health.")
            .Running(RunningRestriction.StopRunning, "No running until imaging; then relative rest for 8-12 weeks.")
            .Suspects(PubicRamusStressFracture.Id)
            .Evidence(Sources.Noakes1985("Facts §1.7 and §7: the Noakes triad, or a positive standing test or ramus tenderness in a runner with bone-stress risk factors, is urgent (not emergency).")));

        kb.AddRedFlag(Malignancy, "Night or rest pain with weight loss or a history of cancer", f => f
            .When(Criterion.AnyOf(
                Criterion.AllOf(Criterion.AnyOf(NightPain, ConstantRestPain), Criterion.AnyOf(WeightLoss, CancerHistory)),
                Criterion.AllOf(Criterion.AgeBetween(51, null), Criterion.Present(NoImprovement), Criterion.AnyOf(WeightLoss, CancerHistory))))
            .Urgency(Urgency.Urgent)
            .Action("Urgent imaging and referral on the suspected-cancer pathway.")
            .Running(RunningRestriction.StopRunning, "Stop running until a serious cause is excluded.")
            .Suspects(SeriousPathology.Id)
            .Evidence(Sources.Downie2013("History of malignancy is the best-supported malignancy red flag (post-test probability 33%); the age-over-50 cluster with failure to improve is from Greenhalgh & Selfe 2006 (V-sec); facts §7.")));

        kb.AddRedFlag(CaudaEquina, "Possible cauda equina syndrome", f => f
            .When(Criterion.AnyOf(SaddleAnaesthesia, BladderBowel, ProgressiveWeakness))
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency assessment and MRI of the lumbar spine.")
            .Running(RunningRestriction.StopRunning, "No running; emergency assessment today.")
            .Suspects(LumbarRadicularPain.Id)
            .Evidence(Sources.Nice59("Saddle anaesthesia, new bladder or bowel dysfunction, or bilateral or progressive neurology (NHS GGC red flags, V-sec; facts §1.13 and §7).")));

        kb.AddRedFlag(OsteonecrosisRisk, "Groin pain with painful internal rotation and osteonecrosis risk", f => f
            .When(Criterion.AllOf(
                Criterion.AnyOf(SteroidUse, AlcoholExcess, OsteonecrosisCondition),
                Criterion.Present(Groin),
                Criterion.AnyOf(InternalRotationPain, RangeRestricted)))
            .Urgency(Urgency.Urgent)
            .Action("MRI and urgent orthopaedic referral: joint-preserving treatment is possible only before collapse.")
            .Running(RunningRestriction.StopRunning, "No running; protected weight bearing until MRI.")
            .Suspects(AvascularNecrosis.Id)
            .Evidence(Sources.Osteonecrosis("Facts §7: steroid or alcohol exposure, sickle cell disease or SLE with groin pain and painful internal rotation is urgent (V-sec).")));

        kb.AddRedFlag(AdolescentLimp, "Child or adolescent with a limp", f => f
            .When(Criterion.AllOf(Criterion.AgeBetween(8, 15), Criterion.Present(AntalgicGait)))
            .Urgency(Urgency.Urgent)
            .Action("Same-week bilateral AP and frog-leg radiographs and orthopaedic review for a slipped capital femoral epiphysis; emergency if the child cannot bear weight.")
            .Running(RunningRestriction.StopRunning, "No running until a slipped epiphysis is excluded.")
            .Evidence(Sources.Peck2017("SCFE is the commonest adolescent hip disorder (age 8-15); up to 15% present with knee or thigh pain only (facts §1.17, §7). SCFE is not a cause in this base, so the gate names none.")));
    }
}
