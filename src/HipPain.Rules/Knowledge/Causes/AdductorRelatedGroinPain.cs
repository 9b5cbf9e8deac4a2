using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class AdductorRelatedGroinPain
{
    public const string Id = "adductor-related-groin-pain";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Adductor-related groin pain (Doha classification)", c => c
        .Describe("Long-standing medial groin pain at the adductor origin, defined by the Doha agreement as adductor tenderness with pain on resisted adduction. Usually gradual, in sports with kicking and turning; runners meet it less often than footballers.")
        .Codes("S76.2", null)
        .Prior(0.06, Sources.Estimate("Adductor-related pain was the primary entity in 58% of 207 athletes with long-standing groin pain (Hölmich 2007; 66% footballers, 18% runners) and 14.7% in 382 male athletes (Falvey 2016). Runners kick and turn less, so estimated at 6% of runners with hip pain."))
        .Typical(Groin)
        .Typical(MedialThigh)
        .Possible(AnteriorThigh)
        .PainMap(Id, Groin, MedialThigh, AnteriorThigh)
        .Composite(
            "adductor-related-groin-pain/doha",
            Criterion.AllOf(AdductorTenderness, ResistedAdductionPain),
            3.0,
            0.3,
            Sources.Doha2015("Doha definition: adductor tenderness and pain on resisted adduction. A defining criterion without an accuracy study (facts T60 family); the single palpation figure of Falvey 2016 (T55: LR+ 1.8, LR- 0.11) bounds it. Documented estimate LR+ 3, LR- 0.3."),
            "Doha adductor-related: adductor tenderness and pain on resisted adduction")
        .Finding(AdductorTenderness, 1.8, 0.11, Sources.Falvey2016("T55: palpation of the adductor origin for an MRI adductor injury (sensitivity 0.946, specificity 0.475) in 382 consecutive male athletes with athletic groin pain, median 36 weeks in pain: long-standing groin pain, the Doha entity's population (facts addendum 30). Within the tier A caps; used as published."))
        .Finding(AdductorSqueeze, 1.5, 0.7, Sources.Estimate("The squeeze test does not discriminate pubic aponeurosis injury (Falvey 2016, T56: LR+ 0.92); no adductor-specific figure, so a modest estimate."))
        .Finding(SuddenOnset, 0.5, 1.3, Sources.Estimate("A sudden onset points to an acute strain rather than long-standing adductor-related pain (Serner 2015 vs Hölmich 2007 definitions); estimate."))
        .Derived(KickingSport, 0.79, 0.49, CapTier.A, Sources.Holmich2007("Footballers were about 94 of the 120 athletes whose primary entity was adductor-related (79%) and about 42 of the 87 with another primary entity (49%) among 207 athletes with long-standing groin pain (66% footballers; adductor-related 58% of all, 69% of footballers; computed, addendum 15, HX15-5). The comparison is the same clinic's other groin pain (addendum 15, rule H4), not the base's 20%; other kicking sports are in neither share."))
        .Derived(DurationOverThreeMonths, 0.8, Comparison.LongDuration, Sources.Holmich2007("Long-standing groin pain by definition in the Hölmich series; 80% is assumed to have had pain for over 3 months.").AsEstimate())
        .Sex(Sex.Male, 1.3, 0.7, Sources.Estimate("The cohorts are almost all male athletes (Hölmich 2007; Falvey 2016); no ratio published, modest estimate."))
        .Treat(ExamineGroin, note: "Palpate the adductor origin and test resisted adduction; exclude hip-related, inguinal and pubic causes (Doha).")
        .Treat(AdductorTraining, note: "Active training beat passive physiotherapy: 23 vs 4 back to sport pain-free (Hölmich 1999).")
        .Treat(AdductorSqueezeExercise)
        .Treat(LungesMedicineBall)
        .Treat(RelativeRest, TreatmentLine.SecondLine, "From kicking, sprinting and sharp turns while pain settles.")
        .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
        .Avoid(PassiveModalities, "Passive treatment alone did worse than active training (Hölmich 1999).")
        .Avoid(Prolotherapy, "No evidence for adductor-related groin pain.")
        .Treat(WarmUp)
        .Treat(AdductorSqueezePrevention)
        .Group("adductor-related-groin-pain/adductor-tests", "Adductor tests (Doha definition, palpation of the adductor origin and squeeze)", g => g
            .Member($"{Id}/doha")
            .Member($"{Id}/{AdductorTenderness}")
            .Member($"{Id}/{AdductorSqueeze}"))
        .Running(RunningRestriction.ReduceLoad, "Keep straight-line easy running that does not provoke groin pain; leave out sprints, hills and change-of-direction drills for now."));
}
