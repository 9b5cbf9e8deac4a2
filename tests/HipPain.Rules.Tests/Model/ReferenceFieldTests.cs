using System.Collections.Immutable;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// Issue 15 item 1: a reference field is a clinical code with a target kind (<see cref="ClinicalCode{T}.Target"/>),
/// declared once beside the model type like the other codes (format version 1 declares none yet). These tests hold the
/// one piece a reference adds to a code, the validator's check that the id names an item of its kind; the rest of its
/// path (DSL, reader, writer, <c>ToBuilder</c>, overlay, hash, schema) is the codes' own and was measured on a scratch
/// copy (docs/json-packs.md).
/// </summary>
public sealed class ReferenceFieldTests
{
    private static readonly ImmutableArray<ClinicalCode<Cause>> Declarations =
    [
        new("icd10", _ => null),
        new("differentialOf", _ => null, Target: ItemKind.Cause),
        new("hallmark", _ => null, Target: ItemKind.Finding),
        new("firstLine", _ => null, Target: ItemKind.Treatment),
    ];

    private static readonly Dictionary<ItemKind, IReadOnlySet<string>> Known = new()
    {
        [ItemKind.Cause] = new HashSet<string>(["gtps"], StringComparer.Ordinal),
        [ItemKind.Finding] = new HashSet<string>(["loc.groin"], StringComparer.Ordinal),
        [ItemKind.Treatment] = new HashSet<string>(["tx.mri"], StringComparer.Ordinal),
    };

    [Fact]
    public void KnownIds_AndPlainCodes_AndUnsetReferences_GiveNoProblem()
    {
        var codes = Codes(("icd10", "not an id at all"), ("differentialOf", "gtps"), ("hallmark", "loc.groin"));

        Assert.Empty(KnowledgeBaseValidator.UnknownReferences(Declarations, codes, kind => Known[kind], "$.causes[2]", "Cause 'x'"));
    }

    [Theory]
    [InlineData("differentialOf", "fai", ErrorCodes.UnknownCause, "cause")]
    [InlineData("hallmark", "loc.knee", ErrorCodes.UnknownFinding, "finding")]
    [InlineData("firstLine", "tx.gait", ErrorCodes.UnknownTreatment, "treatment")]
    public void UnknownId_IsTheKindsUnknownItemError_AtTheFieldsPath(string field, string id, string code, string noun)
    {
        var problem = Assert.Single(KnowledgeBaseValidator.UnknownReferences(Declarations, Codes((field, id)), kind => Known[kind], "$.causes[2]", "Cause 'x'"));

        Assert.Equal(code, problem.Code);
        Assert.Equal($"$.causes[2].{field}", problem.Path);
        Assert.Equal($"Cause 'x' names unknown {noun} '{id}' in {field}; it must be the id of a {noun} of the base.", problem.Message);
    }

    [Fact]
    public void AnIdOfAnotherKind_IsUnknown()
    {
        var problem = Assert.Single(KnowledgeBaseValidator.UnknownReferences(Declarations, Codes(("differentialOf", "loc.groin")), kind => Known[kind], "$", "Cause 'x'"));

        Assert.Equal(ErrorCodes.UnknownCause, problem.Code);
    }

    private static NamedTexts Codes(params (string Name, string? Text)[] codes) => new(codes);
}
