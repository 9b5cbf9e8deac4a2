using System.Collections.Immutable;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// Holds the current knowledge base, its engine and its interviewer, and swaps them at once when the base is
/// reloaded. Inject it (rather than <see cref="KnowledgeBase"/>, the engine or the interviewer, which are fixed at
/// first resolution) where the base may change while the application runs.
/// </summary>
/// <threadsafety>Thread-safe: readers never block and always see a whole snapshot; swaps and reloads are serialised.</threadsafety>
public interface IKnowledgeBaseProvider
{
    /// <summary>The current snapshot. Read it once per request and use that snapshot throughout.</summary>
    KnowledgeBaseSnapshot Current { get; }

    /// <summary>
    /// Runs the configuration again (re-reads the files, calls the base delegate, applies the overlays) and
    /// swaps to the result. On failure the current snapshot stays in service, <see cref="LastReloadProblems"/> holds
    /// the problems, <see cref="ReloadFailed"/> is raised and then the exception is thrown.
    /// </summary>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="HipPainRulesOptionsException">The configuration no longer produces a valid knowledge base; lists every problem with its code and path.</exception>
    KnowledgeBaseSnapshot Reload();

    /// <summary>
    /// The problems of the last <see cref="Reload"/> when it failed; empty when it succeeded or none has run. A
    /// health check can report it while the last good snapshot stays in service.
    /// </summary>
    ImmutableArray<ValidationProblem> LastReloadProblems { get; }

    /// <summary>
    /// Raised when <see cref="Reload"/> fails, before it throws, on the thread that called it; the event data hold
    /// every problem and the snapshot that stays in service. A handler that throws makes <see cref="Reload"/> throw
    /// the handler's exception instead.
    /// </summary>
    event EventHandler<KnowledgeBaseReloadFailedEventArgs>? ReloadFailed;

    /// <summary>Swaps to a knowledge base the caller has made (overlays are not applied to it).</summary>
    /// <param name="knowledgeBase">The new knowledge base.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    KnowledgeBaseSnapshot Swap(KnowledgeBase knowledgeBase);
}
