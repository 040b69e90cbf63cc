using System.Diagnostics;

namespace Actors.Resilience.Health;

/// <summary>
/// Reads the current process: CPU from processor time, memory from the working set against the GC's view of
/// available memory (container limits included), GC heap and pause time, the disk holding the application, and the
/// thread pool's pending work items. Rates (CPU, GC pause) are measured between consecutive samples.
/// </summary>
public sealed class SystemResourceProbe : IResourceProbe
{
    private readonly TimeProvider _clock;
    private long _lastTimestamp;
    private TimeSpan _lastCpu;
    private TimeSpan _lastPause;

    /// <summary>Creates the probe.</summary>
    /// <param name="clock">The clock rates are measured against.</param>
    public SystemResourceProbe(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        using Process process = Process.GetCurrentProcess();
        _lastCpu = process.TotalProcessorTime;
        _lastPause = GC.GetTotalPauseDuration();
        _lastTimestamp = clock.GetTimestamp();
    }

    /// <inheritdoc/>
    public ResourceSample Sample()
    {
        using Process process = Process.GetCurrentProcess();
        long now = _clock.GetTimestamp();
        TimeSpan elapsed = _clock.GetElapsedTime(_lastTimestamp, now);
        TimeSpan cpu = process.TotalProcessorTime;
        TimeSpan pause = GC.GetTotalPauseDuration();
        double? cpuPercent = null;
        double pausePercent = 0;
        if (elapsed > TimeSpan.Zero)
        {
            cpuPercent = Math.Clamp((cpu - _lastCpu) / (elapsed * Environment.ProcessorCount) * 100, 0, 100);
            pausePercent = Math.Clamp((pause - _lastPause) / elapsed * 100, 0, 100);
        }

        _lastTimestamp = now;
        _lastCpu = cpu;
        _lastPause = pause;

        long workingSet = process.WorkingSet64;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        double? memoryPercent = available > 0 ? Math.Clamp(100.0 * workingSet / available, 0, 100) : null;
        return new ResourceSample(cpuPercent, memoryPercent, workingSet, GC.GetTotalMemory(false), pausePercent, DiskPercent(), ThreadPool.PendingWorkItemCount);
    }

    private static double? DiskPercent()
    {
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(AppContext.BaseDirectory) ?? "/");
            return drive.TotalSize > 0 ? 100.0 * (drive.TotalSize - drive.AvailableFreeSpace) / drive.TotalSize : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
