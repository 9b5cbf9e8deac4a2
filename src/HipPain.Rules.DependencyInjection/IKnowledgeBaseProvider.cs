using HipPain.Rules.Model;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// Holds the current knowledge base and its engine, and swaps both at once when the base is reloaded.
/// Inject it (rather than <see cref="KnowledgeBase"/> or the engine, which are fixed at first resolution)
/// where the base may change while the application runs.
/// </summary>
/// <threadsafety>Thread-safe: readers never block and always see a whole snapshot; swaps and reloads are serialised.</threadsafety>
public interface IKnowledgeBaseProvider
{
    /// <summary>The current snapshot. Read it once per request and use that snapshot throughout.</summary>
    KnowledgeBaseSnapshot Current { get; }

    /// <summary>
    /// Runs the configuration again (re-reads the files, calls the base delegate, applies the overlays) and
    /// swaps to the result. On failure the current snapshot stays in place.
    /// </summary>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="HipPainRulesOptionsException">The configuration no longer produces a valid knowledge base; lists every failure.</exception>
    KnowledgeBaseSnapshot Reload();

    /// <summary>Swaps to a knowledge base the caller has made (overlays are not applied to it).</summary>
    /// <param name="knowledgeBase">The new knowledge base.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    KnowledgeBaseSnapshot Swap(KnowledgeBase knowledgeBase);
}
