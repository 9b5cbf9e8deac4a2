namespace HipPain.Rules.Model;

/// <summary>How much running is allowed, ordered from least to most restrictive.</summary>
public enum RunningRestriction
{
    /// <summary>Keep running as pain allows.</summary>
    ContinueAsTolerated = 0,

    /// <summary>Keep running with reduced volume, intensity or aggravating terrain.</summary>
    ReduceLoad = 1,

    /// <summary>Pause running; cross-train without pain.</summary>
    RelativeRest = 2,

    /// <summary>Stop running until cleared by a clinician; protected weight bearing where stated.</summary>
    StopRunning = 3,
}

/// <summary>Advice about running, with how restrictive it is.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class RunningAdvice
{
    /// <summary>Creates running advice.</summary>
    /// <param name="restriction">How restrictive the advice is.</param>
    /// <param name="text">The advice in words.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public RunningAdvice(RunningRestriction restriction, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Restriction = restriction;
        Text = text;
    }

    /// <summary>How restrictive the advice is.</summary>
    public RunningRestriction Restriction { get; }

    /// <summary>The advice in words.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Restriction}: {Text}";
}
