namespace Actors.Resilience.Errors;

/// <summary>
/// Counts events in a sliding window split into equal buckets (60 one-second buckets for a per-minute rate), so
/// memory stays constant however many events arrive. Not thread-safe: one actor owns each instance.
/// </summary>
internal sealed class SlidingCounter
{
    private readonly long[] _counts;
    private readonly long[] _bucketIds;
    private readonly long _bucketTicks;

    public SlidingCounter(TimeSpan window, int buckets = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.Ticks, buckets);
        _counts = new long[buckets];
        _bucketIds = new long[buckets];
        Array.Fill(_bucketIds, long.MinValue);
        _bucketTicks = window.Ticks / buckets;
    }

    public void Add(DateTimeOffset now, long count = 1)
    {
        long id = now.UtcTicks / _bucketTicks;
        int slot = (int)(id % _counts.Length);
        if (_bucketIds[slot] != id)
        {
            _bucketIds[slot] = id;
            _counts[slot] = 0;
        }

        _counts[slot] += count;
    }

    public long Sum(DateTimeOffset now)
    {
        long current = now.UtcTicks / _bucketTicks;
        long sum = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            if (_bucketIds[i] > current - _counts.Length && _bucketIds[i] <= current)
            {
                sum += _counts[i];
            }
        }

        return sum;
    }
}
