using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class IliopsoasBursitis
{
    public const string Id = "iliopsoas";

    /// <summary>The prior, also read by the rule that moves it to a published share (facts addendum 55, rule R2).</summary>
    internal const double Prior = 0.08;

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Iliopsoas bursitis or tendinopathy", c => c
        .Describe("Anterior hip and groin pain from the iliopsoas tendon or bursa, sometimes radiating to the front of the thigh or knee; may snap when the flexed hip straightens.")
        .Codes("M76.1", "281352004")
        .Prior(Prior, Sources.Estimate("Iliopsoas-related pain was the primary entity in 36% of 207 athletes with long-standing groin pain (Hölmich 2007); groin pain is one presentation among several in runners, so estimated at 8%."))
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(Knee)
        .PainMap(Id, Groin, AnteriorThigh, Knee)
        .Finding(IliopsoasTenderness, 3.0, 0.3, Sources.Holmich2007("Defining criterion of iliopsoas-related groin pain (Doha); no accuracy study (facts T60, NOT FOUND), so the maintainers' estimate.").AsEstimate())
        .Finding(ResistedFlexionPain, 2.0, 0.6, Sources.Holmich2007("Makes iliopsoas-related pain more likely (Doha); no accuracy study (T60), estimate.").AsEstimate())
        .Finding(Snapping, 3.0, 1.0, Sources.Holmich2007("Painful snap on extending the flexed hip (internal snapping); qualitative criterion, estimate.").AsEstimate())
        .Finding(PalpableMass, 2.0, 1.0, Sources.IliopsoasMass("A distended iliopsoas bursa is occasionally felt as a mass below the inguinal ligament, lateral to the femoral vessels, and may present as a groin or pelvic mass (V7-9); the classic triad with a mass is not sensitive for early disease. No frequency: a modest estimate, and its absence says nothing.").AsEstimate())
        .Finding(Thomas, 1.5, 1.0, Sources.Holmich2007("Pain on hip-flexor stretch makes iliopsoas-related pain more likely (Doha); the Thomas test has no accuracy study (T60, NOT FOUND), modest estimate.").AsEstimate())
        .Finding(HipProsthesis, Sources.FromShareInSetting(0.21, Prior), 1.0, Sources.Hulin2025("Iliopsoas impingement was the diagnosis in 21% of 388 painful hip arthroplasties (PA55-1). Facts addendum 55, rule R2: the ratio moves the prior to that share, LR+ = (0.21 / 0.79) / (prior / (1 - prior)), an estimate because the review's setting (patients referred with persistent pain after an arthroplasty) is not a runners' clinic. Absent says nothing."))
        .Treat(ExamineGroin)
        .Treat(RelativeRest)
        .Treat(HipFlexorProgramme)
        .Treat(HipFlexorStretch)
        .Treat(PelvicTilts)
        .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
        .Treat(Corticosteroid, TreatmentLine.SecondLine, "Ultrasound-guided iliopsoas bursa injection when conservative care fails.", evidence: TreatmentEvidenceByCause.IliopsoasInjection)
        .Avoid(Prolotherapy, "No evidence for iliopsoas bursitis or tendinopathy.")
        .Treat(WarmUp)
        .Treat(GradualLoad)
        .Derived(RisingFromSitting, 0.5, Comparison.RisingFromSitting, Sources.Holmich2007("Pain rising after prolonged sitting, putting on socks and shoes, and on stairs are listed features of iliopsoas tendinopathy (eMedicine 90993, A4-32, V-sec); half of patients is assumed.").AsEstimate())
        .Derived(DurationOverThreeMonths, 0.8, Comparison.LongDuration, Sources.Holmich2007("An average of 32-41 months from onset to diagnosis (eMedicine 90993, A4-32, V-sec); 80% is assumed to have had pain for over 3 months.").AsEstimate())
        .Group("iliopsoas/doha-signs", "Iliopsoas tenderness, resisted flexion and stretch (Doha definition)", g => g
            .Member($"{Id}/{IliopsoasTenderness}")
            .Member($"{Id}/{ResistedFlexionPain}")
            .Member($"{Id}/{Thomas}"))
        .Running(RunningRestriction.ReduceLoad, "Reduce speed work and hills; keep easy running that does not provoke groin pain."));
}
