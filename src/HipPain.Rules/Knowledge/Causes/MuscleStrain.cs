using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using static HipPain.Rules.Knowledge.Findings;
using static HipPain.Rules.Knowledge.Treatments;

namespace HipPain.Rules.Knowledge.Causes;

internal static class MuscleStrain
{
    public const string Id = "muscle-strain";

    public static void Define(KnowledgeBaseBuilder kb) => kb.AddCause(Id, "Hip flexor or adductor muscle strain", c => c
        .Describe("An acute strain of the adductor longus, iliopsoas or rectus femoris after a sprint, kick or sharp change of direction: medial groin or anterior hip pain.")
        .Codes("S76.2", null)
        .Prior(0.08, Sources.Estimate("Adductor injuries are 66% of acute groin injuries in male athletes (Serner 2015, football-dominated); runners sprint and turn less, so estimated at 8%."))
        .Typical(Groin)
        .Possible(AnteriorThigh)
        .Possible(MedialThigh)
        .PainMap(Id, Groin, AnteriorThigh, MedialThigh)
        .Finding(SuddenOnset, 4.0, 0.3, Sources.Serner2020("Acute onset with kicking, sprinting or change of direction defines the injury (Serner 2015); estimate.").AsEstimate())
        .Derived(AcuteOnset, 0.9, Comparison.AcuteOnset, Sources.Serner2020("Acute groin injuries start at a moment: kicking, sprinting or change of direction (Serner 2015); 90% is assumed to report a sudden onset.").AsEstimate())
        .Derived(GradualOnset, 0.05, Comparison.GradualOnset, Sources.Serner2020("An acute strain does not build up gradually (Serner 2015); 5% is assumed.").AsEstimate())
        .Derived(DurationUnderTwoWeeks, 0.6, Comparison.ShortDuration, Sources.Serner2020("Pain-free in a median 13 days for grade 0-2 injuries (facts §1.10, Serner 2020); most present within 2 weeks, 60% is assumed.").AsEstimate())
        .Derived(DurationOverThreeMonths, 0.05, Comparison.LongDuration, Sources.Serner2020("Even grade 3 adductor injuries are pain-free in a median 55 days (Serner 2020); 5% is assumed to present after more than 3 months.").AsEstimate())
        .Derived(KickingSport, 0.4, Comparison.KickingSport, Sources.SportExposure("Kicking caused 40% of acute groin injuries in football (Serner 2015); 40% is assumed."))
        .Finding(RecentInjury, 1.5, 0.8, Sources.Estimate("A recent sports injury (clinic page history question) makes a strain more likely; modest estimate."))
        .Finding(AdductorTenderness, 1.8, 0.11, Sources.Falvey2016("T55: palpation of the adductor origin, 382 athletes with groin pain, MRI reference."))
        .Finding(ResistedAdductionPain, 2.5, 0.6, Sources.Serner2020("Resisted adduction had a positive predictive value of 80-81% for MRI-positive adductor injury (Serner 2016); not a likelihood ratio, so an estimate.").AsEstimate())
        .Finding(Swelling, 1.5, 1.0, Sources.Estimate("Swelling or bruising can follow an acute strain; modest estimate."))
        .Finding(Bruising, 3.0, 1.0, Sources.MuscleBruising("Base 0.21.0 (facts addendum 49): a bruise after an acute injury is blood from torn muscle or tendon tissue (BR49-2, BR49-4), which none of the other causes produce at presentation, so the top of the ordinary estimate band (LR+ 3); many strains show little or none (Askling's series, BR49-1), so it is not a defining sign, and absent it says nothing (LR- 1). No share or accuracy figure exists. Counted once with swelling, the other sign of the same bleeding."))
        .Finding(ResistedFlexionPain, 1.5, 1.0, Sources.Estimate("Pain on resisted flexion in iliopsoas or rectus femoris strains (Serner 2015); modest estimate."))
        .Finding(PalpableDefect, 5.0, 1.0, Sources.SernerPrognosis("Base 0.19.0 (facts addendum 46): a palpable defect marks a complete tear or an avulsion; it was among the strongest clinical predictors of a long recovery in 81 athletes with acute adductor injuries (AV46-2) and is the examination finding of a proximal hamstring avulsion (Colosimo, AV46-5). No accuracy figure exists, so the estimate band for a defining sign (LR+ 5); absent, it says nothing (LR- 1), because most strains are partial and have no defect. Found by the same palpation as the tenderness of this group, so it counts once with it.").AsEstimate())
        .Finding(MuscleBellyTenderness, 3.0, 1.0, Sources.MuscleBellyTenderness("Base 0.24.0 (facts addendum 52): tenderness along the injured muscle is part of the bedside diagnosis of an acute strain (MB52-1, MB52-2), and a prospective series measured the length of the area painful on palpation in each of its 80 MRI-confirmed hamstring injuries (MB52-3; it gives no share without tenderness); none of the other causes is a lesion of a thigh muscle's belly, so the top of the ordinary estimate band (LR+ 3), as for a bruise; no accuracy figure exists, so not the band of the palpable defect. Absent, it says nothing: the iliopsoas belly cannot be felt, and the adductor origin keeps its own rule (MB52-4)."))
        .Treat(ExamineGroin)
        .Treat(RelativeRest)
        .Treat(Rice, note: "Ice about 10 minutes a few times a day for comfort in the first days.")
        .Treat(CriteriaRehab)
        .Treat(Ice, note: "About 10 minutes a few times a day in the first days.")
        .Treat(HipFlexorStretch, TreatmentLine.SecondLine, "Gentle, once walking is pain-free, as part of rehabilitation.")
        .Treat(HamstringStretch, TreatmentLine.SecondLine, "Gentle, as part of rehabilitation.")
        .Treat(Nsaid, TreatmentLine.SecondLine, evidence: TreatmentEvidenceByCause.SoftTissueNsaid)
        .Avoid(Prolotherapy, "No evidence for acute muscle strain.")
        .Treat(WarmUp)
        .Treat(AdductorSqueezePrevention)
        .Group("muscle-strain/onset", "Onset and duration of an acute injury", g => g
            .Member($"{Id}/{SuddenOnset}")
            .Member($"{Id}/{AcuteOnset}")
            .Member($"{Id}/{GradualOnset}")
            .Member($"{Id}/{RecentInjury}")
            .Member($"{Id}/{DurationUnderTwoWeeks}")
            .Member($"{Id}/{DurationOverThreeMonths}"))
        .Group("muscle-strain/bleeding", "Swelling or bruising after the injury", g => g
            .Member($"{Id}/{Swelling}")
            .Member($"{Id}/{Bruising}"))
        .Group("muscle-strain/resisted-tests", "Palpation and resisted tests of the injured muscle", g => g
            .Member($"{Id}/{AdductorTenderness}")
            .Member($"{Id}/{ResistedAdductionPain}")
            .Member($"{Id}/{ResistedFlexionPain}")
            .Member($"{Id}/{PalpableDefect}")
            .Member($"{Id}/{MuscleBellyTenderness}"))
        .Running(RunningRestriction.RelativeRest, "Pause running and sprinting until walking and resisted testing are pain-free; then return progressively."));
}
