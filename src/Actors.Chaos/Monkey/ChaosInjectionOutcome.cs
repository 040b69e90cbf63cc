namespace Actors.Chaos.Monkey;

/// <summary>How one attempt to inject went.</summary>
public enum ChaosInjectionOutcome
{
    /// <summary>The fault was injected.</summary>
    Injected,

    /// <summary>Nothing to hit (for example no running instance, or a ballast already held).</summary>
    Skipped,

    /// <summary>The fault threw or timed out.</summary>
    Failed,
}
