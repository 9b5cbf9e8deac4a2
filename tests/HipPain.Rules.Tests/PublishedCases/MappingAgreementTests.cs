using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>The second, independent mapping of published cases (validation/mapping-agreement) and its comparison.</summary>
public sealed class MappingAgreementTests
{
    private static readonly Lazy<IReadOnlyList<SecondMapping>> Mappings = new(() => MappingAgreement.Load(Repository.Root));

    [Fact]
    public void SecondMappings_AsCommitted_NameCasesOfTheSetsWithCodesOfTheBuiltInBase()
    {
        var ids = PublishedCaseSet.Load(Repository.Root).Concat(HoldoutBatch.All.SelectMany(b => PublishedCaseSet.Load(Repository.Root, b.RelativePath)))
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Mappings.Value);
        Assert.All(Mappings.Value, m =>
        {
            Assert.Contains(m.Id, ids);
            Assert.All(m.Statements.SelectMany(s => s.Codes), c =>
            {
                Assert.True(BuiltInKnowledgeBase.Instance.TryGetFinding(c.Code, out _), $"{m.Id}: unknown code '{c.Code}'");
                Assert.True(c.State is "present" or "absent", $"{m.Id}: state '{c.State}' of '{c.Code}'");
            });
            Assert.True(m.SourceFound || m.Statements.Count == 0, $"{m.Id}: statements recorded for a source not found");
        });
    }

    [Fact]
    public void Compare_EveryFoundMapping_CountsEachCodedFindingOnce()
    {
        var comparisons = MappingAgreement.Compare(BuiltInKnowledgeBase.Instance, Repository.Root);

        Assert.Equal(Mappings.Value.Count(m => m.SourceFound), comparisons.Length);
        Assert.All(comparisons, c =>
        {
            Assert.Equal(c.First.Vignette.Present.Count + c.First.Vignette.Absent.Count, c.Both + c.FirstOnly);
            Assert.Equal(c.Second.Vignette.Present.Count + c.Second.Vignette.Absent.Count, c.Both + c.SecondOnly);
            Assert.InRange(c.Jaccard, 0, 1);
        });
    }
}
