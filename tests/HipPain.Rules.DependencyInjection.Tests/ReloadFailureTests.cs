using HipPain.Rules.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

/// <summary>A failed reload is reported as coded problems the application can observe, while the last good snapshot serves.</summary>
public sealed class ReloadFailureTests
{
    [Fact]
    public void Reload_BrokenOverlay_RaisesReloadFailedWithCodesAndTheSnapshotInService()
    {
        using var folder = new TestBases.TempFolder();
        var overlay = folder.Write("clinic.overlay.json", TestBases.PriorOverlay("gtps", 0.4));
        using var provider = new ServiceCollection()
            .AddHipPainRules(o => o.UseKnowledgeBase(TestBases.Create()).AddOverlayFile(overlay))
            .BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var before = rules.Current;
        var raised = new List<KnowledgeBaseReloadFailedEventArgs>();
        rules.ReloadFailed += (sender, e) =>
        {
            Assert.Same(rules, sender);
            raised.Add(e);
        };
        folder.Write("clinic.overlay.json", TestBases.PriorOverlay("no-such-cause", 0.4));

        var ex = Assert.Throws<HipPainRulesOptionsException>(rules.Reload);

        var failure = Assert.Single(raised);
        Assert.Same(ex, failure.Exception);
        Assert.Same(before, failure.Current);
        Assert.Same(before, rules.Current);
        var problem = Assert.Single(failure.Problems);
        Assert.Equal(("HPK051", overlay, "$.priors[0].cause"), (problem.Code, problem.Source, problem.Path));
        Assert.Equal(failure.Problems, rules.LastReloadProblems);
        Assert.Equal(before.KnowledgeBase.ContentHash, rules.Current.Triage(TestBases.LateralHip).KnowledgeBaseHash);
    }

    [Fact]
    public void Reload_FixedAfterAFailure_ClearsTheProblemsAndRaisesNothing()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(path)).BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        Assert.Empty(rules.LastReloadProblems);
        File.Delete(path);
        Assert.Throws<HipPainRulesOptionsException>(rules.Reload);
        Assert.Equal("HPD003", Assert.Single(rules.LastReloadProblems).Code);
        var raised = 0;
        rules.ReloadFailed += (_, _) => raised++;
        folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create("base", 0.45)));

        var after = rules.Reload();

        Assert.Empty(rules.LastReloadProblems);
        Assert.Equal(0, raised);
        Assert.Equal(2, after.Generation);
    }

    [Fact]
    public void Reload_HandlerReloadsAgain_NoDeadlock()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(path)).BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var engine = provider.GetRequiredService<TriageEngine>();
        folder.Write("base.knowledge-base.json", "{");
        var retried = false;
        rules.ReloadFailed += (_, _) =>
        {
            if (!retried)
            {
                retried = true;
                folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create("fixed")));
                rules.Reload();
            }
        };

        Assert.Throws<HipPainRulesOptionsException>(rules.Reload);

        Assert.Equal("fixed", rules.Current.KnowledgeBase.Id);
        Assert.Same(engine, provider.GetRequiredService<TriageEngine>());
    }
}
