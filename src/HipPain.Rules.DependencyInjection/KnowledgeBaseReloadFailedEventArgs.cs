using System.Collections.Immutable;
using HipPain.Rules.Validation;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// The data of <see cref="IKnowledgeBaseProvider.ReloadFailed"/>: why a reload failed, and the snapshot that stays
/// in service.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class KnowledgeBaseReloadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="exception">The failure, with every problem.</param>
    /// <param name="current">The snapshot that stays in service.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public KnowledgeBaseReloadFailedEventArgs(HipPainRulesOptionsException exception, KnowledgeBaseSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(current);
        Exception = exception;
        Current = current;
    }

    /// <summary>The failure that <see cref="IKnowledgeBaseProvider.Reload"/> throws.</summary>
    public HipPainRulesOptionsException Exception { get; }

    /// <summary>Every problem, each with its code and path (the same as <see cref="ValidationException.Problems"/> of <see cref="Exception"/>).</summary>
    public ImmutableArray<ValidationProblem> Problems => Exception.Problems;

    /// <summary>The snapshot that stays in service: the last one that was made successfully.</summary>
    public KnowledgeBaseSnapshot Current { get; }
}
