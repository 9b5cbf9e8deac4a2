using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

public sealed class AddHipPainRulesTests
{
    [Fact]
    public void AddHipPainRules_Delegate_RegistersSingletonsOfOneSnapshot()
    {
        var knowledgeBase = TestBases.Create();
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBase(() => knowledgeBase)).BuildServiceProvider();

        var engine = provider.GetRequiredService<TriageEngine>();

        Assert.Same(knowledgeBase, provider.GetRequiredService<KnowledgeBase>());
        Assert.Same(engine, provider.GetRequiredService<TriageEngine>());
        Assert.Same(engine, provider.GetRequiredService<IKnowledgeBaseProvider>().Current.Engine);
        Assert.Equal(knowledgeBase.ContentHash, engine.Triage(TestBases.LateralHip).KnowledgeBaseHash);
    }

    [Fact]
    public void AddHipPainRules_CalledTwice_AddsNoServiceAndRunsBothDelegates()
    {
        var services = new ServiceCollection();
        services.AddHipPainRules(o => o.UseKnowledgeBase(TestBases.Create()));
        var registered = services.Select(d => d.ServiceType).ToList();

        services.AddHipPainRules(o => o.AddOverlay(OverlayJson.Read(TestBases.PriorOverlay("gtps", 0.5))));

        Assert.Equal(registered, services.Select(d => d.ServiceType));
        Assert.Equal(6, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Equal("clinic", provider.GetRequiredService<KnowledgeBase>().Id);
    }

    [Fact]
    public void AddHipPainRules_ExistingEngineRegistration_IsKept()
    {
        var own = new TriageEngine(TestBases.Create("own"));
        var services = new ServiceCollection().AddSingleton(own);

        services.AddHipPainRules(o => o.UseKnowledgeBase(TestBases.Create()));

        using var provider = services.BuildServiceProvider();
        Assert.Same(own, provider.GetRequiredService<TriageEngine>());
    }

    [Fact]
    public void AddHipPainRules_NullServices_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => HipPainRulesServiceCollectionExtensions.AddHipPainRules(null!));

        Assert.Equal("services", ex.ParamName);
    }

    [Fact]
    public void AddHipPainRules_ReturnsTheCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddHipPainRules());
    }

    [Fact]
    public void AddHipPainRules_FilesAndOverlaysInOrder_Applied()
    {
        using var folder = new TestBases.TempFolder();
        var basePath = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        var first = folder.Write("first.overlay.json", TestBases.PriorOverlay("gtps", 0.5, "first"));
        var second = folder.Write("second.overlay.json", TestBases.PriorOverlay("femoral-neck-stress-fracture", 0.1, "second"));

        using var provider = new ServiceCollection()
            .AddHipPainRules(o => o.UseKnowledgeBaseFile(basePath).AddOverlayFile(first).AddOverlayFile(second))
            .BuildServiceProvider();

        var knowledgeBase = provider.GetRequiredService<KnowledgeBase>();
        Assert.Equal("second", knowledgeBase.Id);
        Assert.True(knowledgeBase.TryGetCause("gtps", out var gtps));
        Assert.True(knowledgeBase.TryGetCause("femoral-neck-stress-fracture", out var fracture));
        Assert.Equal((0.5, 0.1), (gtps.Prior, fracture.Prior));
    }

    [Fact]
    public void AddHipPainRules_ServiceProviderDelegate_CanResolveServices()
    {
        var knowledgeBase = TestBases.Create("from-services");
        using var provider = new ServiceCollection()
            .AddSingleton(new Holder(knowledgeBase))
            .AddHipPainRules(o => o.UseKnowledgeBase(sp => sp.GetRequiredService<Holder>().KnowledgeBase))
            .BuildServiceProvider();

        Assert.Same(knowledgeBase, provider.GetRequiredService<KnowledgeBase>());
    }

    [Fact]
    public void AddHipPainRules_TriageOptions_PassedToEngine()
    {
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.UseKnowledgeBase(TestBases.Create());
                o.Triage.LeadingCauseCount = 1;
            })
            .BuildServiceProvider();

        var plan = provider.GetRequiredService<TriageEngine>().Triage(TestBases.LateralHip).Plan;

        Assert.Single(plan.Treatments.Concat(plan.Workup));
    }

    private sealed record Holder(KnowledgeBase KnowledgeBase);
}
