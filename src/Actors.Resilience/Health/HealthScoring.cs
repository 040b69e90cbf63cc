using System.Globalization;

namespace Actors.Resilience.Health;

/// <summary>The health score and status formula documented on <see cref="HealthSnapshot"/>. Pure, so tests can pin it.</summary>
internal static class HealthScoring
{
    public const double ErrorWeight = 25;
    public const double UnavailableWeight = 25;
    public const double MemoryWeight = 15;
    public const double CpuWeight = 10;
    public const double DiskWeight = 10;
    public const double LatencyWeight = 10;
    public const double ThreadPoolWeight = 5;

    /// <summary>0 until half the threshold, rising linearly to 1 at the threshold.</summary>
    public static double Pressure(double? value, double threshold) =>
        value is { } v && threshold > 0 ? Math.Clamp((2 * v / threshold) - 1, 0, 1) : 0;

    public static (int Score, HealthStatus Status, IReadOnlyList<string> Reasons) Evaluate(
        HealthOptions options,
        ResourceSample resources,
        double errorRate,
        UnitKindHealth totals,
        TimeSpan? worstP95)
    {
        var reasons = new List<string>();
        double p95Seconds = worstP95?.TotalSeconds ?? 0;
        int unavailable = totals.BackingOff + totals.CircuitOpen;

        // Summed in the documented order, so a score at a rounding boundary is the one the formula as written gives.
        double penalty =
            (ErrorWeight * Pressure(errorRate, options.ErrorRateThreshold)) +
            (totals.Instances > 0 ? UnavailableWeight * unavailable / totals.Instances : 0) +
            (MemoryWeight * Pressure(resources.MemoryPercent, options.MemoryThresholdPercent)) +
            (CpuWeight * Pressure(resources.CpuPercent, options.CpuThresholdPercent)) +
            (DiskWeight * Pressure(resources.DiskPercent, options.DiskThresholdPercent)) +
            (LatencyWeight * Pressure(worstP95 is null ? null : p95Seconds, options.P95HandlingTimeThreshold.TotalSeconds)) +
            (ThreadPoolWeight * Pressure(resources.ThreadPoolQueueLength, options.ThreadPoolQueueThreshold));

        int score = (int)Math.Clamp(Math.Round(100 - penalty, MidpointRounding.AwayFromZero), 0, 100);

        bool overAny = false;
        bool critical = false;
        if (errorRate >= options.ErrorRateThreshold)
        {
            overAny = true;
            reasons.Add(Format($"error rate {errorRate:P1} ≥ {options.ErrorRateThreshold:P1}"));
        }

        if (resources.MemoryPercent is { } mem && mem >= options.MemoryThresholdPercent)
        {
            overAny = critical = true;
            reasons.Add(Format($"memory {mem:F1} % ≥ {options.MemoryThresholdPercent:F1} %"));
        }

        if (resources.DiskPercent is { } disk && disk >= options.DiskThresholdPercent)
        {
            overAny = critical = true;
            reasons.Add(Format($"disk {disk:F1} % ≥ {options.DiskThresholdPercent:F1} %"));
        }

        if (resources.CpuPercent is { } cpu && cpu >= options.CpuThresholdPercent)
        {
            overAny = true;
            reasons.Add(Format($"CPU {cpu:F1} % ≥ {options.CpuThresholdPercent:F1} %"));
        }

        if (worstP95 is { } p95 && p95 >= options.P95HandlingTimeThreshold)
        {
            overAny = true;
            reasons.Add(Format($"p95 handling time {p95.TotalSeconds:F2} s ≥ {options.P95HandlingTimeThreshold.TotalSeconds:F2} s"));
        }

        if (resources.ThreadPoolQueueLength >= options.ThreadPoolQueueThreshold)
        {
            overAny = true;
            reasons.Add(Format($"thread-pool queue {resources.ThreadPoolQueueLength} ≥ {options.ThreadPoolQueueThreshold}"));
        }

        if (totals.CircuitOpen > 0)
        {
            reasons.Add(Format($"{totals.CircuitOpen} of {totals.Instances} instances have an open circuit"));
        }

        if (totals.BackingOff > 0)
        {
            reasons.Add(Format($"{totals.BackingOff} of {totals.Instances} instances are backing off"));
        }

        HealthStatus status = critical || score < 50
            ? HealthStatus.Critical
            : overAny || unavailable > 0 || score < 80 ? HealthStatus.Warning : HealthStatus.Healthy;
        if (status != HealthStatus.Healthy && reasons.Count == 0)
        {
            reasons.Add(Format($"health score {score} is below {(status == HealthStatus.Critical ? 50 : 80)}"));
        }

        return (score, status, reasons);
    }

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
