using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// HPK010 for two rules of one cause that read the same finding: allowed only when both are one-sided (LR- = 1)
/// and cannot both be met; every other pair is reported, whatever the order of the rules and whatever lies between
/// them.
/// </summary>
public sealed class SharedFindingTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private static string[] Problems(Action<CauseBuilder> rules) => [.. new KnowledgeBaseBuilder("kb", "1")
        .AddFinding("a", "A", FindingKind.Symptom)
        .AddFinding("b", "B", FindingKind.Symptom)
        .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
        .AddCause("c", "Cause", c => rules(c.Prior(0.2, Source).Treat("tx")))
        .Validate()
        .Select(p => p.ToString())];

    private static string Conflict(int rule, string finding, string other) =>
        $"HPK010 at $.causes[0].rules[{rule}].criterion: Finding '{finding}' already feeds rule '{other}' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.";

    [Fact]
    public void Validate_ExcludingOutcomesBothOneSided_Accepted()
    {
        var problems = Problems(c => c
            .Composite("c/both", Criterion.AllOf(Criterion.Present("a"), Criterion.Present("b")), 4, 1, Source)
            .Composite("c/first-only", Criterion.AllOf(Criterion.Present("a"), Criterion.Absent("b")), 2, 1, Source));

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_ExcludingOutcomesOneOfThemTwoSided_Reported()
    {
        var problems = Problems(c => c
            .Composite("c/present-two-sided", Criterion.Present("a"), 2, 0.5, Source)
            .Composite("c/absent-one-sided", Criterion.Absent("a"), 0.5, 1, Source)
            .Composite("c/b-one-sided", Criterion.Present("b"), 2, 1, Source)
            .Composite("c/b-absent-two-sided", Criterion.Absent("b"), 0.5, 2, Source));

        Assert.Equal([Conflict(1, "a", "c/present-two-sided"), Conflict(3, "b", "c/b-one-sided")], problems);
    }

    [Fact]
    public void Validate_OneSidedAllOfWithAnAgeBand_ReportedAsAConflict()
    {
        // Only a finding, or all of several findings, gives the states a rule requires; with an age band among the
        // parts the two rules are not known to exclude each other.
        var problems = Problems(c => c
            .Composite("c/older-with-a", Criterion.AllOf(Criterion.Present("a"), Criterion.AgeBetween(40, null)), 2, 1, Source)
            .Composite("c/without-a", Criterion.Absent("a"), 0.5, 1, Source));

        Assert.Equal([Conflict(1, "a", "c/older-with-a")], problems);
    }

    [Fact]
    public void Validate_ConflictAfterAnExcludingRuleOfAGroup_Reported()
    {
        // The readers of 'a' are c/grouped (in a group, excluding the new rule) and then c/absent (no group, the
        // same outcome as the new rule): the conflict lies in the second run of readers, not the first.
        var problems = Problems(c => c
            .Group("g", "Group", g => g.Composite("c/grouped", Criterion.Present("a"), 2, 1, Source))
            .Composite("c/absent", Criterion.Absent("a"), 0.5, 1, Source)
            .Composite("c/absent-again", Criterion.Absent("a"), 0.4, 1, Source));

        Assert.Equal([Conflict(2, "a", "c/absent")], problems);
    }
}
