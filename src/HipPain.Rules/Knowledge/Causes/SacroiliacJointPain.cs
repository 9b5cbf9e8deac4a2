using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class SacroiliacJointPain
{
    public const string Id = "sacroiliac-joint-pain";

    public static void Define(KnowledgeBaseBuilder kb)
    {
        var (lPos, lNeg, lNote) = Sources.Cap(4.16, 0.12, CapTier.B);
        kb.AddCause(Id, "Sacroiliac joint pain", c => c
        .Describe("Pain from the sacroiliac joint, felt in the buttock and posterior pelvis, sometimes the groin or back of the thigh. Diagnosed clinically with a cluster of provocation tests; all negative makes it unlikely.")
        .Codes("M53.3", "202805003")
        .Prior(0.05, Sources.Estimate("No figure for runners; the joint is a recognised source of buttock pain (Laslett 2005 studied it as a low-back-pain source). Estimated at 5%."))
        .Located(Buttock, 0.94, 0.329, 2.86, 0.15, CapTier.B, "LO11-22", Sources.Slipman2000("Buttock pain in 47 of 50 patients with injection-confirmed sacroiliac joint pain (94%)."))
        .Located(Groin, 0.29, 0.462, 0.63, 1.32, CapTier.B, "LO11-24, LO11-25", Sources.SacroiliacGroinSeries("Groin pain in 7 of 50 after an intra-articular block (14%) and 22 of 50 after a periarticular block (44%); both block-confirmed, pooled to 29 of 100. Until 0.13.0 the rule was derived from an assumed 30% against an estimated 50% (0.6 / 1.4)."))
        .Possible(PosteriorThigh)
        .PainMap(Id, Buttock, PosteriorThigh, Groin)
        .Finding(BetterWithMovement, 1.5, 1.0, Sources.Estimate("Inflammatory sacroiliac pain eases with movement and is worse after rest (facts §1.14: inflammatory features point to sacroiliitis); modest estimate."))
        .Derived(LowerBack, 0.72, 0.25, Sources.Slipman2000("Lower lumbar pain in 72% of 50 patients with injection-confirmed sacroiliac joint pain (A4-6); low back pain is estimated at 25% among runners whose hip pain has another cause (hip-joint pain: 0% lower lumbar, Lesher 2008, A4-1)."))
        .Derived(FallOrTrauma, 0.39, 0.105, Sources.Chou2004("A motor-vehicle accident, fall onto the buttock, tackle or pelvic fracture began the pain in 21 of 54 injection-proven patients (13, 6, 1 and 1; 3 more began postpartum; addendum 15, HX15-1). Compared with the prior-weighted share in the other 17 causes (0.105: deep gluteal syndrome's 0.25 (Park 2016), labral tear's 0.09 (Burnett 2006), osteonecrosis's 0.157 (CONFHD), the rest at an estimated 0.10; addendum 15, rule H3)."))
        .Derived(PregnancyPostpartum, 3.0 / 54, 0.02, CapTier.C, Sources.Chou2004("The pain began immediately postpartum in 3 of 54 injection-proven patients, counted by the authors among the inciting events beside the falls and accidents (facts addendum 44, PG44-1, P1); onset rather than a presentation within 6 months, over men and women. Pelvic girdle pain affects a fifth to nearly half of pregnant women (Vleeming 2008; Wu 2004; Ceprnja 2021: 44% of 780 on examination; PG44-4 to PG44-6). Compared with an estimated 2% of runners with other hip pain who are pregnant or within 6 months of a birth. One question with the fall or trauma rule (what began the pain), so counted once with it."))
        .Finding(SacroiliacTenderness, 1.3, 0.9, Sources.Slipman2000("Tenderness over the joint is part of the examination, but no history item or single test had worthwhile value against blocks (Dreyfuss 1996, A4-10); a modest estimate.").AsEstimate())
        .Composite(
            "sacroiliac-joint-pain/laslett",
            Criterion.AtLeast(3, SiDistraction, SiThighThrust, SiCompression, SiSacralThrust, Gaenslen),
            lPos,
            lNeg,
            Sources.Laslett2003("T51: at least 3 of 5 provocation tests, Sn 0.91, Sp 0.78 against intra-articular block (Laslett 2005, 48 patients: 3 of 6, LR+ 4.27, LR- 0.08). " + lNote),
            "Laslett cluster: at least 3 of 5 sacroiliac provocation tests")
        .Group("sacroiliac-joint-pain/inciting-event", "What began the pain (a fall or blow, a pregnancy or birth)", g => g
            .Member($"{Id}/{FallOrTrauma}")
            .Member($"{Id}/{PregnancyPostpartum}"))
        .Treat(ExamineButtock, note: "Run the five provocation tests; exclude the lumbar spine.")
        .Treat(SpinalExercise, note: "Managed as non-specific low back pain (NICE NG59).")
        .Treat(StayActive)
        .Treat(PelvicTilts)
        .Treat(QuadrupedSeries)
        .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.LowBackPainNsaid)
        .Avoid(Prolotherapy, "No evidence for sacroiliac joint pain.")
        .Treat(Posture)
        .Running(RunningRestriction.ReduceLoad, "Keep running at a level that does not provoke buttock pain; shorter, flatter runs while it settles."));
    }
}
