namespace Actors.Resilience.Health;

/// <summary>Settings of the health aggregator at <c>/user/health</c>: thresholds, sampling and windows.</summary>
public sealed class HealthOptions
{
    /// <summary>Process CPU use, in percent, at which CPU counts as a problem.</summary>
    /// <value>Defaults to 80.</value>
    public double CpuThresholdPercent { get; set; } = 80;

    /// <summary>Memory use, in percent of what is available, at which memory counts as critical.</summary>
    /// <value>Defaults to 85.</value>
    public double MemoryThresholdPercent { get; set; } = 85;

    /// <summary>Disk use, in percent, at which disk counts as critical.</summary>
    /// <value>Defaults to 90.</value>
    public double DiskThresholdPercent { get; set; } = 90;

    /// <summary>Failures per routed message over the last minute at which the error rate counts as a problem.</summary>
    /// <value>Defaults to 0.05 (5 %).</value>
    public double ErrorRateThreshold { get; set; } = 0.05;

    /// <summary>The p95 handling time at which latency counts as a problem.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan P95HandlingTimeThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Thread-pool work items waiting at which the queue counts as a problem.</summary>
    /// <value>Defaults to 1,000.</value>
    public long ThreadPoolQueueThreshold { get; set; } = 1000;

    /// <summary>How often the aggregator samples the resource probe (on the system's clock).</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often, at most, a changed snapshot is published for lock-free readers.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far back failures count as "recent".</summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan RecentFailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many recent handling times per kind the p95 is computed over.</summary>
    /// <value>Defaults to 512.</value>
    public int HandlingTimeSamples { get; set; } = 512;

    /// <summary>The resource probe; <see langword="null"/> uses <see cref="SystemResourceProbe"/> on the system's clock.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public IResourceProbe? Probe { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold or interval is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CpuThresholdPercent, 0, nameof(CpuThresholdPercent));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MemoryThresholdPercent, 0, nameof(MemoryThresholdPercent));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DiskThresholdPercent, 0, nameof(DiskThresholdPercent));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ErrorRateThreshold, 0, nameof(ErrorRateThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(P95HandlingTimeThreshold, TimeSpan.Zero, nameof(P95HandlingTimeThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ThreadPoolQueueThreshold, 0, nameof(ThreadPoolQueueThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleInterval, TimeSpan.Zero, nameof(SampleInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PublishInterval, TimeSpan.Zero, nameof(PublishInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RecentFailureWindow, TimeSpan.Zero, nameof(RecentFailureWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(HandlingTimeSamples, 1, nameof(HandlingTimeSamples));
    }
}
