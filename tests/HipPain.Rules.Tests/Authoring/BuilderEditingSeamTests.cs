using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// The builder's internal editing seams that the property tests use to derive a changed base (a ratio replaced, a
/// graded table replaced, a rule removed): each edits the one rule it names and nothing else, and an unknown rule is
/// refused by name.
/// </summary>
public sealed class BuilderEditingSeamTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private static KnowledgeBaseBuilder Make() => new KnowledgeBaseBuilder("kb", "1")
        .AddFinding("a", "A", FindingKind.Symptom)
        .AddFinding("b", "B", FindingKind.Symptom)
        .AddFinding("d", "D", FindingKind.Symptom)
        .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
        .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx")
            .Finding("a", 2, 0.5, Source)
            .Finding("b", 3, 0.4, Source)
            .Graded("c/g", [Criterion.Present("d")], [0.5, 4], Source)
            .Group("pair", "Pair", g => g.Member("c/a").Member("c/b"))
            .Group("single", "Single", g => g.Member("c/g")));

    [Fact]
    public void ReplaceRatio_NamedRule_ChangesOnlyThatRule()
    {
        var builder = Make();

        builder.ReplaceRatio("c/b", 5, 0.25);
        var kb = builder.Build();

        Assert.Equal(["c/a 2/0.5", "c/b 5/0.25"], kb.Rules.OfType<CriterionRule>().Select(r => $"{r.Id} {r.Ratio.Positive}/{r.Ratio.Negative}"));
    }

    [Fact]
    public void ReplaceGradedRatios_NamedRule_ReplacesItsTable()
    {
        var builder = Make();

        builder.ReplaceGradedRatios("c/g", [0.25, 8]);
        var kb = builder.Build();

        Assert.Equal(new double?[] { 0.25, 8 }, Assert.Single(kb.Rules.OfType<GradedRule>()).RatiosByCount);
    }

    [Fact]
    public void RemoveRule_MemberOfTwoRuleGroup_RemovesTheRuleAndItsMembershipOnly()
    {
        var builder = Make();

        builder.RemoveRule("c/a");
        var kb = builder.Build();

        Assert.Equal(["c/b", "c/g"], kb.Rules.Select(r => r.Id));
        Assert.Equal(["pair: c/b", "single: c/g"], kb.Groups.Select(g => $"{g.Id}: {string.Join(", ", g.Members.Select(m => m.RuleId))}"));
    }

    [Fact]
    public void RemoveRule_OnlyMemberOfItsGroup_RemovesTheGroupToo()
    {
        var builder = Make();

        builder.RemoveRule("c/g");
        var kb = builder.Build();

        Assert.Equal(["c/a", "c/b"], kb.Rules.Select(r => r.Id));
        Assert.Equal(["pair"], kb.Groups.Select(g => g.Id));
    }

    [Fact]
    public void ReplaceRatio_UnknownRule_ThrowsNamingIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Make().ReplaceRatio("c/nope", 2, 0.5));

        Assert.Equal("Knowledge base 'kb' has no rule 'c/nope'.", ex.Message);
    }
}
