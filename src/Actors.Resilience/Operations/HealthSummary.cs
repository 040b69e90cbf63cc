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
public sealed record HealthSummary(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("total_instances")] int TotalInstances,
    [property: JsonPropertyName("active_connections")] int ActiveConnections,
    [property: JsonPropertyName("connecting")] int Connecting,
    [property: JsonPropertyName("circuit_breaker_activations")] long CircuitBreakerActivations,
    [property: JsonPropertyName("total_retry_attempts")] long TotalRetryAttempts,
    [property: JsonPropertyName("total_recent_failures")] int TotalRecentFailures,
    [property: JsonPropertyName("health_score")] int HealthScore);
