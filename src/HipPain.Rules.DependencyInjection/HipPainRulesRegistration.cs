namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// The one registration of HipPain.Rules in a service collection: the configure delegates of every
/// <c>AddHipPainRules</c> call, in order. A second call adds its delegate here instead of adding services.
/// </summary>
internal sealed class HipPainRulesRegistration
{
    private readonly List<Action<HipPainRulesOptions>> configure = [];

    public IReadOnlyList<Action<HipPainRulesOptions>> Configure
    {
        get
        {
            lock (configure)
            {
                return [.. configure];
            }
        }
    }

    public void Add(Action<HipPainRulesOptions> action)
    {
        lock (configure)
        {
            configure.Add(action);
        }
    }
}
