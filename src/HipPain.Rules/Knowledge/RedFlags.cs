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
    public const string StressFracture = "rf.femoral-neck-stress-fracture";
    public const string Malignancy = "rf.malignancy";

    public static void Define(KnowledgeBaseBuilder kb)
    {
        kb.AddRedFlag(InfectionSigns, "Fever or a hot, swollen hip", f => f
            .When(Criterion.AnyOf(Fever, HotSwollenJoint))
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency department or orthopaedics: aspirate the joint before antibiotics; blood cultures.")
            .Running(RunningRestriction.StopRunning, "No running or exercise; same-day emergency assessment.")
            .Suspects(SepticArthritis.Id)
            .Evidence(Sources.Coakley2006("Facts §7: fever or systemic illness with an acutely painful hip, or a hot swollen joint, is an emergency.")));

        kb.AddRedFlag(CannotBearWeightFlag, "Unable to bear weight", f => f
            .When(Criterion.Present(CannotBearWeight))
            .Urgency(Urgency.Emergency)
            .Action("Same-day emergency assessment: radiographs to exclude a fracture (including a displaced femoral-neck stress fracture) or dislocation; consider infection.")
            .Running(RunningRestriction.StopRunning, "No running; non-weight bearing until assessed today.")
            .Suspects(FemoralNeckStressFracture.Id, SepticArthritis.Id)
            .Evidence(new Evidence("NHS Gloucestershire hip pathway; Robertson & Wood 2017 (facts §7)", EvidenceLevel.Guideline, VerificationStatus.VerifiedSecondary)));

        kb.AddRedFlag(StressFracture, "Suspected femoral-neck stress fracture", f => f
            .When(Criterion.AllOf(
                Criterion.AnyOf(Criterion.AllOf(Groin, WeightBearingPain), Criterion.Present(HopTest)),
                Criterion.AnyOf(TrainingIncrease, LowEnergyAvailability, PriorStressFracture)))
            .Urgency(Urgency.Urgent)
            .Action("Stop running; crutches or protected weight bearing; MRI within days; urgent orthopaedic review if the fracture is tension-side, complete or displaced.")
            .Running(RunningRestriction.StopRunning, "No running. Protected weight bearing on crutches until MRI excludes a fracture.")
            .Suspects(FemoralNeckStressFracture.Id)
            .Evidence(Sources.Robertson2017("Facts §7: a runner with groin pain on weight bearing or hopping and a load increase or REDs features needs MRI within days.")));

        kb.AddRedFlag(Malignancy, "Night pain with weight loss or a history of cancer", f => f
            .When(Criterion.AllOf(Criterion.Present(NightPain), Criterion.AnyOf(WeightLoss, CancerHistory)))
            .Urgency(Urgency.Urgent)
            .Action("Urgent imaging and referral on the suspected-cancer pathway.")
            .Running(RunningRestriction.StopRunning, "Stop running until a serious cause is excluded.")
            .Evidence(Sources.Downie2013("History of malignancy is the best-supported malignancy red flag (post-test probability 33%); facts §7.")));
    }
}
