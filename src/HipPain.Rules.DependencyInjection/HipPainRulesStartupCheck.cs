using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// Makes the knowledge base when a generic host starts, before any hosted service (a web server included) starts,
/// so that a misconfigured pack path or a bad pack stops the host with a <see cref="HipPainRulesOptionsException"/>
/// instead of failing the first request.
/// </summary>
internal sealed class HipPainRulesStartupCheck(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IKnowledgeBaseProvider>().Current;
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
