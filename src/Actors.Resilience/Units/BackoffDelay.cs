namespace Actors.Resilience.Units;

/// <summary>
/// The delay before restart number <c>n</c>: Akka.NET's backoff formula (<c>min * 2^n</c> capped at <c>max</c>, then
/// times <c>1 + r * randomFactor</c>, r uniform in [0, 1)). Akka keeps its <c>BackoffSupervisor.CalculateDelay</c>
/// internal, so the same formula is written here once.
/// </summary>
internal static class BackoffDelay
{
    public static TimeSpan Calculate(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restartCount);
        double r = randomFactor == 0.0 ? 0.0 : (random ?? Random.Shared).NextDouble();
        double capped = restartCount >= 62
            ? maxBackoff.Ticks
            : Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount));
        double ticks = capped * (1.0 + (r * randomFactor));
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }
}
