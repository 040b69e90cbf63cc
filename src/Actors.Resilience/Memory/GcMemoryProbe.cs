using System.Diagnostics;
using System.Runtime;

namespace Actors.Resilience.Memory;

/// <summary>The default probe: the process's working set against the memory the GC sees as available (container limits included).</summary>
public sealed class GcMemoryProbe : IMemoryProbe
{
    /// <inheritdoc/>
    public MemorySample Sample()
    {
        using Process process = Process.GetCurrentProcess();
        return new MemorySample(process.WorkingSet64, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, GC.GetTotalMemory(false));
    }

    /// <inheritdoc/>
    public void CompactHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
