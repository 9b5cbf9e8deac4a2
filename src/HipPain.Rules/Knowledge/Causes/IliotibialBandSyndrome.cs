using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class IliotibialBandSyndrome
{
    public const string Id = "itbs";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Iliotibial band syndrome", c => c
        .Describe("Irritation of the iliotibial band: sharp or burning lateral knee pain, sometimes along the outer thigh to the hip, that starts after a set running distance and is worse downhill.")
        .Codes("M76.3", null)
        .Prior(0.10, Sources.Estimate("7.9% of all running injuries (Kakouris 2021) and 5-14% incidence (van der Worp 2012); among runners whose complaint includes the hip or thigh, estimated at 10%."))
        .Typical(LateralThighToKnee)
        .Typical(Knee, Sources.ItbsLocation("The lateral knee above the joint line is where the syndrome hurts (proximal ITB pain at the hip is uncommon), so the knee is a typical region by the location convention: LR+ 3, LR- 0.3 (facts addendum 36, K1; judged on the ninth batch of published cases). Until 0.14.1 it was weighed as a possible region (LR+ 1.5, LR- 1)."))
        .Possible(LateralHip)
        .PainMap(Id, LateralThighToKnee, Knee, LateralHip)
        .Finding(SetDistanceOnset, 2.5, 0.6, Sources.Estimate("Pain after a set distance (BMJ Best Practice ITBS, V-sec); no accuracy figure."))
        .Finding(Downhill, 2.0, 0.8, Sources.Estimate("Worse running downhill (BMJ Best Practice ITBS, V-sec); no accuracy figure."))
        .Finding(NobleTest, 2.0, 0.7, Sources.Estimate("Noble compression test is a listed key diagnostic factor but has no accuracy study (facts T59, NOT FOUND); modest estimate."))
        .Finding(Ober, 1.5, 0.8, Sources.Estimate("The Ober test is listed as a key diagnostic factor, but no accuracy study exists and Ober measurements differ by only 1.2 degrees in ITBS (facts T59; Noehren 2014); modest estimate."))
        .Finding(IliacCrestTenderness, 2.0, 1.0, Sources.Sher2011("Strain of the iliotibial band at its origin on the iliac tubercle (proximal ITBS) presented with pain and tenderness at the iliac tubercle; 7 of 67 consecutive pelvic MRIs, all women, 4 of them athletes (V7-11). No accuracy figure: a modest estimate; most ITBS is at the knee, so its absence says nothing.").AsEstimate())
        .Finding(TrainingIncrease, 1.3, 1.0, Sources.Estimate("Abrupt increases in distance are a risk factor (BMJ Best Practice ITBS); modest estimate."))
        .Treat(RunningLoadModification)
        .Treat(AbductorStrengthening, note: "22 of 24 runners pain-free after a 6-week programme (Fredericson 2000, case series).", evidence: TreatmentEvidenceByCause.IliotibialAbductorStrengthening)
        .Treat(Corticosteroid, TreatmentLine.SecondLine, "Local injection reduced pain while running at 2 weeks in recent-onset ITBS (Gunter 2004, n=18).", evidence: TreatmentEvidenceByCause.IliotibialInjection)
        .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
        .Treat(Rice, TreatmentLine.SecondLine, "Comfort only.")
        .Treat(Ice, TreatmentLine.SecondLine, "About 10 minutes after runs, for comfort.")
        .Treat(HeelDrop)
        .Avoid(Prolotherapy, "No evidence for ITBS.")
        .Treat(GradualLoad)
        .Treat(Footwear)
        .Derived(DistanceRunner, 0.6, Comparison.DistanceRunner, Sources.Estimate("High weekly mileage and abrupt increases in distance are risk factors (BMJ Best Practice ITBS, V-sec; facts §1.8); 60% is assumed."))
        .Running(RunningRestriction.ReduceLoad, "Run below the distance that provokes pain, on flat routes; avoid downhill and cambered roads until it settles."));
}
