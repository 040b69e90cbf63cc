using System.Diagnostics;

namespace Actors.Benchmarks.Support;

/// <summary>Collects Stopwatch-tick samples and reports percentiles.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly long[] _samples = new long[capacity];
    private int _count;

    public int Count => _count;

    public void Add(long ticks)
    {
        if (_count < _samples.Length)
        {
            _samples[_count++] = ticks;
        }
    }

    public double PercentileMicros(double p)
    {
        if (_count == 0)
        {
            return double.NaN;
        }

        long[] sorted = _samples[.._count];
        Array.Sort(sorted);
        int index = Math.Clamp((int)Math.Ceiling(p / 100.0 * _count) - 1, 0, _count - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
