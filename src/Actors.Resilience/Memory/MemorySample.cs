namespace Actors.Resilience.Memory;

/// <summary>One memory reading.</summary>
/// <param name="UsedBytes">Memory in use by the process (the working set for the default probe).</param>
/// <param name="LimitBytes">Memory available to the process (container limit or machine memory).</param>
/// <param name="GcHeapBytes">Bytes in the managed heap.</param>
public sealed record MemorySample(long UsedBytes, long LimitBytes, long GcHeapBytes)
{
    /// <summary><see cref="UsedBytes"/> ÷ <see cref="LimitBytes"/>, 0 when the limit is unknown.</summary>
    public double Ratio => LimitBytes > 0 ? (double)UsedBytes / LimitBytes : 0;
}
