using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>Evidence groups and graded rules in the DSL, and the problems the validator reports about them.</summary>
public sealed class EvidenceGroupBuilderTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private static KnowledgeBaseBuilder Base(Action<CauseBuilder> cause, Action<CauseBuilder>? other = null)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            builder.AddFinding(id, "Finding " + id, FindingKind.Examination);
        }

        builder.AddCause("x", "Cause X", c =>
        {
            c.Prior(0.2, Source).Treat("tx");
            cause(c);
        });
        builder.AddCause("y", "Cause Y", c =>
        {
            c.Prior(0.1, Source).Treat("tx");
            other?.Invoke(c);
        });
        return builder;
    }

    private static ValidationProblem SingleProblem(KnowledgeBaseBuilder builder) =>
        Assert.Single(Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build()).Problems);

    [Fact]
    public void Build_GroupWithRulesMembersAndModifiers_ModelHoldsGroupAndRulesInOrder()
    {
        var kb = Base(c => c
            .Finding("d", 2, 0.5, Source)
            .Group("x/tests", "Tests of one structure", g => g
                .Graded("x/cluster", [Criterion.Present("a"), Criterion.Absent("b")], [0.11, null, 16.7], Source, "Cluster", joint: true)
                .Finding("a", 3, 0.4, Source)
                .Composite("x/both", Criterion.AllOf("a", "b"), 5, 0.8, Source, "Both")
                .Age(40, null, 1.5, 0.8, Source)
                .Sex(Sex.Female, 1.6, 0.5, Source)
                .Member("x/d"))).Build();

        var group = Assert.Single(kb.Groups);
        Assert.Equal(("x/tests", "x", "Tests of one structure"), (group.Id, group.CauseId, group.Name));
        Assert.Equal(
            [new("x/cluster", true), new("x/a", false), new("x/both", false), new("x/age:40-", false), new("x/sex:female", false), new EvidenceGroupMember("x/d", false)],
            group.Members);
        Assert.Equal(["x/d", "x/cluster", "x/a", "x/both", "x/age:40-", "x/sex:female"], kb.RulesFor("x").Select(r => r.Id));
        var graded = Assert.IsType<GradedRule>(kb.RulesFor("x")[1]);
        Assert.Equal([0.11, null, 16.7], graded.RatiosByCount);
        Assert.Equal(["present(a)", "absent(b)"], graded.Parts.Select(p => p.ToString()));
        Assert.Equal(["a", "b"], graded.FindingIds());
        Assert.True(kb.TryGetGroupOf("x/both", out var found));
        Assert.Same(group, found);
        Assert.False(kb.TryGetGroupOf("missing", out _));
        Assert.Same(group, Assert.Single(kb.GroupsFor("x")));
        Assert.Empty(kb.GroupsFor("y"));
    }

    [Fact]
    public void ToBuilder_BaseWithGroupsAndGradedRules_RebuildsTheSameHash()
    {
        var kb = Base(c => c
            .Graded("x/score", [Criterion.Present("c"), Criterion.Present("d")], [0.2, 1, 5], Source)
            .Group("x/g", "G", g => g.Finding("a", 3, 0.4, Source).Finding("b", 2, 0.5, Source, joint: true))).Build();

        Assert.Equal(kb.ContentHash, kb.ToBuilder().Build().ContentHash);
    }

    [Fact]
    public void ContentHash_MemberOrderOrJointFlagChanged_Differs()
    {
        string Hash(bool swap, bool joint) => Base(c => c.Group("x/g", "G", g =>
        {
            if (swap)
            {
                g.Finding("b", 2, 0.5, Source, joint).Finding("a", 3, 0.4, Source);
            }
            else
            {
                g.Finding("a", 3, 0.4, Source).Finding("b", 2, 0.5, Source, joint);
            }
        })).Build().ContentHash;

        Assert.NotEqual(Hash(false, false), Hash(true, false));
        Assert.NotEqual(Hash(false, false), Hash(false, true));
    }

    [Fact]
    public void ContentHash_GroupsDeclaredInAnotherOrder_Identical()
    {
        var first = Base(c => c
            .Group("x/g1", "G1", g => g.Finding("a", 3, 0.4, Source))
            .Group("x/g2", "G2", g => g.Finding("b", 2, 0.5, Source))).Build();
        var second = Base(c => c
            .Group("x/g2", "G2", g => g.Finding("b", 2, 0.5, Source))
            .Group("x/g1", "G1", g => g.Finding("a", 3, 0.4, Source))).Build();

        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void Build_MembersOfOneGroupReadTheSameFinding_Allowed()
    {
        var kb = Base(c => c.Group("x/g", "G", g => g
            .Finding("a", 3, 0.4, Source)
            .Composite("x/a-and-b", Criterion.AllOf("a", "b"), 5, 0.8, Source)
            .Graded("x/count", [Criterion.Present("a"), Criterion.Present("b")], [0.5, 1, 4], Source))).Build();

        Assert.Equal(3, kb.Rules.Length);
    }

    [Fact]
    public void Build_GroupedAndUngroupedRuleReadTheSameFinding_ReportsHPK010()
    {
        var problem = SingleProblem(Base(c => c
            .Group("x/g", "G", g => g.Finding("a", 3, 0.4, Source))
            .Composite("x/a-and-b", Criterion.AllOf("a", "b"), 5, 0.8, Source)));

        Assert.Equal(ErrorCodes.FindingCountedTwice, problem.Code);
        Assert.Equal("$.causes[0].rules[1].criterion", problem.Path);
        Assert.Equal(
            "Finding 'a' already feeds rule 'x/a' of cause 'x'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            problem.Message);
    }

    [Fact]
    public void Build_RulesOfTwoGroupsReadTheSameFinding_ReportsHPK010()
    {
        var problem = SingleProblem(Base(c => c
            .Group("x/g1", "G1", g => g.Finding("a", 3, 0.4, Source))
            .Group("x/g2", "G2", g => g.Graded("x/count", [Criterion.Present("a"), Criterion.Present("b")], [0.5, 1, 4], Source))));

        Assert.Equal(ErrorCodes.FindingCountedTwice, problem.Code);
        Assert.Equal("$.causes[0].rules[1].graded", problem.Path);
    }

    [Fact]
    public void Build_FindingTwiceAmongTheParts_ReportsHPK010()
    {
        var problem = SingleProblem(Base(c => c.Graded("x/count", [Criterion.Present("a"), Criterion.Absent("a")], [0.5, 1, 4], Source)));

        Assert.Equal(ErrorCodes.FindingCountedTwice, problem.Code);
        Assert.Equal("$.causes[0].rules[0].graded", problem.Path);
        Assert.Equal("Finding 'a' appears more than once in the parts of rule 'x/count'.", problem.Message);
    }

    [Fact]
    public void Build_GroupNamesUnknownRule_ReportsHPK020()
    {
        var problem = SingleProblem(Base(c => c.Group("x/g", "G", g => g.Member("x/missing"))));

        Assert.Equal(ErrorCodes.UnknownRule, problem.Code);
        Assert.Equal("$.causes[0].groups[0].members[0].rule", problem.Path);
        Assert.Equal("Group 'x/g' names unknown rule 'x/missing'.", problem.Message);
    }

    [Fact]
    public void Build_RuleInTwoGroups_ReportsHPK021()
    {
        var problem = SingleProblem(Base(c => c
            .Group("x/g1", "G1", g => g.Finding("a", 3, 0.4, Source))
            .Group("x/g2", "G2", g => g.Finding("b", 2, 0.5, Source).Member("x/a"))));

        Assert.Equal(ErrorCodes.RuleInTwoGroups, problem.Code);
        Assert.Equal("$.causes[0].groups[1].members[1].rule", problem.Path);
        Assert.Equal("Rule 'x/a' is already in group 'x/g1'; a rule belongs to at most one group.", problem.Message);
    }

    [Fact]
    public void Build_RuleListedTwiceInOneGroup_ReportsHPK021()
    {
        var problem = SingleProblem(Base(c => c.Group("x/g", "G", g => g.Finding("a", 3, 0.4, Source).Member("x/a", joint: true))));

        Assert.Equal(ErrorCodes.RuleInTwoGroups, problem.Code);
        Assert.Equal("Rule 'x/a' is listed twice in group 'x/g'.", problem.Message);
    }

    [Fact]
    public void Build_GroupNamesRuleOfAnotherCause_ReportsHPK022()
    {
        var problem = SingleProblem(Base(c => c.Group("x/g", "G", g => g.Member("y/a")), y => y.Finding("a", 3, 0.4, Source)));

        Assert.Equal(ErrorCodes.GroupAcrossCauses, problem.Code);
        Assert.Equal("$.causes[0].groups[0].members[0].rule", problem.Path);
        Assert.Equal("Group 'x/g' of cause 'x' names rule 'y/a' of cause 'y'; a group holds rules of one cause only.", problem.Message);
    }

    [Theory]
    [InlineData(1, "Graded rule 'x/count' has 2 parts, so it needs 3 ratios, one for each number of parts met from 0 to 2; it has 2.")]
    [InlineData(2, "Graded rule 'x/count' has 2 parts, so it needs 3 ratios, one for each number of parts met from 0 to 2; it has 4.")]
    public void Build_GradedTableOfTheWrongLength_ReportsHPK023(int variant, string message)
    {
        double?[] ratios = variant == 1 ? [0.5, 2] : [0.5, 1, 2, 4];

        var problem = SingleProblem(Base(c => c.Graded("x/count", [Criterion.Present("a"), Criterion.Present("b")], ratios, Source)));

        Assert.Equal(ErrorCodes.InvalidGradedRule, problem.Code);
        Assert.Equal("$.causes[0].rules[0].graded.ratios", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Build_GradedRuleWithoutParts_ReportsHPK023()
    {
        var problem = SingleProblem(Base(c => c.Graded("x/count", [], [2.0], Source)));

        Assert.Equal(ErrorCodes.InvalidGradedRule, problem.Code);
        Assert.Equal("$.causes[0].rules[0].graded.parts", problem.Path);
        Assert.Equal("Graded rule 'x/count' has no parts; give at least one criterion to count.", problem.Message);
    }

    [Fact]
    public void Build_GradedRuleWithoutAnyFigure_ReportsHPK023()
    {
        var problem = SingleProblem(Base(c => c.Graded("x/count", [Criterion.Present("a")], [null, null], Source)));

        Assert.Equal(ErrorCodes.InvalidGradedRule, problem.Code);
        Assert.Equal("Graded rule 'x/count' has no figure: every ratio is null. Give the figure of at least one count.", problem.Message);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-2.0, "-2")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Build_GradedEntryNotAPositiveFiniteNumber_ReportsHPK004AtTheEntry(double ratio, string shown)
    {
        var problem = SingleProblem(Base(c => c.Graded("x/count", [Criterion.Present("a"), Criterion.Present("b")], [0.5, null, ratio], Source)));

        Assert.Equal(ErrorCodes.InvalidLikelihoodRatio, problem.Code);
        Assert.Equal("$.causes[0].rules[0].graded.ratios[2]", problem.Path);
        Assert.Equal($"The ratio for 2 parts met, {shown}, is not a finite number greater than 0 (null when the source gives no figure).", problem.Message);
    }

    [Fact]
    public void Build_GradedPartNamesUnknownFinding_ReportsHPK003AtThePart()
    {
        var problem = SingleProblem(Base(c => c.Graded("x/count", [Criterion.Present("a"), Criterion.Present("zz")], [0.5, 1, 2], Source)));

        Assert.Equal(ErrorCodes.UnknownFinding, problem.Code);
        Assert.Equal("$.causes[0].rules[0].graded.parts[1]", problem.Path);
    }

    [Fact]
    public void Build_EmptyGroup_ReportsHPK024()
    {
        var problem = SingleProblem(Base(c => c.Group("x/g", "G", _ => { })));

        Assert.Equal(ErrorCodes.EmptyGroup, problem.Code);
        Assert.Equal("$.causes[0].groups[0].members", problem.Path);
        Assert.Equal("Group 'x/g' has no member; list the rules of cause 'x' that measure the same thing.", problem.Message);
    }

    [Fact]
    public void Build_TwoGroupsShareAnId_ReportsHPK001()
    {
        var problem = SingleProblem(Base(c => c.Group("g", "G", g => g.Finding("a", 3, 0.4, Source)), y => y.Group("g", "G", g => g.Finding("b", 2, 0.5, Source))));

        Assert.Equal(ErrorCodes.DuplicateId, problem.Code);
        Assert.Equal("$.causes[1].groups[0]", problem.Path);
        Assert.Equal("Group id 'g' is used more than once.", problem.Message);
    }

    [Fact]
    public void Group_NullArguments_ThrowArgumentNull()
    {
        Base(c =>
        {
            Assert.Equal("groupId", Assert.Throws<ArgumentNullException>(() => c.Group(null!, "G", _ => { })).ParamName);
            Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => c.Group("g", "G", null!)).ParamName);
            Assert.Equal("parts", Assert.Throws<ArgumentNullException>(() => c.Graded("r", [null!], [1, 2], Source)).ParamName);
            Assert.Equal("ratiosByCount", Assert.Throws<ArgumentNullException>(() => c.Graded("r", [Criterion.Present("a")], null!, Source)).ParamName);
            c.Group("x/g", "G", g => Assert.Equal("ruleId", Assert.Throws<ArgumentNullException>(() => g.Member(null!)).ParamName));
            c.Finding("a", 2, 0.5, Source);
        });
    }

    [Fact]
    public void Group_AfterBuild_Throws()
    {
        EvidenceGroupBuilder? captured = null;
        var builder = Base(c => c.Group("x/g", "G", g => (captured = g).Finding("a", 3, 0.4, Source)));
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => captured!.Finding("b", 2, 0.5, Source));
    }
}
