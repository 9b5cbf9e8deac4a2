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
        .Typical(Buttock)
        .Possible(Groin)
        .Possible(PosteriorThigh)
        .Finding(BetterWithMovement, 1.5, 1.0, Sources.Estimate("Inflammatory sacroiliac pain eases with movement and is worse after rest (facts §1.14: inflammatory features point to sacroiliitis); modest estimate."))
        .Finding(LowerBack, 1.5, 1.0, Sources.Estimate("Pain below L5 accompanies sacroiliac pain in standard teaching (facts §1.14, not sourced); modest estimate."))
        .Composite(
            "sacroiliac-joint-pain/laslett",
            Criterion.AtLeast(3, SiDistraction, SiThighThrust, SiCompression, SiSacralThrust, Gaenslen),
            lPos,
            lNeg,
            Sources.Laslett2003("T51: at least 3 of 5 provocation tests, Sn 0.91, Sp 0.78 against intra-articular block (Laslett 2005, 48 patients: 3 of 6, LR+ 4.27, LR- 0.08). " + lNote),
            "Laslett cluster: at least 3 of 5 sacroiliac provocation tests")
        .Treat(ExamineButtock, note: "Run the five provocation tests; exclude the lumbar spine.")
        .Treat(SpinalExercise, note: "Managed as non-specific low back pain (NICE NG59).")
        .Treat(StayActive)
        .Treat(PelvicTilts)
        .Treat(QuadrupedSeries)
        .Treat(Nsaid, TreatmentLine.SecondLine)
        .Avoid(Prolotherapy, "No evidence for sacroiliac joint pain.")
        .Treat(Posture)
        .Running(RunningRestriction.ReduceLoad, "Keep running at a level that does not provoke buttock pain; shorter, flatter runs while it settles."));
    }
}
