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
        .Finding(HotSwollenJoint, 5.0, 0.3, Sources.Coakley2006("A short history of a hot, swollen, tender joint with restricted movement is septic until proven otherwise; no likelihood ratio, estimate.").AsEstimate())
        .Composite(
            "septic-arthritis/kocher",
            Criterion.AtLeast(2, CannotBearWeight, Fever, EsrOver40, WhiteCellsOver12),
            5.0,
            0.3,
            Sources.Kocher1999("Kocher predictors (non-weight bearing, fever, ESR > 40 mm/h, white cells > 12,000): probability of septic arthritis 3% with 1 and 40% with 2 in children (V-sec; an odds ratio of about 21 between them). Derived in children, and fever is present in only about half of adults (Margaretten 2007), so a capped estimate for 2 or more: LR+ 5, LR- 0.3."),
            "Kocher-style criteria: at least 2 of non-weight bearing, fever, ESR > 40, white cells > 12,000")
        .Finding(Swelling, 2.0, 0.7, Sources.Coakley2006("A swollen joint is part of the presentation; the patient's report is weaker than the examination finding, so a modest estimate.").AsEstimate())
        .Typical(Groin)
        .Possible(LateralHip)
        .Possible(AnteriorThigh)
        .Finding(HipProsthesis, 3.1, 1.0, Sources.Margaretten2007("H14: hip or knee prosthesis, LR+ 3.1."))
        .Finding(RecentJointSurgery, 6.9, 1.0, Sources.Margaretten2007("H12: recent joint surgery, LR+ 6.9."))
        .Age(81, null, 3.5, 1.0, Sources.Margaretten2007("H13: age over 80, LR+ 3.5."))
        .Treat(EmergencyReferral)
        .Treat(Aspiration)
        .Treat(Opioid, TreatmentLine.SecondLine, "For severe pain while emergency care is arranged.")
        .Avoid(Corticosteroid, "Never inject a joint that may be infected.")
        .Avoid(RunThroughPain)
        .Avoid(Prolotherapy, "Never inject a joint that may be infected.")
        .Running(RunningRestriction.StopRunning, "No running or exercise; same-day emergency assessment."));
}
