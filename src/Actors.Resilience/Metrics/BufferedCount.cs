namespace Actors.Resilience.Metrics;

/// <summary>
/// The messages buffered by the instances of one unit kind. Each instance adds the change of its own buffer after
/// the turn that changed it (so the per-message path only compares two integers); the gauge reads it from the
/// exporter's thread.
/// </summary>
internal sealed class BufferedCount
{
    private long _value;

    public long Value => Volatile.Read(ref _value);

    public void Add(long delta) => Interlocked.Add(ref _value, delta);
}
