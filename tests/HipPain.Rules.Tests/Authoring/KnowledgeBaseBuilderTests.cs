using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Authoring;

public sealed class KnowledgeBaseBuilderTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    private static KnowledgeBaseBuilder Minimal(Action<CauseBuilder>? cause = null) =>
        new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "Finding A", FindingKind.Symptom)
            .AddFinding("b", "Finding B", FindingKind.Examination)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c =>
            {
                c.Prior(0.2, Source).Treat("tx");
                cause?.Invoke(c);
            });

    private static ValidationProblem SingleProblem(KnowledgeBaseBuilder builder)
    {
        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());
        return Assert.Single(ex.Problems);
    }

    [Fact]
    public void Build_ValidBase_ReturnsImmutableBaseWithHash()
    {
        var kb = Minimal(c => c.Finding("a", 2, 0.5, Source)).Build();

        Assert.Equal("kb", kb.Id);
        Assert.Single(kb.Causes);
        Assert.Equal("c/a", Assert.Single(kb.Rules).Id);
        Assert.StartsWith("sha256:", kb.ContentHash, StringComparison.Ordinal);
        Assert.Equal(71, kb.ContentHash.Length);
    }

    [Fact]
    public void Build_UnknownFinding_ReportsHPK003WithPath()
    {
        var problem = SingleProblem(Minimal(c => c.Finding("missing", 2, 0.5, Source)));

        Assert.Equal(ErrorCodes.UnknownFinding, problem.Code);
        Assert.Equal("$.causes[0].rules[0].criterion", problem.Path);
        Assert.Equal("Unknown finding 'missing'; add it with AddFinding first.", problem.Message);
    }

    [Fact]
    public void Build_DuplicateFindingId_ReportsHPK001()
    {
        var problem = SingleProblem(Minimal().AddFinding("a", "Again", FindingKind.Symptom));

        Assert.Equal(ErrorCodes.DuplicateId, problem.Code);
        Assert.Equal("$.findings[2]", problem.Path);
    }

    [Fact]
    public void Build_RedFlagNamesUnknownCause_ReportsHPK002()
    {
        var builder = Minimal().AddRedFlag("rf", "Flag", f => f.When(Criterion.Present("a")).Urgency(Urgency.Urgent).Action("Act").Suspect("nope").Evidence(Source));

        var problem = SingleProblem(builder);

        Assert.Equal(ErrorCodes.UnknownCause, problem.Code);
        Assert.Equal("$.redFlags[0].suspects[0]", problem.Path);
    }

    [Theory]
    [InlineData(double.NaN, 0.5, "ratio.positive", "LR+ NaN")]
    [InlineData(double.PositiveInfinity, 0.5, "ratio.positive", "LR+ Infinity")]
    [InlineData(0.0, 0.5, "ratio.positive", "LR+ 0")]
    [InlineData(2.0, -1.0, "ratio.negative", "LR- -1")]
    public void Build_InvalidLikelihoodRatio_ReportsHPK004(double positive, double negative, string pathEnd, string messageStart)
    {
        var problem = SingleProblem(Minimal(c => c.Finding("a", positive, negative, Source)));

        Assert.Equal(ErrorCodes.InvalidLikelihoodRatio, problem.Code);
        Assert.Equal("$.causes[0].rules[0]." + pathEnd, problem.Path);
        Assert.StartsWith(messageStart, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Build_PriorOutsideOpenInterval_ReportsHPK005(double prior)
    {
        var problem = SingleProblem(Minimal(c => c.Prior(prior, Source)));

        Assert.Equal(ErrorCodes.PriorOutOfRange, problem.Code);
        Assert.Equal("$.causes[0].prior", problem.Path);
    }

    [Fact]
    public void Build_RedFlagWithoutUrgency_ReportsHPK006()
    {
        var problem = SingleProblem(Minimal().AddRedFlag("rf", "Flag", f => f.When(Criterion.Present("a")).Action("Act").Evidence(Source)));

        Assert.Equal(ErrorCodes.RedFlagWithoutUrgency, problem.Code);
        Assert.Equal("$.redFlags[0].urgency", problem.Path);
    }

    [Fact]
    public void Build_CauseWithOnlyAvoidLines_ReportsHPK007()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Avoid("tx"));

        var problem = SingleProblem(builder);

        Assert.Equal(ErrorCodes.CauseWithoutPlan, problem.Code);
        Assert.Equal("Cause 'c' has no treatment and no workup step; recommend at least one.", problem.Message);
    }

    [Fact]
    public void Build_UnknownTreatment_ReportsHPK008()
    {
        var problem = SingleProblem(Minimal(c => c.Treat("nope")));

        Assert.Equal(ErrorCodes.UnknownTreatment, problem.Code);
        Assert.Equal("$.causes[0].recommendations[1]", problem.Path);
    }

    [Fact]
    public void Build_BlankCitation_ReportsHPK009()
    {
        var problem = SingleProblem(Minimal(c => c.Finding("a", 2, 0.5, new Evidence("  ", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary))));

        Assert.Equal(ErrorCodes.MissingCitation, problem.Code);
        Assert.Equal("$.causes[0].rules[0].evidence.citation", problem.Path);
    }

    [Fact]
    public void Build_FindingInTwoRulesOfOneCause_ReportsHPK010()
    {
        var problem = SingleProblem(Minimal(c => c
            .Finding("a", 2, 0.5, Source)
            .Composite("c/cluster", Criterion.AllOf("a", "b"), 3, 0.5, Source)));

        Assert.Equal(ErrorCodes.FindingCountedTwice, problem.Code);
        Assert.Equal("$.causes[0].rules[1].criterion", problem.Path);
    }

    [Fact]
    public void Build_OneSidedMutuallyExclusiveClusterOutcomes_Allowed()
    {
        var kb = Minimal(c => c
            .Composite("c/both-positive", Criterion.AllOf("a", "b"), 8, 1, Source)
            .Composite("c/both-negative", Criterion.AllOf(Criterion.Absent("a"), Criterion.Absent("b")), 0.1, 1, Source)).Build();

        Assert.Equal(2, kb.Rules.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Build_AtLeastOutsideOneToPartCount_ReportsHPK011(int minimum)
    {
        var problem = SingleProblem(Minimal(c => c.Composite("c/x", Criterion.AtLeast(minimum, "a", "b"), 3, 0.5, Source)));

        Assert.Equal(ErrorCodes.InvalidCriterion, problem.Code);
        Assert.Equal($"At-least-{minimum} is outside the allowed range 1..2 (the number of parts).", problem.Message);
    }

    [Fact]
    public void Build_AgeBandReversed_ReportsHPK011()
    {
        var problem = SingleProblem(Minimal(c => c.Age(60, 40, 2, 0.5, Source)));

        Assert.Equal(ErrorCodes.InvalidCriterion, problem.Code);
        Assert.Equal("$.causes[0].rules[0].criterion", problem.Path);
    }

    [Fact]
    public void Build_IdWithWhiteSpace_ReportsHPK012()
    {
        var problem = SingleProblem(Minimal().AddFinding("has space", "Name", FindingKind.Symptom));

        Assert.Equal(ErrorCodes.InvalidText, problem.Code);
        Assert.Equal("$.findings[2].id", problem.Path);
    }

    [Fact]
    public void Build_UrgentCauseWithoutRedFlag_ReportsHPK013()
    {
        var problem = SingleProblem(Minimal(c => c.SuspectedUrgency(Urgency.Urgent)));

        Assert.Equal(ErrorCodes.CriticalCauseWithoutRedFlag, problem.Code);
        Assert.Equal("$.causes[0].suspectedUrgency", problem.Path);
    }

    [Fact]
    public void Build_RedFlagWithoutCriterion_ReportsHPK014()
    {
        var problem = SingleProblem(Minimal().AddRedFlag("rf", "Flag", f => f.Urgency(Urgency.Urgent).Action("Act").Evidence(Source)));

        Assert.Equal(ErrorCodes.RedFlagWithoutCriterion, problem.Code);
    }

    [Fact]
    public void Build_CauseWithoutPrior_ReportsHPK015()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Treat("tx"));

        Assert.Equal(ErrorCodes.MissingPrior, SingleProblem(builder).Code);
    }

    [Fact]
    public void Build_UndefinedEnumValue_ReportsHPK016WithAllowedNames()
    {
        var problem = SingleProblem(Minimal().AddFinding("z", "Z", (FindingKind)42));

        Assert.Equal(ErrorCodes.UndefinedValue, problem.Code);
        Assert.Equal("$.findings[2].kind", problem.Path);
        Assert.Contains("allowed: PainLocation,", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoCauses_ReportsHPK017()
    {
        Assert.Equal(ErrorCodes.NoCauses, SingleProblem(new KnowledgeBaseBuilder("kb", "1")).Code);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var builder = Minimal(c => c.Finding("missing", 0, 0.5, Source).Prior(2, Source))
            .AddRedFlag("rf", "Flag", f => f.Action("Act").Evidence(Source));

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());

        Assert.Equal(
            [ErrorCodes.PriorOutOfRange, ErrorCodes.InvalidLikelihoodRatio, ErrorCodes.UnknownFinding, ErrorCodes.RedFlagWithoutUrgency, ErrorCodes.RedFlagWithoutCriterion],
            ex.Problems.Select(p => p.Code));
        Assert.StartsWith("The knowledge base 'kb' is invalid (5 problems):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_Problems_ReturnsFalseWithoutThrowing()
    {
        var ok = Minimal(c => c.Prior(0, Source)).TryBuild(out var kb, out var problems);

        Assert.False(ok);
        Assert.Null(kb);
        Assert.Equal(ErrorCodes.PriorOutOfRange, Assert.Single(problems).Code);
    }

    [Fact]
    public void AddCause_AfterBuild_Throws()
    {
        var builder = Minimal();
        builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddFinding("late", "Late", FindingKind.Symptom));

        Assert.Contains("has already built it and refuses changes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_AuthoringOrderChanged_Identical()
    {
        var first = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom).AddFinding("b", "B", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c1", "One", c => c.Prior(0.2, Source).Treat("tx"))
            .AddCause("c2", "Two", c => c.Prior(0.3, Source).Treat("tx"))
            .Build();
        var second = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddFinding("b", "B", FindingKind.Symptom).AddFinding("a", "A", FindingKind.Symptom)
            .AddCause("c2", "Two", c => c.Prior(0.3, Source).Treat("tx"))
            .AddCause("c1", "One", c => c.Prior(0.2, Source).Treat("tx"))
            .Build();

        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void ContentHash_OneWeightChanged_Differs()
    {
        var a = Minimal(c => c.Finding("a", 2, 0.5, Source)).Build();
        var b = Minimal(c => c.Finding("a", 2.0000001, 0.5, Source)).Build();

        Assert.NotEqual(a.ContentHash, b.ContentHash);
    }
}
