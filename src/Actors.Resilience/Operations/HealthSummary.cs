using System.Text.Json.Serialization;

namespace Actors.Resilience.Operations;

/// <summary>The health summary served by <c>GET /health</c> and <c>pbm health</c>; its JSON names are fixed.</summary>
/// <param name="Status">"healthy", "warning" or "critical".</param>
/// <param name="TotalInstances">Unit instances known and not stopped.</param>
/// <param name="ActiveConnections">Instances running.</param>
/// <param name="Connecting">Instances starting (connecting).</param>
/// <param name="CircuitBreakerActivations">Times any breaker opened.</param>
/// <param name="TotalRetryAttempts">Backoff retries scheduled.</param>
/// <param name="TotalRecentFailures">Failures within the recent-failure window.</param>
/// <param name="HealthScore">The 0-100 score (formula on <see cref="Health.HealthSnapshot"/>).</param>
/// <param name="AsOf">When the aggregator took the snapshot these numbers come from (the actor system's clock).</param>
/// <param name="AgeSeconds">How old that snapshot was when this summary was served.</param>
/// <param name="Stale">True when the aggregator did not answer in time and the last published snapshot was served instead.</param>
public sealed record HealthSummary(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("total_instances")] int TotalInstances,
    [property: JsonPropertyName("active_connections")] int ActiveConnections,
    [property: JsonPropertyName("connecting")] int Connecting,
    [property: JsonPropertyName("circuit_breaker_activations")] long CircuitBreakerActivations,
    [property: JsonPropertyName("total_retry_attempts")] long TotalRetryAttempts,
    [property: JsonPropertyName("total_recent_failures")] int TotalRecentFailures,
    [property: JsonPropertyName("health_score")] int HealthScore,
    [property: JsonPropertyName("as_of")] DateTimeOffset AsOf = default,
    [property: JsonPropertyName("age_seconds")] double AgeSeconds = 0,
    [property: JsonPropertyName("stale")] bool Stale = false)
{
    /// <summary>Whether <paramref name="other"/> carries the same numbers, whatever its time, age and staleness.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>True when only <see cref="AsOf"/>, <see cref="AgeSeconds"/> or <see cref="Stale"/> differ.</returns>
    public bool SameNumbersAs(HealthSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { AsOf = other.AsOf, AgeSeconds = other.AgeSeconds, Stale = other.Stale } == other;
    }
}
