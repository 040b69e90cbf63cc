namespace Actors.Resilience.Breaker;

/// <summary>A state change made by a <see cref="CircuitBreakerStateMachine"/>.</summary>
/// <param name="From">The state it left.</param>
/// <param name="To">The state it entered.</param>
/// <param name="RetryAfter">When <paramref name="To"/> is <see cref="CircuitBreakerState.Open"/>, how long it stays open (jitter included); otherwise <see langword="null"/>.</param>
public readonly record struct CircuitBreakerTransition(CircuitBreakerState From, CircuitBreakerState To, TimeSpan? RetryAfter);
