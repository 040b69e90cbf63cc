namespace Actors.Resilience.Health;

/// <summary>One reading of the process's resources.</summary>
/// <param name="CpuPercent">Process CPU use since the previous sample, 0-100 of all cores; <see langword="null"/> when unknown.</param>
/// <param name="MemoryPercent">Working set as a percentage of the memory available to the process; <see langword="null"/> when unknown.</param>
/// <param name="WorkingSetBytes">The process's working set.</param>
/// <param name="GcHeapBytes">Bytes in the managed heap.</param>
/// <param name="GcPausePercent">Share of the time since the previous sample spent paused by the GC, 0-100.</param>
/// <param name="DiskPercent">Used space of the application's disk, 0-100; <see langword="null"/> when unknown.</param>
/// <param name="ThreadPoolQueueLength">Work items waiting in the thread pool.</param>
public sealed record ResourceSample(
    double? CpuPercent,
    double? MemoryPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    double GcPausePercent,
    double? DiskPercent,
    long ThreadPoolQueueLength)
{
    /// <summary>A sample with nothing known.</summary>
    public static ResourceSample Unknown { get; } = new(null, null, 0, 0, 0, null, 0);
}
