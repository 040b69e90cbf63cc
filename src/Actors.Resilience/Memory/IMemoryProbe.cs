namespace Actors.Resilience.Memory;

/// <summary>
/// Reads (and, for cleanup, compacts) the process's memory. The memory guard calls it only from its own turn, so an
/// implementation needs no thread safety; tests inject fakes.
/// </summary>
public interface IMemoryProbe
{
    /// <summary>Takes one reading.</summary>
    /// <returns>The reading.</returns>
    MemorySample Sample();

    /// <summary>Runs one blocking, compacting garbage collection (large-object heap included).</summary>
    void CompactHeap();
}
