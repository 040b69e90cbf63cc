namespace Actors.Resilience.Health;

/// <summary>
/// Published on the event stream by a workload with outcomes of its own to show in health (for example a feed's
/// confirm outcomes: confirmed, timeout, error, malformed, disabled, fallbacks): the running totals. The health
/// aggregator keeps the latest of each owner in <see cref="HealthSnapshot.Counters"/> (and <c>GET /health/detailed</c>).
/// </summary>
/// <param name="Owner">Who counts, for example <c>feed/BTCUSDT</c>.</param>
/// <param name="Counters">Each outcome's running total, by name.</param>
public sealed record WorkloadCounters(string Owner, IReadOnlyDictionary<string, long> Counters);
