using Actors.Resilience.Breaker;

namespace Actors.Resilience.Operations;

/// <summary>One instance's circuit breaker, as <c>GET /breakers</c> and <c>pbm breaker list</c> show it.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="State">The breaker's state: closed, open or half-open.</param>
/// <param name="Failures">Failures counted toward opening (in the closed state; zero otherwise).</param>
/// <param name="RetryAfter">When open, how long until it admits a probe; zero otherwise.</param>
/// <param name="ResetTimeout">The reset timeout of the current or next open period, before jitter.</param>
public sealed record UnitBreakerInfo(string Kind, string Id, CircuitBreakerState State, int Failures, TimeSpan RetryAfter, TimeSpan ResetTimeout);
