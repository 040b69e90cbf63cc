namespace Actors.Resilience.Memory;

/// <summary>What the memory guard did.</summary>
public enum MemoryActionKind
{
    /// <summary>Cleanup: idle units passivated, pools asked to trim, and (if enabled) one compacting collection.</summary>
    Cleanup,

    /// <summary>A cleanup was due but skipped because the cooldown since the previous one had not passed.</summary>
    CleanupSkipped,

    /// <summary>Emergency: non-critical units stopped and new work refused with <see cref="Overloaded"/>.</summary>
    Emergency,

    /// <summary>Memory fell below the soft threshold: new work is admitted again.</summary>
    Recovered,
}
