using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

public sealed class KnowledgeBaseProviderTests
{
    [Fact]
    public void Swap_NewBase_NewSnapshotWithNextGenerationAndSameSettings()
    {
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.UseKnowledgeBase(TestBases.Create());
                o.Triage.LeadingCauseCount = 1;
            })
            .BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var first = rules.Current;

        var second = rules.Swap(TestBases.Create("next", 0.6));

        Assert.Equal((1L, 2L), (first.Generation, second.Generation));
        Assert.Same(second, rules.Current);
        Assert.Equal("next", rules.Current.Triage(TestBases.LateralHip).KnowledgeBaseId);
        var plan = rules.Current.Triage(TestBases.LateralHip).Plan;
        Assert.Single(plan.Treatments.Concat(plan.Workup));
        Assert.Same(first.Engine, provider.GetRequiredService<TriageEngine>());
    }

    [Fact]
    public void Reload_FileChanged_SwapsToTheNewContent()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(path)).BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var before = rules.Current;
        folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create("base", 0.45)));

        var after = rules.Reload();

        Assert.NotEqual(before.KnowledgeBase.ContentHash, after.KnowledgeBase.ContentHash);
        Assert.True(after.KnowledgeBase.TryGetCause("gtps", out var gtps));
        Assert.Equal(0.45, gtps.Prior);
    }

    [Fact]
    public void Reload_FileBroken_ThrowsAndKeepsTheCurrentSnapshot()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(path)).BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var before = rules.Current;
        folder.Write("base.knowledge-base.json", "{ \"formatVersion\": 2 }");

        var ex = Assert.Throws<HipPainRulesOptionsException>(() => rules.Reload());

        Assert.Equal("HPJ002", Assert.Single(ex.Problems).Code);
        Assert.Same(before, rules.Current);
    }

    [Fact]
    public async Task Current_WhileSwapping_EveryResultNamesTheHashOfItsSnapshot()
    {
        var bases = Enumerable.Range(0, 8).Select(i => TestBases.Create($"kb-{i}", 0.1 + (i * 0.1))).ToArray();
        var expected = bases.ToDictionary(b => b.Id, b => b.ContentHash);
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBase(bases[0])).BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();

        var swapper = Task.Run(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                rules.Swap(bases[i % bases.Length]);
            }
        }, TestContext.Current.CancellationToken);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var seen = 0L;
            while (!swapper.IsCompleted)
            {
                var snapshot = rules.Current;
                var result = snapshot.Triage(TestBases.LateralHip);
                Assert.Equal(snapshot.KnowledgeBase.ContentHash, result.KnowledgeBaseHash);
                Assert.Equal(expected[result.KnowledgeBaseId], result.KnowledgeBaseHash);
                Assert.True(snapshot.Generation >= seen);
                seen = snapshot.Generation;
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        await swapper;
        await Task.WhenAll(readers);
        Assert.Equal(401, rules.Current.Generation);
    }

    [Fact]
    public void Swap_Null_Throws()
    {
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBase(TestBases.Create())).BuildServiceProvider();

        Assert.Throws<ArgumentNullException>(() => provider.GetRequiredService<IKnowledgeBaseProvider>().Swap(null!));
    }
}
