using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.DependencyInjection;

/// <summary>The registered <see cref="IKnowledgeBaseProvider"/>: one volatile reference to an immutable snapshot.</summary>
internal sealed class KnowledgeBaseProvider : IKnowledgeBaseProvider
{
    private readonly IServiceProvider services;
    private readonly HipPainRulesRegistration registration;
    private readonly object gate = new();
    private TriageOptions triageOptions;
    private KnowledgeBaseSnapshot current;

    public KnowledgeBaseProvider(IServiceProvider services, HipPainRulesRegistration registration)
    {
        this.services = services;
        this.registration = registration;
        current = new KnowledgeBaseSnapshot(KnowledgeBaseComposer.Compose(services, registration.Configure, out triageOptions), 1);
        Initial = current;
    }

    /// <summary>The snapshot made at first resolution; the registered knowledge base and engine are its pair.</summary>
    public KnowledgeBaseSnapshot Initial { get; }

    public KnowledgeBaseSnapshot Current => Volatile.Read(ref current);

    public KnowledgeBaseSnapshot Reload()
    {
        lock (gate)
        {
            var engine = KnowledgeBaseComposer.Compose(services, registration.Configure, out var options);
            triageOptions = options;
            return Publish(engine);
        }
    }

    public KnowledgeBaseSnapshot Swap(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        lock (gate)
        {
            return Publish(new TriageEngine(knowledgeBase, triageOptions));
        }
    }

    private KnowledgeBaseSnapshot Publish(TriageEngine engine)
    {
        var next = new KnowledgeBaseSnapshot(engine, current.Generation + 1);
        Volatile.Write(ref current, next);
        return next;
    }
}
