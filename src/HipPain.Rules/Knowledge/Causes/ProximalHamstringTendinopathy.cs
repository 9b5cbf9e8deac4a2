using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class ProximalHamstringTendinopathy
{
    public const string Id = "proximal-hamstring-tendinopathy";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Proximal hamstring tendinopathy", c =>
    {
        c.Describe("Deep lower-buttock pain at the ischial tuberosity, worse sitting and running uphill or accelerating.")
         .Codes("M76.8", null)
         .Prior(0.06, Sources.Estimate("Seen in runners of all distances; no incidence data published (facts §1.9). Estimated at 6%."))
         .Typical(Buttock)
         .Possible(PosteriorThigh)
         .PainMap(Id, Buttock, PosteriorThigh)
         .Finding(Sitting, 2.5, 0.5, Sources.Estimate("Pain with sitting is characteristic (Goom 2016; facts §1.9); no accuracy figure."));

        var (mPos, mNeg, mNote) = Sources.Cap(9.89, 0.12, CapTier.C);
        c.Finding(ModifiedBentKneeStretch, mPos, mNeg, Sources.Cacchio2012("T42: case-control, 46 vs 46 athletes; Sn 0.89, Sp 0.91. " + mNote));

        var (bPos, bNeg, bNote) = Sources.Cap(6.46, 0.18, CapTier.C);
        c.Finding(BentKneeStretch, bPos, bNeg, Sources.Cacchio2012("T41: case-control, 46 vs 46; Sn 0.84, Sp 0.87. The three Cacchio tests are correlated; counting each adds some evidence twice, which the tier C caps limit. " + bNote));

        var (pPos, pNeg, pNote) = Sources.Cap(4.22, 0.29, CapTier.C);
        c.Finding(PuranenOrava, pPos, pNeg, Sources.Cacchio2012("T40: case-control, 46 vs 46; Sn 0.76, Sp 0.82. " + pNote))
         .Treat(TendonLoading)
         .Treat(Shockwave, TreatmentLine.SecondLine, "Radial shockwave: 85% vs 10% responders at 3 months in athletes (Cacchio 2011).")
         .Treat(RelativeRest, TreatmentLine.SecondLine, "From hills and sprints.")
         .Avoid(HamstringStretch, "Stretching compresses the tendon on the ischial tuberosity; avoid early (Goom 2016, expert opinion).")
         .Avoid(Prolotherapy, "No evidence for proximal hamstring tendinopathy.")
         .Treat(StrengthRoutine)
         .Group("proximal-hamstring-tendinopathy/stretch-tests", "Hamstring stretch tests (Cacchio 2012, one case-control study)", g => g
            .Member($"{Id}/{ModifiedBentKneeStretch}")
            .Member($"{Id}/{BentKneeStretch}")
            .Member($"{Id}/{PuranenOrava}"))
         .Derived(IschialTenderness, 0.41, Comparison.IschialTenderness, CapTier.C, Sources.Benazzo2013("Ischial-tuberosity tenderness in 41% of 17 surgically treated athletes with MRI-confirmed PHT (A4-35); a series under 30 patients, so tier C (docs/knowledge-base.md, rule 2; docs/evidence/facts-addendum-23-tenderness.md)."))
         .Derived(DistanceRunner, 0.6, Comparison.DistanceRunner, Sources.Cacchio2012("Mainly middle- and long-distance runners (Fredericson 2005, A4-34); 60% is assumed.").AsEstimate())
         .Derived(DurationOverThreeMonths, 0.8, Comparison.LongDuration, Sources.Benazzo2013("Mean symptom duration 23 months in surgically treated athletes (A4-35); 80% is assumed to have had pain for over 3 months."))
         .Running(RunningRestriction.ReduceLoad, "Keep easy flat running; avoid hills, sprints and long sitting; no aggressive hamstring stretching.");
    });
}
