using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class SepticArthritis
{
    public const string Id = "septic-arthritis";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Septic arthritis of the hip (infected joint)", c => c
        .Describe("Bacterial infection of the hip joint: a hot, swollen, very painful hip with restricted movement, often with fever. An emergency: case fatality 11%.")
        .Codes("M00", "324481000119107")
        .Prior(0.002, Sources.Estimate("Rare in healthy runners; no population figure for runners. Estimated at 0.2%; the red-flag gates, not the prior, guard against missing it."))
        .SuspectedUrgency(Urgency.Emergency)
        .Finding(HotSwollenJoint, 5.0, 0.3, Sources.Coakley2006("A short history of a hot, swollen, tender joint with restricted movement is septic until proven otherwise; no likelihood ratio, estimate."))
        .Finding(Fever, 3.0, 0.5, Sources.Estimate("Fever is present in only about half of adults with septic arthritis (Margaretten 2007, V-sec), so its absence rules little out; estimate."))
        .Finding(CannotBearWeight, 3.0, 0.5, Sources.Estimate("Non-weight bearing is one of the Kocher predictors (children; V-sec); estimate for adults."))
        .Finding(HipProsthesis, 3.1, 1.0, Sources.Margaretten2007("H14: hip or knee prosthesis, LR+ 3.1."))
        .Finding(RecentJointSurgery, 6.9, 1.0, Sources.Margaretten2007("H12: recent joint surgery, LR+ 6.9."))
        .Age(81, null, 3.5, 1.0, Sources.Margaretten2007("H13: age over 80, LR+ 3.5."))
        .Treat(EmergencyReferral)
        .Treat(Aspiration)
        .Treat(Opioid, TreatmentLine.SecondLine, "For severe pain while emergency care is arranged.")
        .Avoid(Corticosteroid, "Never inject a joint that may be infected.")
        .Avoid(RunThroughPain)
        .Running(RunningRestriction.StopRunning, "No running or exercise; same-day emergency assessment."));
}
