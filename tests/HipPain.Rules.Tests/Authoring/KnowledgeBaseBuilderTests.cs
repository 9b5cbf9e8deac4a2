using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Authoring;

public sealed class KnowledgeBaseBuilderTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    [Fact]
    public void Build_UnknownFinding_ReportsHPK003WithPath()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Finding("missing", 2, 0.5, Source).Treat("tx"));

        var ex = Assert.Throws<KnowledgeBaseValidationException>(() => builder.Build());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(ErrorCodes.UnknownFinding, problem.Code);
        Assert.Equal("causes[c].rules[c/missing].criterion", problem.Path);
    }
}
