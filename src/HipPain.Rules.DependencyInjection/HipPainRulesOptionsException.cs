using System.Collections.Immutable;
using System.Text;

namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// Thrown when the HipPain.Rules options cannot produce a knowledge base: at the first resolution of the
/// knowledge base, the engine or <see cref="IKnowledgeBaseProvider"/>, or by <see cref="IKnowledgeBaseProvider.Reload"/>.
/// Lists every failure, not only the first.
/// </summary>
public sealed class HipPainRulesOptionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failures">Every failure; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="failures"/> is null.</exception>
    public HipPainRulesOptionsException(IEnumerable<string> failures)
        : this([.. failures ?? throw new ArgumentNullException(nameof(failures))])
    {
    }

    private HipPainRulesOptionsException(ImmutableArray<string> failures)
        : base(Format(failures)) => Failures = failures;

    /// <summary>Every failure, in the order the options were checked.</summary>
    public ImmutableArray<string> Failures { get; }

    private static string Format(ImmutableArray<string> failures)
    {
        var text = new StringBuilder("The HipPain.Rules options are invalid (")
            .Append(failures.Length).Append(failures.Length == 1 ? " failure):" : " failures):");
        foreach (var failure in failures)
        {
            text.AppendLine().Append("  - ").Append(failure);
        }

        return text.ToString();
    }
}
