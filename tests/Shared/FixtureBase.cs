using System.Globalization;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.TestKit;

/// <summary>
/// The one small hand-written knowledge base the test projects share: two causes with the built-in base's ids
/// (a common one, <c>gtps</c>, and a can't-miss one, <c>femoral-neck-stress-fracture</c>), five findings, three
/// treatments, a composite and an age rule, a sex rule, an avoided treatment and one red flag. Tests that need a
/// base shaped for one behaviour still build their own; every test that only needs "a small valid base" uses this.
/// </summary>
internal static class FixtureBase
{
    /// <summary>The evidence every item of the fixture cites.</summary>
    public static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>A 40-year-old woman with lateral hip pain: the common cause leads and no red flag fires.</summary>
    public static PatientCase LateralHip { get; } = PatientCase.Create(40, Sex.Female, Observation.Present("loc.lateral-hip"));

    /// <summary>The fixture, built.</summary>
    /// <param name="id">The base's id, so that tests can tell two bases apart.</param>
    /// <param name="gtpsPrior">The common cause's prior, so that tests can tell two versions' results apart.</param>
    public static KnowledgeBase Create(string id = "sample", double gtpsPrior = 0.3) => Builder(id, gtpsPrior).Build();

    /// <summary>The fixture's builder, for tests that add to it or break it.</summary>
    /// <param name="id">The base's id.</param>
    /// <param name="gtpsPrior">The common cause's prior.</param>
    public static KnowledgeBaseBuilder Builder(string id = "sample", double gtpsPrior = 0.3) => new KnowledgeBaseBuilder(id, "1.0.0", "Sample base")
        .AddFinding("loc.lateral-hip", "Lateral hip pain", FindingKind.PainLocation, BodyRegion.LateralHip)
        .AddFinding("loc.groin", "Groin pain", FindingKind.PainLocation, BodyRegion.GroinAnteriorHip)
        .AddFinding("exam.hop-pain", "Pain on hopping", FindingKind.Examination, question: "Does hopping on the leg hurt?")
        .AddFinding("hx.mileage-increase", "Recent mileage increase", FindingKind.History)
        .AddFinding("sx.night-pain", "Night pain", FindingKind.Timing)
        .AddTreatment("tx.education", "Load-management education", TreatmentKind.SelfCare, Source)
        .AddTreatment("tx.mri", "MRI of the hip", TreatmentKind.Imaging, Source)
        .AddTreatment("tx.crutches", "Crutches", TreatmentKind.SelfCare, Source)
        .AddCause("gtps", "Greater trochanteric pain syndrome", c => c
            .Prior(gtpsPrior, Source)
            .Finding("loc.lateral-hip", 3.0, 0.2, Source)
            .Sex(Sex.Female, 1.5, 0.7, Source)
            .Treat("tx.education"))
        .AddCause("femoral-neck-stress-fracture", "Femoral neck stress fracture", c => c
            .Prior(0.02, Source)
            .SuspectedUrgency(Urgency.Urgent)
            .Composite("fnsf/hop-and-mileage", Criterion.AllOf(Criterion.Present("exam.hop-pain"), Criterion.AnyOf("hx.mileage-increase", "sx.night-pain")), 6.0, 0.3, Source, "Hop pain with a load change or night pain")
            .Finding("loc.groin", 2.0, 0.5, Source)
            .Age(15, 40, 1.4, 0.8, Source)
            .Treat("tx.mri")
            .Treat("tx.crutches", TreatmentLine.SecondLine, "until imaging")
            .Avoid("tx.education"))
        .AddRedFlag("rf.fnsf", "Possible femoral neck stress fracture", r => r
            .When(Criterion.AllOf("exam.hop-pain", "loc.groin"))
            .Urgency(Urgency.Urgent)
            .Action("Stop running; MRI within days")
            .Suspect("femoral-neck-stress-fracture")
            .Evidence(Source));

    /// <summary>Four cases against the fixture: lateral pain, a fired red flag, a partly answered composite, and no finding.</summary>
    public static IEnumerable<PatientCase> Cases()
    {
        yield return PatientCase.Create(34, Sex.Female, Observation.Present("loc.lateral-hip"));
        yield return PatientCase.Create(22, Sex.Male, Observation.Present("exam.hop-pain"), Observation.Present("loc.groin"), Observation.Absent("loc.lateral-hip"));
        yield return PatientCase.Create(null, Sex.Unspecified, Observation.Present("hx.mileage-increase"), Observation.Absent("sx.night-pain"));
        yield return PatientCase.Create(60, Sex.Female);
    }

    /// <summary>Every score of a result, as text: equal text means equal ranking, odds, urgency and plan heads.</summary>
    public static string Scores(TriageResult result) =>
        string.Join("\n", result.Differential.Select(r => FormattableString.Invariant($"{r.Rank} {r.Cause.Id} {r.LogOdds:R} {r.Probability:R} {r.Share:R} [{string.Join(",", r.Contributions.Select(c => c.Rule.Id + "=" + c.LogFactor.ToString("R", CultureInfo.InvariantCulture)))}]")))
        + $"\nurgency {result.Urgency}; flags {string.Join(",", result.RedFlags.Select(f => f.RedFlag.Id + ":" + f.Status))}"
        + $"\nplan {string.Join(",", result.Plan.Workup.Concat(result.Plan.Treatments).Concat(result.Plan.Deferred).Concat(result.Plan.Avoid).Select(p => p.Treatment.Id))}";

    /// <summary>The scores of every case against a base, one block per case.</summary>
    public static string ScoresOf(KnowledgeBase knowledgeBase, IEnumerable<PatientCase> cases)
    {
        var engine = new TriageEngine(knowledgeBase);
        return string.Join("\n--\n", cases.Select(c => Scores(engine.Triage(c))));
    }
}
