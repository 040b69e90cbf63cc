namespace Actors.Prediction.Jobs;

/// <summary>
/// The job figures of one model reported into health (owner <c>prediction/{model}</c>): running totals of jobs
/// submitted, completed, refused, failed and timed out, and the latency (admission to answer, queue included) of the
/// jobs completed within the last <see cref="LatencyWindow"/> (at most <see cref="LatencyCapacity"/> of them).
/// Kept in the <see cref="PredictionJobStore"/>, so the totals survive the model actor's restarts.
/// </summary>
/// <remarks>Threading contract: only the turn of the model's actor touches it (one actor per model at a time; a
/// restarted actor continues after the old one stopped).</remarks>
internal sealed class PredictionJobFigures
{
    /// <summary>How far back the latency figures look.</summary>
    public static readonly TimeSpan LatencyWindow = TimeSpan.FromMinutes(1);

    /// <summary>The most latencies kept (the newest).</summary>
    public const int LatencyCapacity = 1024;

    private readonly Queue<(DateTimeOffset At, double Milliseconds)> _latencies = new();

    public long Submitted { get; private set; }

    public long Completed { get; private set; }

    public long Refused { get; private set; }

    public long Failed { get; private set; }

    public long TimedOut { get; private set; }

    public void Submit() => Submitted++;

    public void Refuse() => Refused++;

    public void Fail() => Failed++;

    public void TimeOut() => TimedOut++;

    /// <summary>A job completed at <paramref name="at"/> (the scheduler's clock) after <paramref name="milliseconds"/>.</summary>
    public void Complete(DateTimeOffset at, double milliseconds)
    {
        Completed++;
        _latencies.Enqueue((at, milliseconds));
        while (_latencies.Count > LatencyCapacity)
        {
            _latencies.Dequeue();
        }
    }

    /// <summary>The figures at <paramref name="now"/>, as counters: latencies in whole milliseconds, 0 without a completed job in the window.</summary>
    public Dictionary<string, long> Counters(DateTimeOffset now)
    {
        while (_latencies.Count > 0 && _latencies.Peek().At < now - LatencyWindow)
        {
            _latencies.Dequeue();
        }

        long p50 = 0, p95 = 0, max = 0;
        if (_latencies.Count > 0)
        {
            double[] sorted = new double[_latencies.Count];
            int i = 0;
            foreach ((_, double ms) in _latencies)
            {
                sorted[i++] = ms;
            }

            Array.Sort(sorted);
            p50 = Rank(sorted, 0.50);
            p95 = Rank(sorted, 0.95);
            max = (long)Math.Round(sorted[^1]);
        }

        return new Dictionary<string, long>(8, StringComparer.Ordinal)
        {
            ["submitted"] = Submitted,
            ["completed"] = Completed,
            ["refused"] = Refused,
            ["failed"] = Failed,
            ["timed_out"] = TimedOut,
            ["latency_p50_ms"] = p50,
            ["latency_p95_ms"] = p95,
            ["latency_max_ms"] = max,
        };
    }

    // Nearest rank: the smallest value with at least q of the values at or below it.
    private static long Rank(double[] sorted, double q) => (long)Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)]);
}
