namespace Actors.Resilience.Breaker;

/// <summary>The answer of <see cref="CircuitBreakerStateMachine.TryAcquire"/>: whether a call may proceed.</summary>
/// <param name="IsAllowed">Whether the call may run.</param>
/// <param name="IsProbe">Whether it runs as a half-open probe.</param>
/// <param name="Epoch">
/// The state epoch the call was admitted in; pass it back to <c>RecordSuccess</c>, <c>RecordFailure</c> or
/// <c>Release</c> so an outcome that arrives after the state changed is ignored.
/// </param>
/// <param name="RetryAfter">When refused, how long until the breaker admits calls again (zero when refused in half-open because all probes are taken).</param>
/// <param name="Transition">The transition the attempt caused (open to half-open when the reset timeout had passed), if any.</param>
public readonly record struct CircuitBreakerPermit(bool IsAllowed, bool IsProbe, long Epoch, TimeSpan RetryAfter, CircuitBreakerTransition? Transition);
