namespace Actors.Resilience.Memory;

/// <summary>Settings of the memory guard at <c>/user/memory</c>.</summary>
public sealed class MemoryGuardOptions
{
    /// <summary>How often memory is sampled (on the system's clock).</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Used ÷ available memory at or above which cleanup runs.</summary>
    /// <value>Defaults to 0.75.</value>
    public double SoftThreshold { get; set; } = 0.75;

    /// <summary>Used ÷ available memory at or above which the emergency policy runs.</summary>
    /// <value>Defaults to 0.90.</value>
    public double HardThreshold { get; set; } = 0.90;

    /// <summary>The least time between two automatic cleanups (manual cleanups ignore it).</summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan CleanupCooldown { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Cleanup passivates unit instances that received nothing for at least this long.</summary>
    /// <value>Defaults to 1 minute.</value>
    public TimeSpan PassivateIdleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether cleanup runs a blocking compacting garbage collection (once per cleanup).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool CompactHeapOnCleanup { get; set; } = true;

    /// <summary>How many actions the guard's journal keeps (oldest dropped first).</summary>
    /// <value>Defaults to 100.</value>
    public int ActionJournalCapacity { get; set; } = 100;

    /// <summary>The probe; <see langword="null"/> uses <see cref="GcMemoryProbe"/>.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public IMemoryProbe? Probe { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold or interval is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleInterval, TimeSpan.Zero, nameof(SampleInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SoftThreshold, 0, nameof(SoftThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HardThreshold, SoftThreshold, nameof(HardThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(CleanupCooldown, TimeSpan.Zero, nameof(CleanupCooldown));
        ArgumentOutOfRangeException.ThrowIfLessThan(PassivateIdleAfter, TimeSpan.Zero, nameof(PassivateIdleAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(ActionJournalCapacity, 1, nameof(ActionJournalCapacity));
    }
}
