namespace Actors.Resilience.Health;

/// <summary>Totals for one unit kind (or, in <see cref="HealthSnapshot.Totals"/>, for all kinds).</summary>
/// <param name="Kind">The unit kind, or <c>*</c> for the totals.</param>
/// <param name="Instances">Instances known and not stopped.</param>
/// <param name="Active">Instances running.</param>
/// <param name="Connecting">Instances starting (connecting, not yet ready).</param>
/// <param name="BackingOff">Instances waiting to restart their worker.</param>
/// <param name="CircuitOpen">Instances whose breaker is open.</param>
/// <param name="Stopped">Instances stopped and still remembered.</param>
/// <param name="Restarts">Worker restarts.</param>
/// <param name="RetryAttempts">Backoff retries scheduled.</param>
/// <param name="RecentFailures">Failures within the recent-failure window.</param>
/// <param name="BreakerActivations">Times a breaker opened.</param>
/// <param name="P95HandlingTime">The p95 of reported handling times, or <see langword="null"/> when none were reported.</param>
public sealed record UnitKindHealth(
    string Kind,
    int Instances,
    int Active,
    int Connecting,
    int BackingOff,
    int CircuitOpen,
    int Stopped,
    long Restarts,
    long RetryAttempts,
    int RecentFailures,
    long BreakerActivations,
    TimeSpan? P95HandlingTime);
