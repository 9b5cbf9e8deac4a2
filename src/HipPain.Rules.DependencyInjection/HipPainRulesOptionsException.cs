using HipPain.Rules.Validation;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// Thrown when the HipPain.Rules options cannot produce a knowledge base: at host start (when a generic host runs
/// the application), at the first resolution of the knowledge base, the engine, the interviewer or
/// <see cref="IKnowledgeBaseProvider"/>, or by <see cref="IKnowledgeBaseProvider.Reload"/>. Lists every problem, each
/// with a stable code and a path: the reader's own code (<c>HPJ</c>, <c>HPK</c>) for a problem inside a file, with
/// the file in the path (<c>packs/clinic.overlay.json:$.priors[0].prior</c>), and an <see cref="HipPainRulesErrorCodes"/>
/// code for the rest.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class HipPainRulesOptionsException : ValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public HipPainRulesOptionsException(IEnumerable<ValidationProblem> problems)
        : base("HipPain.Rules configuration", problems)
    {
    }
}
