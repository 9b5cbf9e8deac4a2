using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class LumbarRadicularPain
{
    public const string Id = "lumbar-radicular";

    /// <summary>The prior, also read by the rule that moves it to a published share (facts addendum 55, rule R2).</summary>
    internal const double Prior = 0.06;

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Lumbar radicular or referred spinal pain", c => c
        .Describe("Pain felt in the buttock and leg but arising in the lumbar spine: a compressed or irritated nerve root (sciatica, often below the knee in a dermatome) or pain referred from spinal structures. Cauda equina features are an emergency.")
        .Codes("M54.1", "23056005")
        .Prior(Prior, Sources.Estimate("The lumbar spine is a competing cause to exclude before hip-related pain (Zurich 2018); no figure for runners. Estimated at 6%."))
        .Typical(Buttock)
        .Typical(PosteriorThigh)
        .Possible(AnteriorThigh)
        .Located(Groin, 0.04, 0.478, 0.25, 1.5, CapTier.A, "LO11-29, LO11-30", Sources.RadicularGroinSeries("Groin pain in 21 of 512 patients with a lower lumbar disc herniation (4.1%) and 8 of 210 operated patients with single-level radiculopathy (3.8%); LR+ 0.08 held to the estimate bound 0.25, LR- 1.84 to 1.5. Until 0.13.0 the groin was a blank region of the matrix (1/3, 1)."))
        .PainMap(Id, Buttock, PosteriorThigh, AnteriorThigh, Groin)
        .Finding(LowerBack, 2.0, 0.6, Sources.Estimate("Back pain accompanies radicular pain variably (facts §1.13); not in the location matrix, so an estimate."))
        .Finding(LegPainBelowKnee, 3.0, 0.4, Sources.Estimate("Dermatomal pain below the knee is standard teaching for sciatica (facts §1.19 marks it as not traced to a source); estimate."))
        .Finding(StraightLegRaise, 1.28, 0.29, Sources.VanDerWindt2010("T47: straight leg raise, Sn 0.92, Sp 0.28 (Cochrane, surgical populations); within the tier A caps."))
        .Finding(CrossedStraightLegRaise, 2.8, 0.8, Sources.VanDerWindt2010("T48: crossed straight leg raise, Sn 0.28, Sp 0.90; within the tier A caps."))
        .Finding(Slump, 2.8, 0.28, Sources.SlumpKigali("V7-1: slump test against MRI for disc herniation, Sn 0.80, Sp 0.71 in 33 patients with low-back or leg pain referred for MRI (cross-sectional): LR+ 2.8, LR- 0.28, within the tier B caps. The case-control figures of Majlesi 2008 (Sn 0.84, Sp 0.83-0.89, V7-2) would be capped to 4 / 0.25 at tier C; a 99-patient secondary-care cohort found a specificity of 0.36-0.38 (V7-3), so the cross-sectional figure is used. One nerve-root tension sign with the straight leg raises."))
        .Finding(FemoralNerveStretch, 4.0, 1.0, Sources.Suri2011("V7-4: femoral stretch test for midlumbar (L2-L4) nerve-root impingement on MRI, LR+ infinite (no false positive) in 54 patients with radicular pain under 12 weeks; a specificity of 100% is capped to 4 (tier C). It tests only the upper lumbar roots, while most radicular pain is L5 or S1, so a negative test moves nothing (LR- 1, the maintainers' choice).").AsEstimate())
        .Finding(NeurologicalDeficit, 2.0, 0.7, Sources.Iversen2013("T49: no single neurological test reached LR+ 4 or LR- 0.4 (116 patients); a modest estimate inside those bounds."))
        .Finding(Paraesthesia, 2.0, 0.7, Sources.Estimate("Numbness or pins and needles suggest nerve-root involvement; no figure, modest estimate."))
        .Derived(BurningPain, 0.57, Comparison.BurningPain, Sources.Neuropathic("57% of patients with radiculopathy screened positive for neuropathic pain (Yamashita 2014, A4-44); severe painful attacks are typical of radiculopathy (Mahn 2011, A4-46)."))
        .Finding(HipProsthesis, Sources.FromShareInSetting(0.146, Prior), 1.0, Sources.Hulin2025("Referred pain from the lumbar spine was the diagnosis in 14.6% of 388 painful hip arthroplasties (PA55-1). Facts addendum 55, rule R2: the ratio moves the prior to that share, LR+ = (0.146 / 0.854) / (prior / (1 - prior)), an estimate because the review's setting (patients referred with persistent pain after an arthroplasty) is not a runners' clinic. Absent says nothing."))
        .Treat(ExamineButtock, note: "Screen for cauda equina, cancer, infection, trauma and inflammatory disease (NICE NG59).")
        .Treat(StayActive)
        .Treat(SpinalExercise)
        .Treat(PelvicTilts)
        .Treat(Nsaid, TreatmentLine.SecondLine, "Lowest dose, shortest time; limited evidence for sciatica (NICE NG59).", evidence: TreatmentEvidenceByCause.SciaticaNsaid)
        .Treat(SpecialistSpinalImaging, TreatmentLine.SecondLine)
        .Avoid(NeuropathicDrugs, "NICE NG59: do not offer gabapentinoids, other antiepileptics, oral corticosteroids or benzodiazepines for sciatica.")
        .Avoid(Opioid, "NICE NG59: no opioids for chronic sciatica.")
        .Avoid(Prolotherapy, "No evidence for radicular pain.")
        .Treat(Posture)
        .Group("lumbar-radicular/radicular-symptoms", "Radicular symptoms", g => g
            .Member($"{Id}/{LegPainBelowKnee}")
            .Member($"{Id}/{Paraesthesia}")
            .Member($"{Id}/{BurningPain}"))
        .Group("lumbar-radicular/nerve-root-signs", "Nerve-root tension and neurological signs", g => g
            .Member($"{Id}/{StraightLegRaise}")
            .Member($"{Id}/{CrossedStraightLegRaise}")
            .Member($"{Id}/{Slump}")
            .Member($"{Id}/{FemoralNerveStretch}")
            .Member($"{Id}/{NeurologicalDeficit}"))
        .Running(RunningRestriction.ReduceLoad, "Staying active helps; run at a level that does not spread pain further down the leg. Stop and seek same-day care if saddle numbness, bladder or bowel change, or leg weakness appear."));
}
