using System.Text.Json.Nodes;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Serialization;

/// <summary>Evidence groups and graded rules in the knowledge-base and overlay formats.</summary>
public sealed class GroupJsonTests
{
    private static readonly Evidence Source = FixtureBase.Source;

    /// <summary>
    /// Two causes. <c>gtps</c>: rules 0 <c>gtps/cluster</c> (graded over tenderness and abduction, joint in the group),
    /// 1 <c>gtps/tender</c>, 2 <c>gtps/stance</c>, 3 <c>gtps/age:40-60</c>; group 0 <c>gtps/abductor</c> with the first
    /// three. <c>oa</c>: rule 0 <c>oa/groin</c>, 1 <c>oa/score</c> (graded, ungrouped).
    /// </summary>
    private static KnowledgeBase Grouped() => new KnowledgeBaseBuilder("grouped", "1")
        .AddFinding("tender", "Trochanter tenderness", FindingKind.Examination)
        .AddFinding("abduction", "Painful resisted abduction", FindingKind.Examination)
        .AddFinding("stance", "Pain on single-leg stance", FindingKind.Examination)
        .AddFinding("groin", "Groin pain", FindingKind.PainLocation, BodyRegion.GroinAnteriorHip)
        .AddFinding("stiff", "Morning stiffness", FindingKind.Symptom)
        .AddFinding("rom", "Restricted internal rotation", FindingKind.Examination)
        .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
        .AddCause("gtps", "Gluteal tendinopathy", c => c.Prior(0.3, Source).Treat("tx")
            .Group("gtps/abductor", "Abductor loading tests", g => g
                .Graded("gtps/cluster", [Criterion.Present("tender"), Criterion.Present("abduction")], [0.11, null, 16.7], Source, "Cluster", joint: true)
                .Finding("tender", 3, 0.5, Source)
                .Finding("stance", 12, 0.62, Source))
            .Age(40, 60, 1.5, 0.8, Source))
        .AddCause("oa", "Hip osteoarthritis", c => c.Prior(0.1, Source).Treat("tx")
            .Composite("oa/groin", Criterion.Present("groin"), 2.5, 0.4, Source)
            .Graded("oa/score", [Criterion.Present("stiff"), Criterion.AllOf("rom", "stance")], [0.3, 1, 4], Source, "Score"))
        .Build();

    private static readonly PatientCase[] Cases =
    [
        PatientCase.Create(45, Sex.Female, Observation.Absent("tender"), Observation.Absent("abduction"), Observation.Present("stance")),
        PatientCase.Create(70, Sex.Male, Observation.Present("tender"), Observation.Absent("abduction"), Observation.Present("groin"), Observation.Present("stiff"), Observation.Present("rom")),
        PatientCase.Create(null, Sex.Unspecified, Observation.Present("stance"), Observation.Present("groin"), Observation.Absent("stiff")),
    ];

    private static JsonObject GroupedJson() => JsonNode.Parse(KnowledgeBaseJson.Write(Grouped()))!.AsObject();

    private static IReadOnlyList<string> ReadProblems(JsonNode json)
    {
        Assert.False(KnowledgeBaseJson.TryRead(json.ToJsonString(), out var kb, out var problems));
        Assert.Null(kb);
        return [.. problems.Select(p => $"{p.Code} at {p.Path}: {p.Message}")];
    }

    [Fact]
    public void Read_WrittenGroupedBase_SameHashAndScoresAndValidAgainstTheSchema()
    {
        var original = Grouped();
        var json = KnowledgeBaseJson.Write(original);

        var copy = KnowledgeBaseJson.Read(json);

        Assert.Equal(original.ContentHash, copy.ContentHash);
        Assert.Equal(FixtureBase.ScoresOf(original, Cases), FixtureBase.ScoresOf(copy, Cases));
        Assert.Empty(SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json));
    }

    [Fact]
    public void Write_GroupedBase_GradedTableWithNullAndGroupMembersWithJointFlag()
    {
        var gtps = GroupedJson()["causes"]![0]!;

        var graded = gtps["rules"]![0]!;
        Assert.Null(graded["criterion"]);
        Assert.Null(graded["ratio"]);
        Assert.Equal("[0.11,null,16.7]", graded["graded"]!["ratios"]!.ToJsonString());
        Assert.Equal("""[{"present":"tender"},{"present":"abduction"}]""", graded["graded"]!["parts"]!.ToJsonString());
        Assert.Equal(
            """[{"id":"gtps/abductor","name":"Abductor loading tests","members":[{"rule":"gtps/cluster","joint":true},{"rule":"gtps/tender"},{"rule":"gtps/stance"}]}]""",
            gtps["groups"]!.ToJsonString());
        Assert.Null(GroupedJson()["causes"]![1]!["groups"]);
    }

    [Fact]
    public void Read_BadGradedRules_EveryProblemAtItsJsonPath()
    {
        var json = GroupedJson();
        var rules = json["causes"]![1]!["rules"]!;
        rules[1]!["graded"]!["ratios"] = new JsonArray(0.3, 1);
        rules[1]!["graded"]!["parts"]![1]!["allOf"]![1] = new JsonObject { ["present"] = "nowhere" };
        json["causes"]![0]!["rules"]![0]!["graded"]!["ratios"]![2] = 0;

        Assert.Equal(
            [
                "HPK004 at $.causes[0].rules[0].graded.ratios[2]: The ratio for 2 parts met, 0, is not a finite number greater than 0 (null when the source gives no figure).",
                "HPK023 at $.causes[1].rules[1].graded.ratios: Graded rule 'oa/score' has 2 parts, so it needs 3 ratios, one for each number of parts met from 0 to 2; it has 2.",
                "HPK003 at $.causes[1].rules[1].graded.parts[1].allOf[1]: Unknown finding 'nowhere'; add it with AddFinding first.",
            ],
            ReadProblems(json));
    }

    [Fact]
    public void Read_RuleWithCriterionAndGraded_HPK023AndRuleSkipped()
    {
        var json = GroupedJson();
        json["causes"]![1]!["rules"]![1]!["criterion"] = new JsonObject { ["present"] = "stiff" };

        Assert.Equal(
            ["HPK023 at $.causes[1].rules[1]: A rule has either criterion and ratio (a criterion rule) or graded (a graded rule), not both."],
            ReadProblems(json));
    }

    [Fact]
    public void Read_GradedWithoutPartsOrRatios_HPJ005()
    {
        var json = GroupedJson();
        json["causes"]![1]!["rules"]![1]!["graded"] = new JsonObject();

        Assert.Equal(
            [
                "HPJ005 at $.causes[1].rules[1].graded.parts: A graded rule lists the criteria it counts in \"parts\".",
                "HPJ005 at $.causes[1].rules[1].graded.ratios: A graded rule gives its ratio for each number of parts met, 0 to n, in \"ratios\" (null where the source gives no figure).",
            ],
            ReadProblems(json));
    }

    [Fact]
    public void Read_BadGroups_EveryProblemAtItsJsonPath()
    {
        var json = GroupedJson();
        var members = json["causes"]![0]!["groups"]![0]!["members"]!.AsArray();
        members.Add(new JsonObject { ["rule"] = "gtps/missing" });
        members.Add(new JsonObject { ["rule"] = "oa/groin" });
        members.Add(new JsonObject { ["rule"] = "gtps/tender" });
        members.Add(new JsonObject { ["joint"] = true });
        json["causes"]![1]!["groups"] = new JsonArray(new JsonObject { ["id"] = "oa/empty", ["name"] = "Empty", ["members"] = new JsonArray() });

        Assert.Equal(
            [
                "HPJ005 at $.causes[0].groups[0].members[6].rule: A group member names its rule in \"rule\".",
                "HPK020 at $.causes[0].groups[0].members[3].rule: Group 'gtps/abductor' names unknown rule 'gtps/missing'.",
                "HPK022 at $.causes[0].groups[0].members[4].rule: Group 'gtps/abductor' of cause 'gtps' names rule 'oa/groin' of cause 'oa'; a group holds rules of one cause only.",
                "HPK021 at $.causes[0].groups[0].members[5].rule: Rule 'gtps/tender' is listed twice in group 'gtps/abductor'.",
                "HPK024 at $.causes[1].groups[0].members: Group 'oa/empty' has no member; list the rules of cause 'oa' that measure the same thing.",
            ],
            ReadProblems(json));
    }

    [Fact]
    public void Schema_RuleWithBothForms_Rejected()
    {
        var json = GroupedJson();
        json["causes"]![1]!["rules"]![1]!["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 0.5 };

        Assert.NotEmpty(SchemaChecker.Errors(SchemaChecker.KnowledgeBase, json.ToJsonString()));
    }

    [Fact]
    public void ApplyTo_AddOverrideAndDisableGroups_Applied()
    {
        // Without its group, the cluster would count the tenderness a second time: the clinic disables it too.
        var overlay = Overlay(
            ("disableRules", new JsonArray("gtps/cluster")),
            ("disableGroups", new JsonArray("gtps/abductor")),
            ("addGroups", new JsonArray(new JsonObject
            {
                ["cause"] = "oa",
                ["id"] = "oa/clinic",
                ["name"] = "Clinic's view",
                ["members"] = new JsonArray(new JsonObject { ["rule"] = "oa/groin" }, new JsonObject { ["rule"] = "oa/score", ["joint"] = true }),
            })));

        var result = OverlayJson.Read(overlay.ToJsonString()).ApplyTo(Grouped());

        Assert.Equal(["oa/clinic"], result.Groups.Select(g => g.Id));
        Assert.Equal([new("oa/groin", false), new EvidenceGroupMember("oa/score", true)], result.Groups[0].Members);
        var gtps = new TriageEngine(result).Triage(Cases[0]).Differential.Single(r => r.Cause.Id == "gtps");
        Assert.All(gtps.Contributions, c => Assert.Null(c.Group));
        Assert.Equal(["gtps/stance", "gtps/tender", "gtps/age:40-60"], gtps.Contributions.Select(c => c.Rule.Id));
    }

    [Fact]
    public void ApplyTo_OverrideGroup_ReplacesMembersKeepsName()
    {
        var overlay = Overlay(("overrideGroups", new JsonArray(new JsonObject
        {
            ["id"] = "gtps/abductor",
            ["members"] = new JsonArray(new JsonObject { ["rule"] = "gtps/cluster", ["joint"] = true }, new JsonObject { ["rule"] = "gtps/tender" }, new JsonObject { ["rule"] = "gtps/age:40-60" }),
        })));

        var group = Assert.Single(OverlayJson.Read(overlay.ToJsonString()).ApplyTo(Grouped()).Groups);

        Assert.Equal("Abductor loading tests", group.Name);
        Assert.Equal(["gtps/cluster", "gtps/tender", "gtps/age:40-60"], group.Members.Select(m => m.RuleId));
    }

    [Fact]
    public void ApplyTo_DisableRules_LeaveTheirGroupAndAnEmptiedGroupGoes()
    {
        var overlay = Overlay(("disableRules", new JsonArray("gtps/cluster", "gtps/tender", "gtps/stance")));

        var result = OverlayJson.Read(overlay.ToJsonString()).ApplyTo(Grouped());

        Assert.Empty(result.Groups);
        Assert.Equal(["gtps/age:40-60"], result.RulesFor("gtps").Select(r => r.Id));
    }

    [Fact]
    public void ApplyTo_OverrideRulesIntoAndOutOfGraded_KeepsPartsOrCriterionWhenLeftOut()
    {
        var overlay = Overlay(("overrideRules", new JsonArray(
            new JsonObject { ["id"] = "gtps/cluster", ["graded"] = new JsonObject { ["ratios"] = new JsonArray(0.2, 1.5, 9) }, ["evidence"] = OverlayTests.Evidence() },
            new JsonObject
            {
                ["id"] = "oa/groin",
                ["graded"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["present"] = "groin" }), ["ratios"] = new JsonArray(0.5, null) },
                ["evidence"] = OverlayTests.Evidence(),
            })));

        var result = OverlayJson.Read(overlay.ToJsonString()).ApplyTo(Grouped());

        var cluster = Assert.IsType<GradedRule>(result.RulesFor("gtps")[0]);
        Assert.Equal([0.2, 1.5, 9], cluster.RatiosByCount);
        Assert.Equal(["present(tender)", "present(abduction)"], cluster.Parts.Select(p => p.ToString()));
        Assert.Equal("Cluster", cluster.Description);
        Assert.True(result.TryGetGroupOf("gtps/cluster", out _));
        Assert.Equal([0.5, null], Assert.IsType<GradedRule>(result.RulesFor("oa")[0]).RatiosByCount);
    }

    [Fact]
    public void ApplyTo_GroupWithSharedFindingsDisabled_HPK010ForTheMembersLeft()
    {
        var overlay = Overlay(("disableGroups", new JsonArray("gtps/abductor")));

        Assert.False(OverlayJson.Read(overlay.ToJsonString()).TryApplyTo(Grouped(), out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal((ErrorCodes.FindingCountedTwice, "$.causes[0].rules[1].criterion"), (problem.Code, problem.Path));
    }

    [Fact]
    public void ApplyTo_GroupConflicts_CodedAtOverlayPaths()
    {
        var members = new JsonArray(new JsonObject { ["rule"] = "gtps/tender" });
        var overlay = Overlay(
            ("overrideRules", new JsonArray(new JsonObject { ["id"] = "oa/score", ["ratio"] = new JsonObject { ["positive"] = 2, ["negative"] = 0.5 }, ["evidence"] = OverlayTests.Evidence() })),
            ("disableGroups", new JsonArray("gtps/abductor", "gtps/nothing")),
            ("overrideGroups", new JsonArray(
                new JsonObject { ["id"] = "gtps/abductor", ["members"] = members.DeepClone() },
                new JsonObject { ["id"] = "oa/nothing", ["members"] = members.DeepClone() })),
            ("addGroups", new JsonArray(
                new JsonObject { ["cause"] = "gtps", ["id"] = "gtps/abductor", ["name"] = "Again", ["members"] = members.DeepClone() },
                new JsonObject { ["cause"] = "nobody", ["id"] = "x/g", ["name"] = "X", ["members"] = members.DeepClone() },
                new JsonObject { ["cause"] = "oa", ["id"] = "oa/g", ["name"] = "OA", ["members"] = new JsonArray(new JsonObject { ["rule"] = "oa/nothing" }) })));

        Assert.False(OverlayJson.Read(overlay.ToJsonString()).TryApplyTo(Grouped(), out _, out var problems));

        Assert.Equal(
            [
                "HPJ005 at $.overrideRules[0].criterion",
                "HPK051 at $.disableGroups[1]",
                "HPK052 at $.overrideGroups[0].id",
                "HPK051 at $.overrideGroups[1].id",
                "HPK050 at $.addGroups[0].id",
                "HPK002 at $.addGroups[1].cause",
                "HPK010 at $.causes[0].rules[1].criterion",
                "HPK020 at $.addGroups[2].members[0].rule",
            ],
            problems.Select(p => $"{p.Code} at {p.Path}"));
        Assert.Equal("Rule 'oa/score' is a graded rule; to make it a criterion rule give its criterion, or give graded to change its table.", problems[0].Message);
    }

    [Fact]
    public void Overlay_WithGroupOperations_ValidAgainstTheSchemaAndNotEmpty()
    {
        var overlay = Overlay(
            ("disableGroups", new JsonArray("gtps/abductor")),
            ("overrideGroups", new JsonArray(new JsonObject { ["id"] = "g", ["members"] = new JsonArray(new JsonObject { ["rule"] = "r", ["joint"] = false }) })),
            ("addGroups", new JsonArray(new JsonObject { ["cause"] = "oa", ["id"] = "oa/g", ["name"] = "OA", ["members"] = new JsonArray(new JsonObject { ["rule"] = "oa/groin" }) })),
            ("overrideRules", new JsonArray(new JsonObject { ["id"] = "gtps/cluster", ["graded"] = new JsonObject { ["ratios"] = new JsonArray(0.2, null, 9) }, ["evidence"] = OverlayTests.Evidence() })));

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.Overlay, overlay.ToJsonString()));
        Assert.False(OverlayJson.Read(overlay.ToJsonString()).IsEmpty);
    }

    [Fact]
    public void Text_GroupName_IsWordingInTheTextPackNotClinicalContent()
    {
        var json = GroupedJson();
        json["causes"]![0]!["groups"]![0]!["name"] = "Pruebas de carga de los abductores";

        var renamed = KnowledgeBaseJson.Read(json.ToJsonString());

        Assert.Equal(Grouped().ContentHash, renamed.ContentHash);
        Assert.Equal("Abductor loading tests", Grouped().Text.Get(TextKey.GroupName("gtps/abductor")));
        Assert.Equal("Pruebas de carga de los abductores", renamed.Text.Get(TextKey.GroupName("gtps/abductor")));
        Assert.Empty(renamed.Text.Check(Grouped()));
    }

    [Fact]
    public void TriageResultJson_GroupedAndGradedContributions_WrittenWithGroupSubsumedMembersAndPartsMet()
    {
        var kb = Grouped();
        var result = new TriageEngine(kb).Triage(PatientCase.Create(45, Sex.Female, Observation.Present("tender"), Observation.Absent("abduction"), Observation.Present("stance"), Observation.Present("stiff"), Observation.Present("rom")));

        var json = TriageResultJson.Write(result);

        Assert.Empty(SchemaChecker.Errors(SchemaChecker.TriageResult, json));
        var contributions = JsonNode.Parse(json)!["differential"]!.AsArray()
            .SelectMany(c => c!["explanation"]?["contributions"]?.AsArray() ?? []).ToDictionary(c => c!["rule"]!.GetValue<string>());
        var stance = contributions["gtps/stance"]!;
        Assert.Null(stance["group"]); // knowledge-base content, written with the display text only
        var withText = JsonNode.Parse(TriageResultJson.Write(result, new ResultJsonOptions { IncludeText = true }))!["differential"]!.AsArray()
            .SelectMany(c => c!["explanation"]?["contributions"]?.AsArray() ?? []).Single(c => c!["rule"]!.GetValue<string>() == "gtps/stance")!;
        Assert.Equal("gtps/abductor", withText["group"]!.GetValue<string>());
        Assert.True(stance["met"]!.GetValue<bool>());
        // The cluster is decided at 1 part met, which has no figure (factor 1): like a neutral contribution, not written.
        Assert.Equal(["gtps/tender"], stance["subsumes"]!.AsArray().Select(m => m!["rule"]!.GetValue<string>()));
        Assert.True(stance["subsumes"]![0]!["met"]!.GetValue<bool>());
        var score = contributions["oa/score"]!;
        Assert.Equal((2, 4.0), (score["partsMet"]!.GetValue<int>(), score["factor"]!.GetValue<double>()));
        Assert.Null(score["met"]);
        Assert.Equal(result.Urgency, TriageResultJson.Read(json, new TriageEngine(kb)).Urgency);
    }

    private static JsonObject Overlay(params (string Name, JsonNode Value)[] changes) => OverlayTests.Overlay(changes);
}
