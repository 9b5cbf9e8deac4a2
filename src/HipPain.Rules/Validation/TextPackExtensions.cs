using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Validation;

/// <summary>Checks a <see cref="TextPack"/> against a knowledge base.</summary>
/// <threadsafety>Stateless; thread-safe.</threadsafety>
public static class TextPackExtensions
{
    /// <summary>
    /// Checks the pack against a knowledge base: text for an item the base does not have (HPT001), and every piece of
    /// the base's own text (<see cref="KnowledgeBase.Text"/>) the pack lacks (HPT005).
    /// </summary>
    /// <param name="pack">The text pack.</param>
    /// <param name="knowledgeBase">The knowledge base.</param>
    /// <returns>
    /// Every problem, unknown items first; empty when the pack fits the base and is complete. Each is a
    /// <see cref="ValidationSeverity.Warning"/>: the pack can be used as it is (text for an unknown item is never
    /// shown; where the pack has a gap, the base's own wording is).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="pack"/> or <paramref name="knowledgeBase"/> is null.</exception>
    public static ImmutableArray<ValidationProblem> Check(this TextPack pack, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        foreach (var key in pack.Keys)
        {
            if (!TextPack.Known(knowledgeBase, key))
            {
                problems.Add(new ValidationProblem(ErrorCodes.TextUnknownItem, TextPack.PathOf(key), $"Knowledge base '{knowledgeBase.Id}' has no {TextPack.Describe(key)}.", ValidationSeverity.Warning));
            }
        }

        foreach (var key in knowledgeBase.Text.Keys)
        {
            if (!pack.TryGet(key, out _))
            {
                problems.Add(new ValidationProblem(ErrorCodes.TextMissing, TextPack.PathOf(key), $"The {pack.Culture} text pack has no text for {key}, which knowledge base '{knowledgeBase.Id}' has.", ValidationSeverity.Warning));
            }
        }

        return problems.ToImmutable();
    }
}
