using HipPain.Rules.Validation;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// Thrown when the HipPain.Rules options cannot produce a knowledge base: at host start (when a generic host runs
/// the application), at the first resolution of the knowledge base, the engine, the interviewer or
/// <see cref="IKnowledgeBaseProvider"/>, or by <see cref="IKnowledgeBaseProvider.Reload"/>. Lists every problem, each
/// a <see cref="ValidationProblem"/> with a stable code and a JSON path: for a problem inside a file, the reader's own
/// code (<c>HPJ</c>, <c>HPK</c>), path, line and byte, with the file as configured in
/// <see cref="ValidationProblem.Source"/> (<c>packs/clinic.overlay.json</c>, <c>$.priors[0].prior</c>); for the rest,
/// an <see cref="HipPainRulesErrorCodes"/> code at the option's path in <see cref="HipPainRulesOptions"/>
/// (<c>$.Triage.LeadingCauseCount</c>, <c>$.KnowledgeBasePath</c>, <c>$.Overlays[1]</c>).
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
