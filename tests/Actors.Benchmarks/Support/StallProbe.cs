using System.Diagnostics;

namespace Actors.Benchmarks.Support;

/// <summary>
/// Measures how often the machine takes the CPU away from a running thread: spins reading the clock and counts the
/// gaps longer than <see cref="GapMicros"/>. On a virtual machine whose host preempts its vCPUs, this sets a floor
/// under every tail latency: a sample that lasts d microseconds overlaps a stall with probability about d / period.
/// </summary>
internal static class StallProbe
{
    public const double GapMicros = 15;

    public static (double PerSecond, double MeanMicros, double StolenPercent) Measure(TimeSpan duration)
    {
        long threshold = (long)(GapMicros * Stopwatch.Frequency / 1_000_000);
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long previous = start;
        long gaps = 0;
        long stolen = 0;
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            if (now - previous > threshold)
            {
                gaps++;
                stolen += now - previous;
            }

            previous = now;
            if (now >= end)
            {
                break;
            }
        }

        double seconds = (previous - start) / (double)Stopwatch.Frequency;
        double stolenSeconds = stolen / (double)Stopwatch.Frequency;
        return (gaps / seconds, gaps == 0 ? 0 : stolenSeconds * 1e6 / gaps, 100 * stolenSeconds / seconds);
    }
}
