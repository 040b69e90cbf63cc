namespace Actors.Resilience.Breaker;

/// <summary>The three states of a circuit breaker.</summary>
public enum CircuitBreakerState
{
    /// <summary>Calls pass through; failures are counted.</summary>
    Closed,

    /// <summary>Calls fail fast until the reset timeout has passed.</summary>
    Open,

    /// <summary>A limited number of probe calls are let through to decide whether to close or reopen.</summary>
    HalfOpen,
}
