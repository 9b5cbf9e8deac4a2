using System.Collections.Immutable;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.DependencyInjection;

/// <summary>The registered <see cref="IKnowledgeBaseProvider"/>: one volatile reference to an immutable snapshot.</summary>
internal sealed class KnowledgeBaseProvider : IKnowledgeBaseProvider
{
    private readonly IServiceProvider services;
    private readonly HipPainRulesRegistration registration;
    private readonly object gate = new();
    private TriageOptions triageOptions;
    private InterviewOptions interviewOptions;
    private KnowledgeBaseSnapshot current;
    private ImmutableArray<ValidationProblem> lastReloadProblems = [];

    public KnowledgeBaseProvider(IServiceProvider services, HipPainRulesRegistration registration)
    {
        this.services = services;
        this.registration = registration;
        var composition = KnowledgeBaseComposer.Compose(services, registration.Configure);
        (triageOptions, interviewOptions) = (composition.TriageOptions, composition.InterviewOptions);
        current = new KnowledgeBaseSnapshot(composition.Engine, interviewOptions, 1);
        Initial = current;
    }

    public event EventHandler<KnowledgeBaseReloadFailedEventArgs>? ReloadFailed;

    /// <summary>The snapshot made at first resolution; the registered knowledge base, engine and interviewer are its.</summary>
    public KnowledgeBaseSnapshot Initial { get; }

    public KnowledgeBaseSnapshot Current => Volatile.Read(ref current);

    public ImmutableArray<ValidationProblem> LastReloadProblems
    {
        get
        {
            lock (gate)
            {
                return lastReloadProblems;
            }
        }
    }

    public KnowledgeBaseSnapshot Reload()
    {
        KnowledgeBaseReloadFailedEventArgs failure;
        lock (gate)
        {
            try
            {
                var composition = KnowledgeBaseComposer.Compose(services, registration.Configure);
                (triageOptions, interviewOptions) = (composition.TriageOptions, composition.InterviewOptions);
                lastReloadProblems = [];
                return Publish(composition.Engine);
            }
            catch (HipPainRulesOptionsException ex)
            {
                lastReloadProblems = ex.Problems;
                failure = new KnowledgeBaseReloadFailedEventArgs(ex, current);
            }
        }

        // Raised outside the lock, so that a handler may read the provider or reload again; then the caller gets the exception.
        ReloadFailed?.Invoke(this, failure);
        throw failure.Exception;
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
        var next = new KnowledgeBaseSnapshot(engine, interviewOptions, current.Generation + 1);
        Volatile.Write(ref current, next);
        return next;
    }
}
