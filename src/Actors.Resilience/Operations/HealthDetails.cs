using Actors.Resilience.Health;

namespace Actors.Resilience.Operations;

/// <summary>The detailed health served by <c>GET /health/detailed</c>: the summary plus the snapshot it was made from.</summary>
/// <param name="Summary">The summary.</param>
/// <param name="Reasons">Why the status is not healthy.</param>
/// <param name="Kinds">Totals per unit kind.</param>
/// <param name="Instances">Every known instance.</param>
/// <param name="Resources">The latest resource sample.</param>
/// <param name="FailuresPerMinute">Failures of any actor in the last minute.</param>
/// <param name="MessagesPerMinute">Messages routed to unit instances in the last minute.</param>
/// <param name="ErrorRate">Failures ÷ routed messages over the last minute.</param>
/// <param name="Time">When the snapshot was computed.</param>
public sealed record HealthDetails(
    HealthSummary Summary,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<UnitKindHealth> Kinds,
    IReadOnlyList<UnitInstanceHealth> Instances,
    ResourceSample Resources,
    long FailuresPerMinute,
    long MessagesPerMinute,
    double ErrorRate,
    DateTimeOffset Time)
{
    /// <summary>The latest memory report of each workload that accounts for its own memory (<see cref="Memory.WorkloadMemory"/>).</summary>
    public IReadOnlyList<Memory.WorkloadMemory> Workloads { get; init; } = [];

    /// <summary>The latest outcome counts of each workload that reports them (<see cref="Health.WorkloadCounters"/>).</summary>
    public IReadOnlyList<Health.WorkloadCounters> Counters { get; init; } = [];
}
