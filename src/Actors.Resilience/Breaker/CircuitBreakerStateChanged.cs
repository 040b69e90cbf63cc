namespace Actors.Resilience.Breaker;

/// <summary>
/// Published on the event stream by breaker actors (one per unit instance) each time their breaker changes state, so
/// the health aggregator and the error journal learn about it without polling.
/// </summary>
/// <param name="Name">Which breaker, e.g. the path or id of the instance it guards.</param>
/// <param name="From">The state it left.</param>
/// <param name="To">The state it entered.</param>
/// <param name="RetryAfter">When <paramref name="To"/> is <see cref="CircuitBreakerState.Open"/>, how long until it goes half-open; otherwise <see langword="null"/>.</param>
public sealed record CircuitBreakerStateChanged(string Name, CircuitBreakerState From, CircuitBreakerState To, TimeSpan? RetryAfter);
