using System.Text;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// Issue 17's authoring bounds: criterion depth and size, list lengths and the size of the JSON form are checked
/// (HPK018) before anything they bound is walked, and whatever <c>Build</c> accepts is written and read back.
/// </summary>
public sealed class BoundedAuthoringTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private static KnowledgeBaseBuilder WithRule(Criterion criterion) => new KnowledgeBaseBuilder("kb", "1")
        .AddFinding("a", "Finding A", FindingKind.Symptom)
        .AddFinding("b", "Finding B", FindingKind.Symptom)
        .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
        .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Composite("c/r", criterion, 2, 0.5, Source));

    private static Criterion Nested(int depth, Criterion leaf)
    {
        var criterion = leaf;
        for (var level = 1; level < depth; level++)
        {
            criterion = Criterion.AllOf(criterion);
        }

        return criterion;
    }

    private static ValidationProblem SingleProblem(KnowledgeBaseBuilder builder) =>
        Assert.Single(Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build()).Problems);

    [Fact]
    public void Build_CriterionNested100000Levels_HPK018NotStackOverflow()
    {
        var problem = SingleProblem(WithRule(Nested(100_001, Criterion.Present("a"))));

        Assert.Equal(
            "HPK018 at $.causes[0].rules[0].criterion: The criterion nests 100001 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth).",
            problem.ToString());
    }

    [Fact]
    public void Build_SharedSubCriterion25LevelsDeep_HPK018NotOutOfMemoryInTheHash()
    {
        Criterion criterion = Criterion.AgeBetween(18, null);
        for (var level = 0; level < 25; level++)
        {
            criterion = Criterion.AnyOf(criterion, criterion);
        }

        var problem = SingleProblem(WithRule(criterion));

        Assert.Equal("HPK018 at $.causes[0].rules[0].criterion: The criterion nests 26 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth).", problem.ToString());
    }

    [Fact]
    public void Build_SharedSubCriterionWithinTheDepth_HPK018CountsEveryUse()
    {
        Criterion criterion = Criterion.Present("a");
        for (var level = 1; level < KnowledgeBaseLimits.MaximumCriterionDepth; level++)
        {
            criterion = Criterion.AnyOf(Enumerable.Repeat(criterion, 10).ToArray());
        }

        var problem = SingleProblem(WithRule(criterion));

        Assert.Equal(
            "HPK018 at $.causes[0].rules[0].criterion: The criterion has 1111111111 parts, each shared part counted wherever it is used; the limit is 1000 (KnowledgeBaseLimits.MaximumCriterionSize).",
            problem.ToString());
    }

    [Fact]
    public void Build_RedFlagCriterionTooDeep_HPK018AtTheFlag()
    {
        var builder = WithRule(Criterion.Present("b")).AddRedFlag("rf", "Flag", f => f
            .When(Nested(KnowledgeBaseLimits.MaximumCriterionDepth + 1, Criterion.Present("a"))).Urgency(Urgency.Urgent).Action("Act").Evidence(Source));

        Assert.Equal("HPK018 at $.redFlags[0].criterion: The criterion nests 11 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth).", SingleProblem(builder).ToString());
    }

    [Fact]
    public void Criterion_BeyondTheLimits_IsNotWalked()
    {
        var deep = Nested(100_001, Criterion.Present("a"));

        var evaluate = Assert.Throws<InvalidOperationException>(() => deep.Evaluate(PatientCase.Create(30, Sex.Female)));
        var findingIds = Assert.Throws<InvalidOperationException>(() => deep.FindingIds());

        Assert.Equal("The criterion nests 100001 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth). A knowledge base refuses it (HPK018), and it is not walked.", evaluate.Message);
        Assert.Equal(evaluate.Message, findingIds.Message);
        Assert.Equal("allOf(1 parts; depth 100001, size 100001: beyond KnowledgeBaseLimits)", deep.ToString());
    }

    [Fact]
    public void WriteRead_CriteriaAtTheLimits_RoundTripInRulesRedFlagsAndOverlays()
    {
        var deepest = Nested(KnowledgeBaseLimits.MaximumCriterionDepth - 1, Criterion.AtLeast(1, Criterion.AgeBetween(0, 120), Criterion.SexIs(Sex.Male), Criterion.Absent("b")));
        var widest = Criterion.AtLeast(2, [.. Enumerable.Range(0, KnowledgeBaseLimits.MaximumCriterionSize - 1).Select(i => (Criterion)Criterion.AgeBetween(i % 121, null))]);
        var kb = WithRule(deepest)
            .AddCause("d", "Other", c => c.Prior(0.1, Source).Treat("tx").Composite("d/r", widest, 3, 1, Source))
            .AddRedFlag("rf", "Flag", f => f.When(deepest).Urgency(Urgency.Urgent).Action("Act").Evidence(Source))
            .Build();

        var copy = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(kb));
        var overlay = OverlayJson.Read(
            "{\"formatVersion\":1,\"id\":\"o\",\"version\":\"1\",\"addCauses\":[" + CauseJson(kb, "c", "e") + "]}");

        Assert.Equal(kb.ContentHash, copy.ContentHash);
        Assert.Equal(KnowledgeBaseJson.Write(kb), KnowledgeBaseJson.Write(copy));
        var overlaid = overlay.ApplyTo(kb);
        Assert.Equal(overlaid.ContentHash, KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(overlaid)).ContentHash);
    }

    [Fact]
    public void Build_CriterionOneLevelOverTheLimit_HPK018WhenReadFromJsonToo()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(KnowledgeBaseJson.Write(WithRule(Nested(KnowledgeBaseLimits.MaximumCriterionDepth, Criterion.Present("a"))).Build()))!;
        var rule = json["causes"]![0]!["rules"]![0]!;
        rule["criterion"] = new System.Text.Json.Nodes.JsonObject { ["allOf"] = new System.Text.Json.Nodes.JsonArray(rule["criterion"]!.DeepClone()) };

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => KnowledgeBaseJson.Read(json.ToJsonString()));

        Assert.Equal(["HPK018 at $.causes[0].rules[0].criterion: The criterion nests 11 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth)."], ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Build_MoreFindingsThanMaxItems_HPK018()
    {
        var builder = WithRule(Criterion.Present("a"));
        for (var i = 0; i < KnowledgeBaseLimits.MaximumItems - 1; i++)
        {
            builder.AddFinding($"f{i}", "F", FindingKind.Symptom);
        }

        Assert.Equal("HPK018 at $.findings: The knowledge base has 10001 findings; the limit is 10000 (KnowledgeBaseLimits.MaximumItems).", SingleProblem(builder).ToString());
    }

    [Fact]
    public void Build_JsonFormTooLarge_HPK018AtTheRootNotAnUnreadableDocument()
    {
        var citation = new string('\u00e9', 700_000);
        var builder = WithRule(Criterion.Present("a")).AddTreatment("big", "Big", TreatmentKind.SelfCare, new Evidence(citation, EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated));

        var problem = SingleProblem(builder);

        Assert.Equal(ErrorCodes.LimitExceeded, problem.Code);
        Assert.Equal("$", problem.Path);
        Assert.Matches(@"^The knowledge base is too large: its JSON form could take up to \d+ bytes; the limit is 4194304 \(KnowledgeBaseLimits.MaximumJsonBytes\)\. Split it, or shorten its texts\.$", problem.Message);
    }

    [Fact]
    public void JsonSizeBound_BuiltInBase_AtLeastTheWrittenBytesAndWithinTwiceThem()
    {
        var kb = BuiltInKnowledgeBase.Instance;

        var written = Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(kb));
        var bound = JsonSizeBound.Of(kb.ToBuilder());

        Assert.InRange(bound, written, 2L * written);
    }

    [Fact]
    public void JsonSizeBound_LongestNamesNumbersAndEscapes_AtLeastTheWrittenBytes()
    {
        var escaped = "<&'\"\\\u00e9\u4e2d\ud83d\ude00\u0001+`";
        var evidence = new Evidence(escaped, EvidenceLevel.CaseControlStudy, VerificationStatus.VerifiedSecondary, escaped);
        var kb = new KnowledgeBaseBuilder(escaped.Replace(" ", "", StringComparison.Ordinal) + "x", escaped, escaped)
            .AddFinding("a" + escaped.Replace(" ", "", StringComparison.Ordinal), escaped, FindingKind.PainLocation, BodyRegion.LateralThighToKnee, escaped, escaped)
            .AddTreatment("t", escaped, TreatmentKind.Physiotherapy, evidence, escaped)
            .AddCause("c", escaped, c => c
                .Describe(escaped).Codes(escaped, escaped).Prior(1.2345678901234567E-300, evidence).SuspectedUrgency(Urgency.Emergency)
                .Running(RunningRestriction.ContinueAsTolerated, escaped)
                .Composite("r", Nested(KnowledgeBaseLimits.MaximumCriterionDepth, Criterion.AgeBetween(int.MinValue, int.MaxValue)), 1.2345678901234567E-300, 1.7976931348623157E+308, evidence, escaped)
                .Treat("t", TreatmentLine.SecondLine, escaped))
            .AddRedFlag("rf", escaped, f => f.When(Criterion.SexIs(Sex.Female)).Urgency(Urgency.Emergency).Action(escaped).Running(RunningRestriction.StopRunning, escaped).Suspect("c").Evidence(evidence));

        // Invalid as a base (the prior and the age band are out of range), but every value is written as given.
        var bound = JsonSizeBound.Of(kb);
        var written = Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(kb)));

        Assert.True(bound >= written, $"bound {bound} < written {written}");
    }

    [Fact]
    public void Build_GradedRulePartTooDeep_HPK018AtThePartsNotWalked()
    {
        var builder = WithRule(Criterion.Present("b")).AddCause("g", "Graded", c => c.Prior(0.1, Source).Treat("tx")
            .Graded("g/r", [Criterion.Present("a"), Nested(KnowledgeBaseLimits.MaximumCriterionDepth, Criterion.AgeBetween(40, null))], [0.5, 1, 2], Source));

        Assert.Equal(
            "HPK018 at $.causes[1].rules[0].graded.parts: The parts of graded rule 'g/r', taken as one criterion one level above them: the criterion nests 11 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth).",
            SingleProblem(builder).ToString());
    }

    [Fact]
    public void Build_GradedRuleWithMorePartsThanMaxItems_HPK018ForTheCountAndTheSizeAndHPK023ForTheTable()
    {
        var parts = Enumerable.Range(0, KnowledgeBaseLimits.MaximumItems + 1).Select(i => (Criterion)Criterion.AgeBetween(i % 100, null)).ToArray();
        var builder = WithRule(Criterion.Present("b")).AddCause("g", "Graded", c => c.Prior(0.1, Source).Treat("tx").Graded("g/r", parts, [0.5, 2], Source));

        var problems = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build()).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                "HPK023 at $.causes[1].rules[0].graded.ratios: Graded rule 'g/r' has 10001 parts, so it needs 10002 ratios, one for each number of parts met from 0 to 10001; it has 2.",
                "HPK018 at $.causes[1].rules[0].graded.parts: Graded rule 'g/r' has 10001 parts; the limit is 10000 (KnowledgeBaseLimits.MaximumItems).",
                "HPK018 at $.causes[1].rules[0].graded.parts: The parts of graded rule 'g/r', taken as one criterion one level above them: the criterion has 10002 parts, each shared part counted wherever it is used; the limit is 1000 (KnowledgeBaseLimits.MaximumCriterionSize).",
            ],
            problems);
    }

    [Fact]
    public void Build_GroupWithMoreMembersThanMaxItems_HPK018AndEveryRepeatedMemberReported()
    {
        var builder = WithRule(Criterion.Present("b")).AddCause("g", "Grouped", c => c.Prior(0.1, Source).Treat("tx")
            .Finding("a", 2, 0.5, Source)
            .Group("g/group", "Too many", g =>
            {
                for (var i = 0; i <= KnowledgeBaseLimits.MaximumItems; i++)
                {
                    g.Member("g/a");
                }
            }));

        var problems = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build()).Problems;

        Assert.Equal(
            "HPK018 at $.causes[1].groups[0].members: Group 'g/group' has 10001 members; the limit is 10000 (KnowledgeBaseLimits.MaximumItems).",
            Assert.Single(problems, p => p.Code == ErrorCodes.LimitExceeded).ToString());
        Assert.Equal(KnowledgeBaseLimits.MaximumItems, problems.Count(p => p.Code == ErrorCodes.RuleInTwoGroups && p.Message == "Rule 'g/a' is listed twice in group 'g/group'."));
        Assert.Equal(KnowledgeBaseLimits.MaximumItems + 1, problems.Length);
    }

    [Fact]
    public void WriteRead_GradedRulesAndGroupsAtTheLimits_RoundTrip()
    {
        // The deepest part a graded rule may have (one level under the limit: depth 9), as many parts as the size
        // allows, in a group.
        var deepest = Nested(KnowledgeBaseLimits.MaximumCriterionDepth - 2, Criterion.AtLeast(1, Criterion.AgeBetween(0, 120), Criterion.SexIs(Sex.Male)));
        var wide = Enumerable.Range(0, KnowledgeBaseLimits.MaximumCriterionSize - 2 - 20).Select(i => (Criterion)Criterion.AgeBetween(i % 121, null)).ToList();
        double?[] ratios = [.. Enumerable.Range(0, wide.Count + 2).Select(i => i % 7 == 3 ? (double?)null : 1 + (i / 1000.0))];
        var kb = WithRule(Criterion.Present("b"))
            .AddCause("g", "Graded", c => c.Prior(0.1, Source).Treat("tx")
                .Group("g/group", "Graded and its finding", g => g
                    .Graded("g/deep", [Criterion.Present("a"), deepest], [0.4, null, 3.5], Source, "Deepest parts", joint: true)
                    .Finding("a", 2, 0.5, Source))
                .Graded("g/wide", [.. wide, Criterion.SexIs(Sex.Female)], ratios, Source))
            .Build();

        var written = KnowledgeBaseJson.Write(kb);
        var copy = KnowledgeBaseJson.Read(written);

        Assert.Equal(kb.ContentHash, copy.ContentHash);
        Assert.Equal(written, KnowledgeBaseJson.Write(copy));
    }

    private static string CauseJson(KnowledgeBase kb, string causeId, string newId)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(KnowledgeBaseJson.Write(kb))!["causes"]!.AsArray()
            .Single(c => (string?)c!["id"] == causeId)!.DeepClone();
        document["id"] = newId;
        foreach (var rule in document["rules"]!.AsArray())
        {
            rule!["id"] = newId + "/" + (string?)rule["id"];
        }

        return document.ToJsonString();
    }

    [Fact]
    public void Build_GradedRulePartBeyondTheLimitsItself_OnlyHPK018NotWalked()
    {
        // A part shared 20 times over: 2^21 - 1 parts counted where used, 21 levels. Walking it for the size bound or
        // for its findings would report more (or throw); it is reported once and left alone.
        Criterion part = Criterion.Present("a");
        for (var level = 0; level < 20; level++)
        {
            part = Criterion.AnyOf(part, part);
        }

        var builder = WithRule(Criterion.Present("b")).AddCause("g", "Graded", c => c.Prior(0.1, Source).Treat("tx").Graded("g/r", [part], [0.5, 2], Source));

        Assert.Equal(
            "HPK018 at $.causes[1].rules[0].graded.parts: The parts of graded rule 'g/r', taken as one criterion one level above them: the criterion nests 22 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth).",
            SingleProblem(builder).ToString());
    }

    [Fact]
    public void Build_RedFlagCriterionTooDeepWithAScreenedFinding_HPK018AndHPK019()
    {
        var builder = WithRule(Criterion.Present("b"))
            .AddRedFlag("rf", "Flag", f => f.When(Nested(KnowledgeBaseLimits.MaximumCriterionDepth + 1, Criterion.Present("a"))).Urgency(Urgency.Urgent).Action("Act").Evidence(Source).Screen("a"));

        var problems = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build()).Problems;

        Assert.Equal(
            [
                "HPK018 at $.redFlags[0].criterion: The criterion nests 11 levels; the limit is 10 (KnowledgeBaseLimits.MaximumCriterionDepth).",
                "HPK019 at $.redFlags[0].screen[0]: Red flag 'rf' screens finding 'a', which its criterion does not read; screen only findings that can fire or rule out the red flag.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Validate_JsonBoundExactlyMaxJsonBytes_AcceptedAndOneByteMoreRefused()
    {
        static KnowledgeBaseBuilder With(int length) => new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Describe(new string('a', length)));
        var spare = (int)(KnowledgeBaseLimits.MaximumJsonBytes - JsonSizeBound.Of(With(0)));

        Assert.Equal(KnowledgeBaseLimits.MaximumJsonBytes, JsonSizeBound.Of(With(spare)));
        Assert.Empty(With(spare).Validate());
        Assert.Equal(
            $"HPK018 at $: The knowledge base is too large: its JSON form could take up to {KnowledgeBaseLimits.MaximumJsonBytes + 1} bytes; the limit is {KnowledgeBaseLimits.MaximumJsonBytes} (KnowledgeBaseLimits.MaximumJsonBytes). Split it, or shorten its texts.",
            Assert.Single(With(spare + 1).Validate()).ToString());
    }

    [Fact]
    public void AllowJsonBytes_RaisedByOneByte_AcceptsOneByteMoreThanTheDefaultAndRefusesTwo()
    {
        static KnowledgeBaseBuilder With(int length) => new KnowledgeBaseBuilder("kb", "1")
            .AllowJsonBytes(KnowledgeBaseLimits.MaximumJsonBytes + 1)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Describe(new string('a', length)));
        var spare = (int)(KnowledgeBaseLimits.MaximumJsonBytes - JsonSizeBound.Of(With(0)));

        Assert.Empty(With(spare + 1).Validate());
        Assert.Equal(
            $"HPK018 at $: The knowledge base is too large: its JSON form could take up to {KnowledgeBaseLimits.MaximumJsonBytes + 2} bytes; the limit is {KnowledgeBaseLimits.MaximumJsonBytes + 1} (raised for this builder). Split it, or shorten its texts.",
            Assert.Single(With(spare + 2).Validate()).ToString());
    }

    [Fact]
    public void AllowJsonBytes_BelowTheDefault_ThrowsArgumentOutOfRange()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1");

        Assert.Equal("maximumBytes", Assert.Throws<ArgumentOutOfRangeException>(() => builder.AllowJsonBytes(KnowledgeBaseLimits.MaximumJsonBytes - 1)).ParamName);
    }
}
