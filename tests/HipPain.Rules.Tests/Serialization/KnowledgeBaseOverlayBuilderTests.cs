using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>Issue 15 item 4: overlays written in C# are the JSON overlay's operations, applied by the same applier.</summary>
public sealed class KnowledgeBaseOverlayBuilderTests
{
    private static readonly KnowledgeBase Base = FixtureBase.Create();
    private static readonly Evidence Audit = new("Clinic audit 2025", EvidenceLevel.CohortStudy, VerificationStatus.Estimated);

    // Every kind of change, once; the JSON below says the same thing.
    private static KnowledgeBaseOverlay EveryChangeInCSharp() => new KnowledgeBaseOverlayBuilder("clinic", "2025.1", "Clinic base")
        .AppliesTo("sample", "1.0.0")
        .DisableRule("gtps/sex:female")
        .OverrideRule("fnsf/hop-and-mileage", 7.5, 0.25, Audit)
        .OverrideGradedRule("femoral-neck-stress-fracture/loc.groin", [1.0, 2.5], Audit, [Criterion.Present("loc.groin")])
        .Prior("gtps", 0.25, Audit)
        .AddFinding("exam.fadir", "Pain on FADIR", FindingKind.Examination, question: "Does flexion, adduction and internal rotation hurt?", patientQuestion: "Does it hurt to bring the knee to the opposite shoulder?")
        .AddTreatment("tx.physio", "Physiotherapy", TreatmentKind.Physiotherapy, Audit, "Six weeks of loading")
        .AddCause("fai", "Femoroacetabular impingement", c => c
            .Prior(0.05, Audit)
            .Finding("exam.fadir", 1.5, 0.3, Audit)
            .Treat("tx.physio"))
        .AddRule("gtps", "gtps/night", Criterion.Present("sx.night-pain"), 1.3, 0.9, Audit, "Night pain")
        .AddGradedRule("fai", "fai/count", [Criterion.Present("loc.groin"), Criterion.Present("hx.mileage-increase")], [0.5, 1.0, 3.0], Audit)
        .AddGroup("gtps", "gtps/lateral", "Lateral signs", [new EvidenceGroupMember("gtps/loc.lateral-hip", false), new EvidenceGroupMember("gtps/night", false)])
        .AddRecommendation("gtps", "tx.physio", TreatmentLine.SecondLine, "if education is not enough")
        .AddRedFlag("rf.night", "Night pain with groin pain", r => r
            .When(Criterion.AllOf("sx.night-pain", "loc.groin"))
            .Urgency(Urgency.Urgent)
            .Action("See a clinician this week")
            .Evidence(Audit))
        .CauseText("gtps", description: "Pain over the outer hip")
        .FindingText("exam.hop-pain", patientQuestion: "Does hopping on the sore leg hurt?")
        .TreatmentText("tx.mri", name: "Hip MRI")
        .RedFlagText("rf.fnsf", action: "Stop running and arrange an MRI within days")
        .Build();

    private const string EveryChangeInJson = """
        {
          "formatVersion": 1, "id": "clinic", "version": "2025.1", "title": "Clinic base",
          "appliesTo": { "id": "sample", "version": "1.0.0" },
          "disableRules": [ "gtps/sex:female" ],
          "overrideRules": [
            { "id": "fnsf/hop-and-mileage", "ratio": { "positive": 7.5, "negative": 0.25 }, "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } },
            { "id": "femoral-neck-stress-fracture/loc.groin", "graded": { "parts": [ { "present": "loc.groin" } ], "ratios": [1.0, 2.5] }, "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } }
          ],
          "priors": [ { "cause": "gtps", "prior": 0.25, "priorEvidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } } ],
          "addFindings": [ { "id": "exam.fadir", "name": "Pain on FADIR", "kind": "examination", "question": "Does flexion, adduction and internal rotation hurt?", "patientQuestion": "Does it hurt to bring the knee to the opposite shoulder?" } ],
          "addTreatments": [ { "id": "tx.physio", "name": "Physiotherapy", "kind": "physiotherapy", "description": "Six weeks of loading", "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } } ],
          "addCauses": [ {
            "id": "fai", "name": "Femoroacetabular impingement", "prior": 0.05,
            "priorEvidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" },
            "rules": [ { "id": "fai/exam.fadir", "criterion": { "present": "exam.fadir" }, "ratio": { "positive": 1.5, "negative": 0.3 }, "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } } ],
            "recommendations": [ { "treatmentId": "tx.physio" } ]
          } ],
          "addRules": [
            { "cause": "gtps", "id": "gtps/night", "criterion": { "present": "sx.night-pain" }, "ratio": { "positive": 1.3, "negative": 0.9 }, "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" }, "description": "Night pain" },
            { "cause": "fai", "id": "fai/count", "graded": { "parts": [ { "present": "loc.groin" }, { "present": "hx.mileage-increase" } ], "ratios": [0.5, 1.0, 3.0] }, "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } }
          ],
          "addGroups": [ { "cause": "gtps", "id": "gtps/lateral", "name": "Lateral signs", "members": [ { "rule": "gtps/loc.lateral-hip" }, { "rule": "gtps/night" } ] } ],
          "addRecommendations": [ { "cause": "gtps", "treatmentId": "tx.physio", "line": "secondLine", "note": "if education is not enough" } ],
          "addRedFlags": [ { "id": "rf.night", "name": "Night pain with groin pain", "criterion": { "allOf": [ { "present": "sx.night-pain" }, { "present": "loc.groin" } ] }, "urgency": "urgent", "action": "See a clinician this week", "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } } ],
          "causeText": [ { "id": "gtps", "description": "Pain over the outer hip" } ],
          "findingText": [ { "id": "exam.hop-pain", "patientQuestion": "Does hopping on the sore leg hurt?" } ],
          "treatmentText": [ { "id": "tx.mri", "name": "Hip MRI" } ],
          "redFlagText": [ { "id": "rf.fnsf", "action": "Stop running and arrange an MRI within days" } ]
        }
        """;

    [Fact]
    public void Build_EveryKindOfChange_AppliesAsTheSameJsonOverlayDoes()
    {
        var fromCSharp = EveryChangeInCSharp().ApplyTo(Base);
        var fromJson = OverlayJson.Read(EveryChangeInJson).ApplyTo(Base);

        Assert.Equal(fromJson.ContentHash, fromCSharp.ContentHash);
        Assert.Equal(fromJson.Text.ContentHash, fromCSharp.Text.ContentHash);
        Assert.Equal(KnowledgeBaseJson.Write(fromJson), KnowledgeBaseJson.Write(fromCSharp));
        Assert.Equal(FixtureBase.ScoresOf(fromJson, FixtureBase.Cases()), FixtureBase.ScoresOf(fromCSharp, FixtureBase.Cases()));
    }

    [Fact]
    public void Build_EveryKindOfChange_ChangesTheBase()
    {
        // Guards the test above: were both overlays empty, they would agree trivially.
        var result = EveryChangeInCSharp().ApplyTo(Base);

        Assert.NotEqual(Base.ContentHash, result.ContentHash);
        Assert.True(result.TryGetCause("fai", out _));
        Assert.True(result.TryGetRule("fai/count", out var graded) && graded is GradedRule);
        Assert.False(result.TryGetRule("gtps/sex:female", out _));
        Assert.True(result.TryGetFinding("exam.hop-pain", out var hop));
        Assert.Equal("Does hopping on the sore leg hurt?", hop.PatientQuestion);
        Assert.Equal([new KnowledgeBaseStamp("sample", "1.0.0", Base.ContentHash)], result.DerivedFrom);
    }

    [Fact]
    public void Write_OverlayBuiltInCSharp_ReadsBackToTheSameOverlay()
    {
        var built = EveryChangeInCSharp();

        var json = OverlayJson.Write(built);

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, json));
        Assert.Equal(json, OverlayJson.Write(OverlayJson.Read(json)));
        Assert.Equal(built.ApplyTo(Base).ContentHash, OverlayJson.Read(json).ApplyTo(Base).ContentHash);
    }

    [Fact]
    public void TryApplyTo_Conflicts_SameCodesAndPathsAsTheJsonOverlay()
    {
        var overlay = new KnowledgeBaseOverlayBuilder("clinic", "2025.1")
            .AppliesTo("another-base")
            .DisableRule("gtps/loc.lateral-hip")
            .OverrideRule("gtps/loc.lateral-hip", 2.0, 0.5, Audit)
            .Prior("no-such-cause", 0.1, Audit)
            .AddFinding("loc.groin", "Groin pain again", FindingKind.PainLocation)
            .FindingText("exam.hop-pain", patientQuestion: " ")
            .Build();
        const string json = """
            { "formatVersion": 1, "id": "clinic", "version": "2025.1", "appliesTo": { "id": "another-base" },
              "disableRules": [ "gtps/loc.lateral-hip" ],
              "overrideRules": [ { "id": "gtps/loc.lateral-hip", "ratio": { "positive": 2.0, "negative": 0.5 }, "evidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } } ],
              "priors": [ { "cause": "no-such-cause", "prior": 0.1, "priorEvidence": { "citation": "Clinic audit 2025", "level": "cohortStudy", "status": "estimated" } } ],
              "addFindings": [ { "id": "loc.groin", "name": "Groin pain again", "kind": "painLocation" } ],
              "findingText": [ { "id": "exam.hop-pain", "patientQuestion": " " } ] }
            """;

        Assert.False(overlay.TryApplyTo(Base, out _, out var problems));
        Assert.False(OverlayJson.Read(json).TryApplyTo(Base, out _, out var jsonProblems));

        var expected = new[]
        {
            $"{ErrorCodes.OverlayBaseMismatch} at $.appliesTo.id",
            $"{ErrorCodes.OverlayConflict} at $.overrideRules[0].id",
            $"{ErrorCodes.OverlayTargetNotFound} at $.priors[0].cause",
            $"{ErrorCodes.OverlayIdExists} at $.addFindings[0].id",
            $"{ErrorCodes.InvalidText} at $.findingText[0].patientQuestion",
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), problems.Select(p => $"{p.Code} at {p.Path}").Order(StringComparer.Ordinal));
        Assert.Equal(jsonProblems.Select(p => p.ToString()), problems.Select(p => p.ToString()));
    }

    [Fact]
    public void TryApplyTo_AddedCauseWithoutPrior_CodedProblemAtItsPath()
    {
        var overlay = new KnowledgeBaseOverlayBuilder("clinic", "2025.1")
            .AddCause("fai", "Femoroacetabular impingement", c => c.Finding("loc.groin", 1.5, 0.5, Audit).Treat("tx.education"))
            .Build();

        Assert.False(overlay.TryApplyTo(Base, out var result, out var problems));

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.StartsWith("$.addCauses[0]", problem.Path, StringComparison.Ordinal);
        Assert.Contains("prior", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    // Every change method of the builder, with valid arguments: each goes through the builder's one open check.
    public static TheoryData<string, Action<KnowledgeBaseOverlayBuilder>> Changes() => new()
    {
        { "AppliesTo", b => b.AppliesTo("sample") },
        { "Prior", b => b.Prior("gtps", 0.2, Audit) },
        { "DisableRule", b => b.DisableRule("gtps/sex:female") },
        { "OverrideRule", b => b.OverrideRule("fnsf/hop-and-mileage", 7.5, 0.25, Audit) },
        { "OverrideGradedRule", b => b.OverrideGradedRule("fnsf/count", [1.0, 2.0], Audit) },
        { "AddRule", b => b.AddRule("gtps", "gtps/night", Criterion.Present("sx.night-pain"), 1.3, 0.9, Audit) },
        { "AddGradedRule", b => b.AddGradedRule("gtps", "gtps/count", [Criterion.Present("loc.groin")], [1.0, 2.0], Audit) },
        { "DisableGroup", b => b.DisableGroup("gtps/lateral") },
        { "OverrideGroup", b => b.OverrideGroup("gtps/lateral", [new EvidenceGroupMember("gtps/night", false)]) },
        { "AddGroup", b => b.AddGroup("gtps", "gtps/new", "New", [new EvidenceGroupMember("gtps/night", false)]) },
        { "AddFinding", b => b.AddFinding("exam.fadir", "FADIR", FindingKind.Examination) },
        { "AddTreatment", b => b.AddTreatment("tx.physio", "Physiotherapy", TreatmentKind.Physiotherapy, Audit) },
        { "AddCause", b => b.AddCause("fai", "FAI", c => c.Prior(0.05, Audit)) },
        { "AddRecommendation", b => b.AddRecommendation("gtps", "tx.physio") },
        { "AddRedFlag", b => b.AddRedFlag("rf.x", "X", r => r.Urgency(Urgency.Urgent)) },
        { "CauseText", b => b.CauseText("gtps", name: "GTPS") },
        { "FindingText", b => b.FindingText("exam.hop-pain", name: "Hop") },
        { "TreatmentText", b => b.TreatmentText("tx.mri", name: "MRI") },
        { "RedFlagText", b => b.RedFlagText("rf.fnsf", name: "Fracture") },
        { "Reword", b => b.Reword(TextKey.FindingName("exam.hop-pain"), "Hop") },
        { "Build", b => b.Build() },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Change_AfterBuild_RefusedWithTheSameMessage(string change, Action<KnowledgeBaseOverlayBuilder> apply)
    {
        var builder = new KnowledgeBaseOverlayBuilder("clinic", "2025.1");
        builder.Build();

        var ex = Record.Exception(() => apply(builder));

        Assert.True(ex is InvalidOperationException, $"{change} after Build: {ex?.GetType().Name ?? "no exception"}");
        Assert.Equal("The builder of overlay 'clinic' has already built it and refuses changes; start a new builder.", ex!.Message);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Change_BeforeBuild_Accepted(string change, Action<KnowledgeBaseOverlayBuilder> apply)
    {
        var ex = Record.Exception(() => apply(new KnowledgeBaseOverlayBuilder("clinic", "2025.1")));

        Assert.True(ex is null, $"{change} before Build threw {ex}");
    }

    [Theory]
    [InlineData("ruleId")]
    [InlineData("groupId")]
    [InlineData("causeId")]
    [InlineData("findingId")]
    public void NullArgument_AfterBuild_NamedBeforeTheOpenCheck(string parameter)
    {
        var builder = new KnowledgeBaseOverlayBuilder("clinic", "2025.1");
        builder.Build();
        Action call = parameter switch
        {
            "ruleId" => () => builder.DisableRule(null!),
            "groupId" => () => builder.DisableGroup(null!),
            "causeId" => () => builder.Prior(null!, 0.2, Audit),
            _ => () => builder.FindingText(null!, name: "Hop"),
        };

        var ex = Assert.Throws<ArgumentNullException>(call);

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Build_Twice_Refused()
    {
        var builder = new KnowledgeBaseOverlayBuilder("clinic", "2025.1");
        builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => builder.Prior("gtps", 0.2, Audit));
        Assert.Equal("The builder of overlay 'clinic' has already built it and refuses changes; start a new builder.", ex.Message);
        Assert.Throws<InvalidOperationException>(() => builder.FindingText("exam.hop-pain", name: "Hop"));
        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Methods_NullId_ArgumentNullExceptionNamingTheParameter()
    {
        var builder = new KnowledgeBaseOverlayBuilder("clinic", "2025.1");

        Assert.Equal("findingId", Assert.Throws<ArgumentNullException>(() => builder.FindingText(null!, name: "x")).ParamName);
        Assert.Equal("causeId", Assert.Throws<ArgumentNullException>(() => builder.Prior(null!, 0.2, Audit)).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentNullException>(() => new KnowledgeBaseOverlayBuilder("clinic", null!)).ParamName);
    }

    [Fact]
    public void Build_NoChanges_IsEmptyAndKeepsTheBasesScores()
    {
        var overlay = new KnowledgeBaseOverlayBuilder("sample", "1.0.0").Build();

        Assert.True(overlay.IsEmpty);
        Assert.Equal(Base.ContentHash, overlay.ApplyTo(Base).ContentHash);
    }

    [Fact]
    public void DocsExample_TheSampleOverlayInCSharp_EqualsTheJsonFile()
    {
        // docs:overlay-in-csharp
        var audit = new Evidence(
            "Example clinic audit of hip-pain presentations in marathon and ultra runners (illustrative figure: replace it with your own audit before use)",
            EvidenceLevel.ExpertOpinion,
            VerificationStatus.Estimated,
            "Endurance runners with high weekly mileage and low energy availability present with bone stress injury more often than a general running population.");
        var overlay = new KnowledgeBaseOverlayBuilder("endurance-clinic", "2026.1", "HipPain.Rules for an endurance-running clinic")
            .Prior("femoral-neck-stress-fracture", 0.06, audit)
            .CauseText("femoral-neck-stress-fracture", description: "Bone stress injury of the femoral neck; in this clinic's marathon and ultra runners, ask about mileage, energy availability and previous stress fractures.")
            .CauseText("gtps", name: "Greater trochanteric pain syndrome (lateral hip tendinopathy)")
            .Build();
        var clinicBase = overlay.ApplyTo(BuiltInKnowledgeBase.Instance); // problems: KnowledgeBaseValidationException, or TryApplyTo
        // docs:end

        var fromFile = OverlayJson.Read(File.ReadAllText(Path.Combine(Repository.Root, "samples/packs/endurance-clinic.overlay.json"))).ApplyTo(BuiltInKnowledgeBase.Instance);
        Assert.Equal(fromFile.ContentHash, clinicBase.ContentHash);
        Assert.Equal(fromFile.Text.ContentHash, clinicBase.Text.ContentHash);
        Assert.Contains(DocsRegion.Of(File.ReadAllText(Path.Combine(Repository.Root, "tests/HipPain.Rules.Tests/Serialization/KnowledgeBaseOverlayBuilderTests.cs")), "overlay-in-csharp"), File.ReadAllText(Path.Combine(Repository.Root, "docs/json-packs.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
