using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

/// <summary>Describes one red-flag gate inside <see cref="KnowledgeBaseBuilder.AddRedFlag"/>.</summary>
/// <threadsafety>Not thread-safe; use from one thread while building.</threadsafety>
public sealed class RedFlagBuilder
{
    private readonly RedFlagDraft draft;
    private readonly KnowledgeBaseBuilder owner;

    internal RedFlagBuilder(RedFlagDraft draft, KnowledgeBaseBuilder owner)
    {
        this.draft = draft;
        this.owner = owner;
    }

    /// <summary>Sets the criterion that fires the gate.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    public RedFlagBuilder When(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return Change(d => d.Criterion = criterion);
    }

    /// <summary>Sets the urgency the gate imposes; required (code HPK006).</summary>
    /// <param name="urgency">The urgency.</param>
    /// <returns>This builder, so calls chain.</returns>
    public RedFlagBuilder Urgency(Urgency urgency) => Change(d => d.Urgency = urgency);

    /// <summary>Sets what to do when the gate fires; required.</summary>
    /// <param name="action">The action in words.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    public RedFlagBuilder Action(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Change(d => d.Action = action);
    }

    /// <summary>Sets the running advice while the flag stands (default: stop running).</summary>
    /// <param name="restriction">How restrictive the advice is.</param>
    /// <param name="text">The advice in words.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public RedFlagBuilder Running(RunningRestriction restriction, string text) =>
        Change(d => d.RunningAdvice = new RunningAdvice(restriction, text));

    /// <summary>Names the causes the flag raises suspicion of.</summary>
    /// <param name="causeIds">The causes' ids.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="causeIds"/> or one of its items is null.</exception>
    public RedFlagBuilder Suspect(params string[] causeIds) => AddIds(draft.SuspectedCauseIds, causeIds, nameof(causeIds));

    /// <summary>Sets the source of the gate; required.</summary>
    /// <param name="evidence">The source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    public RedFlagBuilder Evidence(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return Change(d => d.Evidence = evidence);
    }

    /// <summary>Says when a patient interview asks the gate's questions: once <paramref name="context"/> is met (default: whenever the gate is open).</summary>
    /// <param name="context">The context, for example <c>Criterion.AnyOf("loc.lower-back", "sym.leg-pain-below-knee")</c>.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public RedFlagBuilder AskWhen(Criterion context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Change(d => d.AskWhen = context);
    }

    /// <summary>Puts findings of the gate in a patient interview's universal red-flag screen, asked before anything else.</summary>
    /// <param name="findingIds">The findings; each must be one the gate's criterion reads (code HPK019).</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingIds"/> or one of its items is null.</exception>
    public RedFlagBuilder Screen(params string[] findingIds) => AddIds(draft.ScreeningFindingIds, findingIds, nameof(findingIds));

    /// <summary>Adds the ids to the draft's list, in order; throws on a null array or item (items before a null one stay added, as before).</summary>
    private RedFlagBuilder AddIds(List<string> target, string[] ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        return Change(_ =>
        {
            foreach (var id in ids)
            {
                ArgumentNullException.ThrowIfNull(id, parameterName);
                target.Add(id);
            }
        });
    }

    /// <summary>
    /// Makes one change to the draft if the knowledge-base builder still accepts changes (it refuses them after
    /// <c>Build</c>), and returns this builder; each caller checks its own arguments first.
    /// </summary>
    private RedFlagBuilder Change(Action<RedFlagDraft> change)
    {
        owner.EnsureOpen();
        change(draft);
        return this;
    }
}
