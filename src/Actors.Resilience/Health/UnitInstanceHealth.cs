using Actors.Resilience.Units;

namespace Actors.Resilience.Health;

/// <summary>What the aggregator knows of one unit instance.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="State">Its current state.</param>
/// <param name="Since">When it entered that state.</param>
/// <param name="Restarts">Worker restarts (failures the supervisor answered with a restart or a backoff restart).</param>
/// <param name="RetryAttempts">Backoff retries scheduled.</param>
/// <param name="RecentFailures">Failures within the recent-failure window.</param>
/// <param name="BreakerActivations">Times its circuit breaker opened.</param>
/// <param name="LastFailure">The exception type and message of the last failure, if any (no stack trace).</param>
public sealed record UnitInstanceHealth(
    string Kind,
    string Id,
    UnitState State,
    DateTimeOffset Since,
    long Restarts,
    long RetryAttempts,
    int RecentFailures,
    long BreakerActivations,
    string? LastFailure);
