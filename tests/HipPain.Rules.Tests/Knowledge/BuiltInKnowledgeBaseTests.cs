using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Knowledge;

public sealed class BuiltInKnowledgeBaseTests
{
    private static readonly string[] StableCauseIds =
    [
        "gtps", "iliopsoas", "labral-tear", "hip-oa", "femoral-neck-stress-fracture", "itbs",
        "proximal-hamstring-tendinopathy", "muscle-strain", "septic-arthritis",
    ];

    private static readonly string[] RequiredCauseIds =
    [
        "snapping-hip", "fai-syndrome", "pubic-ramus-stress-fracture", "adductor-related-groin-pain",
        "deep-gluteal-syndrome", "lumbar-radicular", "sacroiliac-joint-pain", "avascular-necrosis", "malignancy",
    ];

    private static KnowledgeBase Kb => BuiltInKnowledgeBase.Instance;

    [Fact]
    public void CreateBuilder_BuiltInContent_ValidatesWithoutProblems()
    {
        var problems = BuiltInKnowledgeBase.CreateBuilder().Validate();

        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Version_AfterIssue3_Is020()
    {
        Assert.Equal("0.28.0", BuiltInKnowledgeBase.Version);
        Assert.Equal("0.28.0", Kb.Version);
    }

    [Fact]
    public void Causes_StableAndRequiredIds_AllPresent()
    {
        var ids = Kb.Causes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(StableCauseIds.Concat(RequiredCauseIds), id => Assert.Contains(id, ids));
        Assert.True(Kb.Causes.Length >= 18, $"Expected at least 18 causes, found {Kb.Causes.Length}.");
    }

    [Fact]
    public void Rules_EveryWeight_CitesASourceAndStatus()
    {
        Assert.All(Kb.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Evidence.Citation), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Evidence.Note), $"Rule {rule.Id} needs a note with the fact id or the reasoning.");
        });
        Assert.All(Kb.Causes, cause => Assert.False(string.IsNullOrWhiteSpace(cause.PriorEvidence.Note), $"Prior of {cause.Id} needs its reasoning."));
    }

    [Fact]
    public void Rules_NoteCallsTheFigureAnEstimate_StatusIsEstimated()
    {
        var mislabelled = Kb.Rules
            .Where(r => r.Evidence.Note is { } note && note.Contains("estimate", StringComparison.OrdinalIgnoreCase))
            .Where(r => r.Evidence.Status != VerificationStatus.Estimated)
            .Select(r => r.Id);

        Assert.Empty(mislabelled);
    }

    [Fact]
    public void Rules_EstimatedWeights_AreModest()
    {
        var estimated = Kb.Rules.OfType<CriterionRule>().Where(r => r.Evidence.Status == VerificationStatus.Estimated);

        Assert.All(estimated, rule =>
        {
            Assert.InRange(rule.Ratio.Positive, 0.25, 6.0);
            Assert.InRange(rule.Ratio.Negative, 0.1, 1.5);
        });
    }

    [Fact]
    public void Rules_AllWeights_RespectTheTierACap()
    {
        Assert.All(Kb.Rules.OfType<CriterionRule>(), rule =>
        {
            Assert.True(rule.Ratio.Positive <= 10.0, $"{rule.Id}: LR+ {rule.Ratio.Positive} exceeds the tier A cap.");
            Assert.True(rule.Ratio.Negative >= 0.1, $"{rule.Id}: LR- {rule.Ratio.Negative} is below the tier A floor.");
        });
    }

    [Fact]
    public void Findings_EveryFinding_IsUsedByARuleOrARedFlag()
    {
        var used = Kb.Rules.SelectMany(r => r.FindingIds())
            .Concat(Kb.RedFlags.SelectMany(f => f.Criterion.FindingIds()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Kb.Findings, finding => Assert.Contains(finding.Id, used));
    }

    [Fact]
    public void Findings_SeedHistoryQuestionsAndTests_AreInTheVocabulary()
    {
        string[] required =
        [
            "hx.recent-sports-injury", "sym.swelling", "sym.fever", "tim.better-with-rest", "tim.better-with-movement",
            "hx.gluteal-piriformis", "hx.family-arthritis", "exam.antalgic-gait", "exam.cannot-bear-weight", "exam.rom-restricted",
            "exam.ir-below-15", "exam.single-leg-stance", "exam.gt-tenderness", "exam.resisted-abduction-pain", "exam.fadir",
            "exam.faber", "exam.hop-test", "exam.fulcrum", "exam.ober", "exam.noble", "exam.thomas", "exam.bent-knee-stretch",
            "exam.slr", "exam.si-distraction", "exam.active-piriformis", "exam.adductor-squeeze", "hx.training-increase",
            "rf.low-energy-availability", "rf.prior-stress-fracture", "rf.steroid-use", "rf.alcohol-excess",
        ];

        Assert.All(required, id => Assert.True(Kb.TryGetFinding(id, out _), id));
    }

    [Fact]
    public void Prolotherapy_ForEveryCause_IsMarkedAvoidAndNeverOffered()
    {
        var prolotherapy = Assert.Single(Kb.Treatments, t => t.Id == "tx.prolotherapy");

        Assert.Equal(EvidenceLevel.Insufficient, prolotherapy.Evidence.Level);
        Assert.All(Kb.Causes, cause => Assert.Contains(cause.Recommendations, r => r.TreatmentId == prolotherapy.Id && r.Line == TreatmentLine.Avoid));
        Assert.All(Kb.Causes, cause => Assert.DoesNotContain(cause.Recommendations, r => r.TreatmentId == prolotherapy.Id && r.Line != TreatmentLine.Avoid));
    }

    [Fact]
    public void Causes_UrgentOrEmergency_StopRunningAndNeverRunThrough()
    {
        var critical = Kb.Causes.Where(c => c.SuspectedUrgency >= Urgency.Urgent).ToList();

        Assert.NotEmpty(critical);
        Assert.All(critical, cause =>
        {
            Assert.Equal(RunningRestriction.StopRunning, cause.RunningAdvice.Restriction);
            Assert.Contains(cause.Recommendations, r => r.TreatmentId == "tx.run-through-pain" && r.Line == TreatmentLine.Avoid);
        });
    }

    [Fact]
    public void Opioid_OfferedOnlyForFractureOrInfection()
    {
        string[] allowed = ["femoral-neck-stress-fracture", "pubic-ramus-stress-fracture", "septic-arthritis"];

        var offering = Kb.Causes.Where(c => c.Recommendations.Any(r => r.TreatmentId == "tx.opioid" && r.Line != TreatmentLine.Avoid)).Select(c => c.Id);

        Assert.All(offering, id => Assert.Contains(id, allowed));
    }

    [Fact]
    public void RedFlags_EveryUrgentCause_IsSuspectedByAGate()
    {
        var suspected = Kb.RedFlags.SelectMany(f => f.SuspectedCauseIds).ToHashSet(StringComparer.Ordinal);

        Assert.All(Kb.Causes.Where(c => c.SuspectedUrgency >= Urgency.Urgent), c => Assert.Contains(c.Id, suspected));
    }
}
