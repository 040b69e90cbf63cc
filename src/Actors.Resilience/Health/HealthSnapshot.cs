namespace Actors.Resilience.Health;

/// <summary>
/// An immutable picture of the node's health, computed by the aggregator at <c>/user/health</c>.
/// </summary>
/// <remarks>
/// <para>The <see cref="Score"/> is <c>100 − Σ penalties</c>, rounded and clamped to 0-100. Each measure <c>v</c>
/// with threshold <c>t</c> has a pressure <c>p(v, t) = clamp(2·v/t − 1, 0, 1)</c>: nothing until half the threshold,
/// rising linearly to 1 at the threshold. The penalties (weights sum to 100):</para>
/// <list type="bullet">
/// <item>error rate (failures ÷ routed messages, last minute): 25 · p(rate, ErrorRateThreshold);</item>
/// <item>unavailable instances: 25 · (backing off + circuit open) ÷ instances not stopped;</item>
/// <item>memory: 15 · p(memory %, MemoryThresholdPercent);</item>
/// <item>CPU: 10 · p(cpu %, CpuThresholdPercent);</item>
/// <item>disk: 10 · p(disk %, DiskThresholdPercent);</item>
/// <item>latency: 10 · p(worst p95 handling time of any kind, P95HandlingTimeThreshold);</item>
/// <item>thread pool: 5 · p(queue length, ThreadPoolQueueThreshold).</item>
/// </list>
/// <para>A measure that is unknown contributes nothing. The <see cref="Status"/> is <see cref="HealthStatus.Critical"/>
/// when the score is below 50 or memory or disk is at its threshold; <see cref="HealthStatus.Warning"/> when the
/// score is below 80, any measure is at its threshold, or any instance is backing off or has its circuit open;
/// <see cref="HealthStatus.Healthy"/> otherwise. <see cref="Reasons"/> names every measure at or over its threshold
/// and every unavailable instance count.</para>
/// </remarks>
/// <param name="Time">When it was computed, on the system's clock.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Score">The health score, 0-100 (formula above).</param>
/// <param name="Reasons">Why the status is not healthy; empty when it is.</param>
/// <param name="Totals">Totals over all unit kinds (kind <c>*</c>).</param>
/// <param name="Kinds">Totals per unit kind, ordered by kind.</param>
/// <param name="Instances">Every known instance, ordered by kind and id.</param>
/// <param name="Resources">The latest resource sample.</param>
/// <param name="FailuresPerMinute">Failures of any actor in the last minute.</param>
/// <param name="MessagesPerMinute">Messages routed to unit instances in the last minute (as regions reported).</param>
/// <param name="ErrorRate">Failures ÷ routed messages over the last minute, 0-1; 0 without traffic.</param>
public sealed record HealthSnapshot(
    DateTimeOffset Time,
    HealthStatus Status,
    int Score,
    IReadOnlyList<string> Reasons,
    UnitKindHealth Totals,
    IReadOnlyList<UnitKindHealth> Kinds,
    IReadOnlyList<UnitInstanceHealth> Instances,
    ResourceSample Resources,
    long FailuresPerMinute,
    long MessagesPerMinute,
    double ErrorRate)
{
    /// <summary>The latest memory report of each workload that accounts for its own (<see cref="Memory.WorkloadMemory"/>), ordered by owner.</summary>
    public IReadOnlyList<Memory.WorkloadMemory> Workloads { get; init; } = [];

    /// <summary>The latest outcome counts of each workload that reports them (<see cref="WorkloadCounters"/>), ordered by owner.</summary>
    public IReadOnlyList<WorkloadCounters> Counters { get; init; } = [];

    /// <summary>The snapshot before the aggregator has computed anything.</summary>
    public static HealthSnapshot Empty { get; } = new(
        DateTimeOffset.MinValue,
        HealthStatus.Healthy,
        100,
        Array.Empty<string>(),
        new UnitKindHealth("*", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null),
        Array.Empty<UnitKindHealth>(),
        Array.Empty<UnitInstanceHealth>(),
        ResourceSample.Unknown,
        0,
        0,
        0);
}
