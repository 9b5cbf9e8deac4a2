using HipPain.Rules.Interview;
using HipPain.Rules.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HipPain.Rules.DependencyInjection.Tests;

/// <summary>With a generic host, the options are checked when the host starts, not on the first request.</summary>
public sealed class HostStartTests
{
    private static IHost Build(string contentRoot, Action<HipPainRulesOptions> configure, StartRecorder? before = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        if (before is not null)
        {
            builder.Services.AddSingleton<IHostedService>(before);
        }

        builder.Services.AddHipPainRules(configure);
        return builder.Build();
    }

    [Fact]
    public async Task StartAsync_MissingPackFile_FailsWithHPD003BeforeAnyHostedServiceStarts()
    {
        using var folder = new TestBases.TempFolder();
        var recorder = new StartRecorder();
        using var host = Build(folder.Path, o => o.UseKnowledgeBaseFile("packs/missing.knowledge-base.json"), recorder);

        var ex = await Assert.ThrowsAsync<HipPainRulesOptionsException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("HPD003", "$.KnowledgeBasePath"), (problem.Code, problem.Path));
        Assert.Contains(Path.Combine(folder.Path, "packs", "missing.knowledge-base.json"), problem.Message, StringComparison.Ordinal);
        Assert.False(recorder.Started);
    }

    [Fact]
    public async Task StartAsync_MalformedPack_FailsWithTheReadersCode()
    {
        using var folder = new TestBases.TempFolder();
        folder.Write("base.knowledge-base.json", "{ \"formatVersion\": 7 }");
        using var host = Build(folder.Path, o => o.UseKnowledgeBaseFile("base.knowledge-base.json"));

        var ex = await Assert.ThrowsAsync<HipPainRulesOptionsException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("HPJ002", "base.knowledge-base.json", "$.formatVersion"), (Assert.Single(ex.Problems).Code, ex.Problems[0].Source, ex.Problems[0].Path));
    }

    [Fact]
    public async Task StartAsync_Valid_MakesTheKnowledgeBaseOnceBeforeTheFirstRequest()
    {
        using var folder = new TestBases.TempFolder();
        var calls = 0;
        using var host = Build(folder.Path, o => o.UseKnowledgeBase(() =>
        {
            Interlocked.Increment(ref calls);
            return TestBases.Create();
        }));
        Assert.Equal(0, calls);

        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, calls);

        var engine = host.Services.GetRequiredService<TriageEngine>();
        Assert.Same(engine, host.Services.GetRequiredService<Interviewer>().Engine);
        Assert.Equal(1, calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StartAsync_RelativePaths_ResolvedAgainstTheHostsContentRoot()
    {
        using var folder = new TestBases.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "packs"));
        folder.Write("packs/base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        folder.Write("packs/clinic.overlay.json", TestBases.PriorOverlay("gtps", 0.5));
        using var host = Build(folder.Path, o => o.UseKnowledgeBaseFile("packs/base.knowledge-base.json").AddOverlayFile("packs/clinic.overlay.json"));

        await host.StartAsync(TestContext.Current.CancellationToken);

        var snapshot = host.Services.GetRequiredService<IKnowledgeBaseProvider>().Current;
        Assert.Equal("clinic", snapshot.KnowledgeBase.Id);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A hosted service registered before AddHipPainRules (as a web server is), recording whether it started.</summary>
    private sealed class StartRecorder : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
