using Actors.Resilience.Health;
using FsCheck.Xunit;

namespace Actors.Resilience.Tests.Health;

/// <summary>
/// <see cref="HealthScoring"/> against the formula documented in the README and on <see cref="HealthSnapshot"/>, written
/// here independently: p(v, t) = clamp(2·v/t − 1, 0, 1); score = 100 − (25·p(error rate) + 25·unavailable share +
/// 15·p(memory) + 10·p(CPU) + 10·p(disk) + 10·p(p95) + 5·p(queue)), rounded, clamped to 0-100; critical below 50 or
/// memory/disk at threshold; warning below 80, any measure at threshold or any instance unavailable.
/// </summary>
public sealed class HealthScoringPropertyTests
{
    private static double P(double? v, double t) => v is { } x ? Math.Clamp((2 * x / t) - 1, 0, 1) : 0;

    private static int Between(int value, int min, int max) => min + (int)((uint)value % (uint)(max - min + 1));

    [Property(MaxTest = 1000)]
    public void Evaluate_AnyMeasures_ScoreStatusAndReasonsFollowTheDocumentedFormula(
        int errorPermille, int memory, int cpu, int disk, int p95Ms, int queue, int instances, int backingOff, int open, bool unknowns, int thresholdSeed)
    {
        var options = new HealthOptions
        {
            CpuThresholdPercent = Between(thresholdSeed, 50, 95),
            MemoryThresholdPercent = Between(thresholdSeed * 7, 50, 95),
            DiskThresholdPercent = Between(thresholdSeed * 3, 60, 98),
            ErrorRateThreshold = Between(thresholdSeed * 5, 1, 20) / 100.0,
            P95HandlingTimeThreshold = TimeSpan.FromMilliseconds(Between(thresholdSeed * 11, 100, 10_000)),
            ThreadPoolQueueThreshold = Between(thresholdSeed * 13, 10, 2000),
        };
        double errorRate = Between(errorPermille, 0, 1000) / 1000.0;
        double? mem = unknowns && memory % 2 == 0 ? null : Between(memory, 0, 100);
        double? cpuPercent = unknowns && cpu % 2 == 0 ? null : Between(cpu, 0, 100);
        double? diskPercent = unknowns && disk % 2 == 0 ? null : Between(disk, 0, 100);
        TimeSpan? p95 = unknowns && p95Ms % 2 == 0 ? null : TimeSpan.FromMilliseconds(Between(p95Ms, 0, 20_000));
        long queueLength = Between(queue, 0, 4000);
        int live = Between(instances, 0, 40);
        int off = live == 0 ? 0 : Between(backingOff, 0, live);
        int circuitOpen = live - off == 0 ? 0 : Between(open, 0, live - off);
        var totals = new UnitKindHealth("*", live, live - off - circuitOpen, 0, off, circuitOpen, 0, 0, 0, 0, 0, p95);
        var resources = new ResourceSample(cpuPercent, mem, 0, 0, 0, diskPercent, queueLength);

        var (score, status, reasons) = HealthScoring.Evaluate(options, resources, errorRate, totals, p95);

        double penalty = (25 * P(errorRate, options.ErrorRateThreshold))
            + (live > 0 ? 25.0 * (off + circuitOpen) / live : 0)
            + (15 * P(mem, options.MemoryThresholdPercent))
            + (10 * P(cpuPercent, options.CpuThresholdPercent))
            + (10 * P(diskPercent, options.DiskThresholdPercent))
            + (10 * P(p95?.TotalSeconds, options.P95HandlingTimeThreshold.TotalSeconds))
            + (5 * P(queueLength, options.ThreadPoolQueueThreshold));
        int expectedScore = (int)Math.Clamp(Math.Round(100 - penalty, MidpointRounding.AwayFromZero), 0, 100);
        Assert.Equal(expectedScore, score);

        bool memoryOrDiskAt = mem >= options.MemoryThresholdPercent || diskPercent >= options.DiskThresholdPercent;
        bool anyAt = memoryOrDiskAt || errorRate >= options.ErrorRateThreshold || cpuPercent >= options.CpuThresholdPercent
            || p95 >= options.P95HandlingTimeThreshold || queueLength >= options.ThreadPoolQueueThreshold;
        HealthStatus expected = memoryOrDiskAt || score < 50 ? HealthStatus.Critical
            : anyAt || off + circuitOpen > 0 || score < 80 ? HealthStatus.Warning
            : HealthStatus.Healthy;
        Assert.Equal(expected, status);
        Assert.Equal(status == HealthStatus.Healthy, reasons.Count == 0);
        Assert.InRange(score, 0, 100);
    }

    [Property(MaxTest = 500)]
    public void Pressure_IsZeroUpToHalfTheThreshold_OneFromIt_AndNeverDecreases(int a, int b, int threshold)
    {
        double t = Between(threshold, 1, 1000);
        double low = Math.Min(Between(a, 0, 2000), Between(b, 0, 2000));
        double high = Math.Max(Between(a, 0, 2000), Between(b, 0, 2000));
        Assert.True(HealthScoring.Pressure(low, t) <= HealthScoring.Pressure(high, t));
        Assert.Equal(low <= t / 2 ? 0 : low >= t ? 1 : (2 * low / t) - 1, HealthScoring.Pressure(low, t), 9);
        Assert.Equal(0, HealthScoring.Pressure(null, t));
    }
}
