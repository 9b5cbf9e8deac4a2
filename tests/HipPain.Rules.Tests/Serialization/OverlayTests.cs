using System.Text.Json.Nodes;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

public sealed class OverlayTests
{
    private static readonly KnowledgeBase Base = FixtureBase.Create();

    internal static JsonObject Evidence(string citation = "Clinic audit 2025") =>
        new() { ["citation"] = citation, ["level"] = "cohortStudy", ["status"] = "estimated" };

    internal static JsonObject Overlay(params (string Name, JsonNode Value)[] changes)
    {
        var overlay = new JsonObject { ["formatVersion"] = 1, ["id"] = "clinic", ["version"] = "2025.1" };
        foreach (var (name, value) in changes)
        {
            overlay[name] = value;
        }

        return overlay;
    }

    private static KnowledgeBaseOverlay Read(JsonObject overlay) => OverlayJson.Read(overlay.ToJsonString());

    private static IReadOnlyList<string> Problems(JsonObject overlay)
    {
        Assert.False(Read(overlay).TryApplyTo(Base, out var result, out var problems));
        Assert.Null(result);
        return [.. problems.Select(p => $"{p.Code} at {p.Path}")];
    }

    private static JsonArray Array(params JsonNode[] items) => [.. items];

    [Fact]
    public void ApplyTo_PriorChange_ChangesOnlyThatCauseAndTakesOverlayIdentity()
    {
        var overlay = Read(Overlay(("priors", Array(new JsonObject { ["cause"] = "femoral-neck-stress-fracture", ["prior"] = 0.08, ["priorEvidence"] = Evidence() }))));

        var result = overlay.ApplyTo(Base);

        Assert.Equal(("clinic", "2025.1", "Sample base"), (result.Id, result.Version, result.Title));
        Assert.NotEqual(Base.ContentHash, result.ContentHash);
        Assert.True(result.TryGetCause("femoral-neck-stress-fracture", out var fracture));
        Assert.Equal(0.08, fracture.Prior);
        Assert.Equal("Clinic audit 2025", fracture.PriorEvidence.Citation);
        Assert.True(Base.TryGetCause("femoral-neck-stress-fracture", out var before));
        Assert.Equal(0.02, before.Prior);
        var engine = new TriageEngine(result);
        var baseEngine = new TriageEngine(Base);
        foreach (var patientCase in FixtureBase.Cases())
        {
            var gtps = (engine.Triage(patientCase).Differential.Single(r => r.Cause.Id == "gtps"), baseEngine.Triage(patientCase).Differential.Single(r => r.Cause.Id == "gtps"));
            Assert.Equal(gtps.Item2.LogOdds, gtps.Item1.LogOdds);
            Assert.Equal("clinic", engine.Triage(patientCase).KnowledgeBaseId);
        }
    }

    [Fact]
    public void ApplyTo_EmptyOverlayWithBaseIdentity_SameHash()
    {
        var overlay = OverlayJson.Read("""{ "formatVersion": 1, "id": "sample", "version": "1.0.0" }""");

        Assert.True(overlay.IsEmpty);
        Assert.Equal(Base.ContentHash, overlay.ApplyTo(Base).ContentHash);
    }

    [Fact]
    public void ApplyTo_EmptyOverlayWithOwnIdentity_SameScoresOtherHash()
    {
        var result = Read(Overlay()).ApplyTo(Base);

        Assert.NotEqual(Base.ContentHash, result.ContentHash);
        Assert.Equal(FixtureBase.ScoresOf(Base, FixtureBase.Cases()), FixtureBase.ScoresOf(result, FixtureBase.Cases()));
    }

    [Fact]
    public void ApplyTo_DisableAndOverrideRules_Applied()
    {
        var overlay = Read(Overlay(
            ("disableRules", Array("gtps/sex:female")),
            ("overrideRules", Array(new JsonObject { ["id"] = "gtps/loc.lateral-hip", ["ratio"] = new JsonObject { ["positive"] = 4.5, ["negative"] = 0.1 }, ["evidence"] = Evidence("Clinic validation 2025") }))));

        var result = overlay.ApplyTo(Base);

        var rule = Assert.IsType<CriterionRule>(Assert.Single(result.RulesFor("gtps")));
        Assert.Equal(("gtps/loc.lateral-hip", 4.5, 0.1, "present(loc.lateral-hip)"), (rule.Id, rule.Ratio.Positive, rule.Ratio.Negative, rule.Criterion.ToString()));
        Assert.Equal(2, Base.RulesFor("gtps").Length);
    }

    [Fact]
    public void ApplyTo_Additions_AddFindingTreatmentCauseRuleRecommendationAndRedFlag()
    {
        var overlay = Read(Overlay(
            ("addFindings", Array(new JsonObject { ["id"] = "rf.low-energy", ["name"] = "Low energy availability", ["kind"] = "riskFactor" })),
            ("addTreatments", Array(new JsonObject { ["id"] = "tx.bone-health", ["name"] = "Bone-health screen", ["kind"] = "laboratory", ["evidence"] = Evidence() })),
            ("addCauses", Array(new JsonObject
            {
                ["id"] = "pubic-bone-stress",
                ["name"] = "Pubic bone stress injury",
                ["prior"] = 0.03,
                ["priorEvidence"] = Evidence(),
                ["recommendations"] = Array(new JsonObject { ["treatmentId"] = "tx.mri" }),
            })),
            ("addRules", Array(new JsonObject
            {
                ["id"] = "fnsf/low-energy",
                ["cause"] = "femoral-neck-stress-fracture",
                ["criterion"] = new JsonObject { ["present"] = "rf.low-energy" },
                ["ratio"] = new JsonObject { ["positive"] = 2.0, ["negative"] = 0.9 },
                ["evidence"] = Evidence(),
            })),
            ("addRecommendations", Array(new JsonObject { ["cause"] = "femoral-neck-stress-fracture", ["treatmentId"] = "tx.bone-health", ["line"] = "secondLine" })),
            ("addRedFlags", Array(new JsonObject
            {
                ["id"] = "rf.night-pain",
                ["name"] = "Night pain in a runner",
                ["criterion"] = new JsonObject { ["present"] = "sx.night-pain" },
                ["urgency"] = "urgent",
                ["action"] = "Image within days",
                ["suspects"] = Array("femoral-neck-stress-fracture"),
                ["evidence"] = Evidence(),
            }))));

        var result = overlay.ApplyTo(Base);

        Assert.True(result.TryGetFinding("rf.low-energy", out _));
        Assert.True(result.TryGetTreatment("tx.bone-health", out _));
        Assert.True(result.TryGetCause("pubic-bone-stress", out _));
        Assert.Contains(result.RulesFor("femoral-neck-stress-fracture"), r => r.Id == "fnsf/low-energy");
        Assert.True(result.TryGetCause("femoral-neck-stress-fracture", out var fracture));
        Assert.Equal(("tx.bone-health", TreatmentLine.SecondLine), (fracture.Recommendations[^1].TreatmentId, fracture.Recommendations[^1].Line));
        Assert.Equal(2, result.RedFlags.Length);
    }

    [Fact]
    public void ApplyTo_TextChanges_ChangeDisplayTextOnly()
    {
        var overlay = Read(Overlay(
            ("title", "Endurance clinic"),
            ("causeText", Array(new JsonObject { ["id"] = "gtps", ["name"] = "Lateral hip pain (GTPS)", ["description"] = "Tendon pain at the greater trochanter." })),
            ("findingText", Array(new JsonObject { ["id"] = "exam.hop-pain", ["question"] = "Hop ten times on the painful leg: does it hurt?" })),
            ("treatmentText", Array(new JsonObject { ["id"] = "tx.mri", ["name"] = "Hip MRI (book via the sports clinic)" })),
            ("redFlagText", Array(new JsonObject { ["id"] = "rf.fnsf", ["action"] = "Stop running; call the on-call sports physician" }))));

        var result = overlay.ApplyTo(Base);

        Assert.Equal("Endurance clinic", result.Title);
        Assert.True(result.TryGetCause("gtps", out var gtps));
        Assert.Equal(("Lateral hip pain (GTPS)", "Tendon pain at the greater trochanter."), (gtps.Name, gtps.Description));
        Assert.True(result.TryGetFinding("exam.hop-pain", out var hop));
        Assert.Equal(("Pain on hopping", "Hop ten times on the painful leg: does it hurt?"), (hop.Name, hop.Question));
        Assert.True(result.TryGetTreatment("tx.mri", out var mri));
        Assert.Equal("Hip MRI (book via the sports clinic)", mri.Name);
        Assert.Equal("Stop running; call the on-call sports physician", result.RedFlags[0].Action);
        Assert.Equal(FixtureBase.ScoresOf(Base, FixtureBase.Cases()), FixtureBase.ScoresOf(result, FixtureBase.Cases()));
    }

    [Fact]
    public void ApplyTo_AddingExistingIds_HPK050ForEachKind()
    {
        var problems = Problems(Overlay(
            ("addFindings", Array(new JsonObject { ["id"] = "loc.groin", ["name"] = "Groin", ["kind"] = "painLocation" })),
            ("addTreatments", Array(new JsonObject { ["id"] = "tx.mri", ["name"] = "MRI", ["kind"] = "imaging", ["evidence"] = Evidence() })),
            ("addCauses", Array(new JsonObject { ["id"] = "gtps", ["name"] = "GTPS", ["prior"] = 0.1, ["priorEvidence"] = Evidence(), ["recommendations"] = Array(new JsonObject { ["treatmentId"] = "tx.mri" }) })),
            ("addRules", Array(new JsonObject { ["id"] = "gtps/loc.lateral-hip", ["cause"] = "gtps", ["criterion"] = new JsonObject { ["present"] = "loc.groin" }, ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 }, ["evidence"] = Evidence() })),
            ("addRedFlags", Array(new JsonObject { ["id"] = "rf.fnsf", ["name"] = "Again", ["criterion"] = new JsonObject { ["present"] = "loc.groin" }, ["urgency"] = "urgent", ["action"] = "Act", ["evidence"] = Evidence() }))));

        Assert.Equal(
            ["HPK050 at $.addFindings[0].id", "HPK050 at $.addTreatments[0].id", "HPK050 at $.addCauses[0].id", "HPK050 at $.addRules[0].id", "HPK050 at $.addRedFlags[0].id"],
            problems);
    }

    [Fact]
    public void ApplyTo_MissingTargets_HPK051()
    {
        var problems = Problems(Overlay(
            ("disableRules", Array("gtps/nothing")),
            ("overrideRules", Array(new JsonObject { ["id"] = "gtps/none", ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 }, ["evidence"] = Evidence() })),
            ("priors", Array(new JsonObject { ["cause"] = "no-such-cause", ["prior"] = 0.1, ["priorEvidence"] = Evidence() })),
            ("causeText", Array(new JsonObject { ["id"] = "no-such-cause", ["name"] = "X" }, new JsonObject { ["id"] = "gtps", ["question"] = "?" })),
            ("findingText", Array(new JsonObject { ["id"] = "no.such", ["name"] = "X" })),
            ("treatmentText", Array(new JsonObject { ["id"] = "tx.none", ["name"] = "X" })),
            ("redFlagText", Array(new JsonObject { ["id"] = "rf.none", ["name"] = "X" }))));

        Assert.Equal(
            [
                "HPK051 at $.disableRules[0]", "HPK051 at $.overrideRules[0].id", "HPK051 at $.priors[0].cause",
                "HPK051 at $.causeText[0].id", "HPK051 at $.causeText[1].question", "HPK051 at $.findingText[0].id",
                "HPK051 at $.treatmentText[0].id", "HPK051 at $.redFlagText[0].id",
            ],
            problems);
    }

    [Fact]
    public void ApplyTo_ConflictingChanges_HPK052()
    {
        var prior = new JsonObject { ["cause"] = "gtps", ["prior"] = 0.2, ["priorEvidence"] = Evidence() };
        var problems = Problems(Overlay(
            ("disableRules", Array("gtps/loc.lateral-hip", "gtps/loc.lateral-hip")),
            ("overrideRules", Array(
                new JsonObject { ["id"] = "gtps/loc.lateral-hip", ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 }, ["evidence"] = Evidence() },
                new JsonObject { ["id"] = "gtps/sex:female", ["cause"] = "femoral-neck-stress-fracture", ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 }, ["evidence"] = Evidence() })),
            ("priors", Array(prior, prior.DeepClone())),
            ("causeText", Array(new JsonObject { ["id"] = "gtps", ["name"] = "A" }, new JsonObject { ["id"] = "gtps", ["name"] = "B" }))));

        Assert.Equal(
            ["HPK052 at $.disableRules[1]", "HPK052 at $.overrideRules[0].id", "HPK052 at $.overrideRules[1].cause", "HPK052 at $.priors[1].cause", "HPK052 at $.causeText[1].id"],
            problems);
    }

    [Fact]
    public void ApplyTo_OtherBase_HPK053()
    {
        var problems = Problems(Overlay(("appliesTo", new JsonObject { ["id"] = "hippain-builtin", ["version"] = "2.0.0" })));

        Assert.Equal(["HPK053 at $.appliesTo.id", "HPK053 at $.appliesTo.version"], problems);
    }

    [Fact]
    public void ApplyTo_MatchingBase_AppliesAndCountsAsEmpty()
    {
        var overlay = Read(Overlay(("appliesTo", new JsonObject { ["id"] = "sample", ["version"] = "1.0.0" })));

        Assert.True(overlay.IsEmpty);
        Assert.Equal("clinic", overlay.ApplyTo(Base).Id);
    }

    [Fact]
    public void ApplyTo_DanglingReferences_ReportedAtOverlayPaths()
    {
        var problems = Problems(Overlay(
            ("addRules", Array(
                new JsonObject { ["id"] = "x/1", ["cause"] = "no-such-cause", ["criterion"] = new JsonObject { ["present"] = "loc.groin" }, ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 }, ["evidence"] = Evidence() },
                new JsonObject { ["id"] = "gtps/unknown", ["cause"] = "gtps", ["criterion"] = new JsonObject { ["present"] = "no.such.finding" }, ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 }, ["evidence"] = Evidence() })),
            ("addRecommendations", Array(new JsonObject { ["cause"] = "gtps", ["treatmentId"] = "tx.none" }, new JsonObject { ["cause"] = "nobody", ["treatmentId"] = "tx.mri" })),
            ("addRedFlags", Array(new JsonObject { ["id"] = "rf.new", ["name"] = "New", ["criterion"] = new JsonObject { ["present"] = "loc.groin" }, ["urgency"] = "urgent", ["action"] = "Act", ["suspects"] = Array("nobody"), ["evidence"] = Evidence() }))));

        Assert.Equal(
            ["HPK002 at $.addRules[0].cause", "HPK002 at $.addRecommendations[1].cause", "HPK003 at $.addRules[1].criterion", "HPK008 at $.addRecommendations[0]", "HPK002 at $.addRedFlags[0].suspects[0]"],
            problems);
    }

    [Fact]
    public void ApplyTo_BadPriorChange_HPK005AndHPK009AtOverlayPaths()
    {
        var problems = Problems(Overlay(("priors", Array(
            new JsonObject { ["cause"] = "gtps", ["prior"] = 1.0, ["priorEvidence"] = Evidence() },
            new JsonObject { ["cause"] = "femoral-neck-stress-fracture", ["prior"] = 0.1 }))));

        Assert.Equal(["HPK005 at $.priors[0].prior", "HPK009 at $.priors[1].priorEvidence.citation"], problems);
    }

    [Fact]
    public void ApplyTo_AddedRuleCountsAFindingTwice_HPK010AtOverlayPath()
    {
        var problems = Problems(Overlay(("addRules", Array(new JsonObject
        {
            ["id"] = "gtps/lateral-again",
            ["cause"] = "gtps",
            ["criterion"] = new JsonObject { ["absent"] = "loc.lateral-hip" },
            ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 1 },
            ["evidence"] = Evidence(),
        }))));

        Assert.Equal(["HPK010 at $.addRules[0].criterion"], problems);
    }

    [Fact]
    public void ApplyTo_AddedUrgentCauseWithoutRedFlag_HPK013AtOverlayPath()
    {
        var problems = Problems(Overlay(("addCauses", Array(new JsonObject
        {
            ["id"] = "septic-arthritis",
            ["name"] = "Septic arthritis",
            ["prior"] = 0.001,
            ["priorEvidence"] = Evidence(),
            ["suspectedUrgency"] = "emergency",
            ["recommendations"] = Array(new JsonObject { ["treatmentId"] = "tx.mri" }),
        }))));

        Assert.Equal(["HPK013 at $.addCauses[0].suspectedUrgency"], problems);
    }

    [Fact]
    public void ApplyTo_BlankTextAndMissingIdentity_HPK012()
    {
        var overlay = Overlay(("causeText", Array(new JsonObject { ["id"] = "gtps", ["name"] = " " })));
        overlay.Remove("id");

        Assert.Equal(["HPK012 at $.causeText[0].name", "HPK012 at $.id"], Problems(overlay));
    }

    [Fact]
    public void ApplyTo_MissingAndUnknownValues_HPJ005AndHPJ004()
    {
        var problems = Problems(Overlay(
            ("priors", Array(new JsonObject { ["prior"] = 0.1 })),
            ("overrideRules", Array(new JsonObject { ["id"] = "gtps/loc.lateral-hip", ["evidence"] = Evidence() })),
            ("addRecommendations", Array(new JsonObject { ["cause"] = "gtps", ["treatmentId"] = "tx.mri", ["line"] = "thirdLine" }))));

        Assert.Equal(["HPJ005 at $.overrideRules[0].ratio", "HPJ005 at $.priors[0].cause", "HPJ004 at $.addRecommendations[0].line"], problems);
    }

    [Fact]
    public void ApplyTo_Invalid_ThrowsWithEveryProblem()
    {
        var overlay = Read(Overlay(("disableRules", Array("a", "b"))));

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => overlay.ApplyTo(Base));

        Assert.Equal([ErrorCodes.OverlayTargetNotFound, ErrorCodes.OverlayTargetNotFound], ex.Problems.Select(p => p.Code));
        Assert.StartsWith("The knowledge base 'clinic' is invalid (2 problems):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlayOfUnknownVersion_HPJ002()
    {
        var ex = Assert.Throws<RulesJsonException>(() => OverlayJson.Read("""{ "formatVersion": 7, "id": "x", "version": "1" }"""));

        Assert.Equal(ErrorCodes.JsonUnsupportedFormatVersion, ex.Code);
        Assert.Contains("overlay documents of formatVersion 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Overlay_RoundTrips()
    {
        var overlay = Read(Overlay(("priors", Array(new JsonObject { ["cause"] = "gtps", ["prior"] = 0.25, ["priorEvidence"] = Evidence() }))));

        var copy = OverlayJson.Read(OverlayJson.Write(overlay));

        Assert.Equal(overlay.ApplyTo(Base).ContentHash, copy.ApplyTo(Base).ContentHash);
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, OverlayJson.Write(overlay)));
    }

    [Fact]
    public void ApplyTo_TwoOverlaysInSequence_SecondSeesTheFirst()
    {
        var first = Read(Overlay(("addFindings", Array(new JsonObject { ["id"] = "rf.low-energy", ["name"] = "Low energy availability", ["kind"] = "riskFactor" }))));
        var second = OverlayJson.Read(Overlay(("findingText", Array(new JsonObject { ["id"] = "rf.low-energy", ["question"] = "Missed periods or weight loss?" }))).ToJsonString().Replace("2025.1", "2025.2", StringComparison.Ordinal));

        var result = second.ApplyTo(first.ApplyTo(Base));

        Assert.True(result.TryGetFinding("rf.low-energy", out var finding));
        Assert.Equal("Missed periods or weight loss?", finding.Question);
        Assert.Equal("2025.2", result.Version);
    }

    [Fact]
    public void ApplyTo_NullItems_HPJ005()
    {
        var problems = Problems(Overlay(("disableRules", new JsonArray((JsonNode?)null)), ("addCauses", new JsonArray((JsonNode?)null))));

        Assert.Equal(["HPJ005 at $.disableRules[0]", "HPJ005 at $.addCauses[0]"], problems);
    }
}
