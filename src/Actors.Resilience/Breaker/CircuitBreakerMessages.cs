namespace Actors.Resilience.Breaker;

/// <summary>Asks a breaker actor whether a call may run; answered with <see cref="BreakerPermit"/>.</summary>
public sealed record AcquireBreakerPermit
{
    /// <summary>The single instance.</summary>
    public static AcquireBreakerPermit Instance { get; } = new();
}

/// <summary>The answer to <see cref="AcquireBreakerPermit"/>.</summary>
/// <param name="IsAllowed">Whether the call may run.</param>
/// <param name="IsProbe">Whether it runs as a half-open probe.</param>
/// <param name="Epoch">Pass it back with the outcome, so an outcome that arrives after a state change is ignored.</param>
/// <param name="RetryAfter">When refused, how long until the breaker admits calls again.</param>
public sealed record BreakerPermit(bool IsAllowed, bool IsProbe, long Epoch, TimeSpan RetryAfter);

/// <summary>Reports a successful call to a breaker actor; answered with <see cref="BreakerStatus"/>.</summary>
/// <param name="Epoch">The permit's epoch, or <see langword="null"/> for an outcome that applies to the current state.</param>
public sealed record BreakerSuccess(long? Epoch = null);

/// <summary>
/// Reports a failed call to a breaker actor; answered with <see cref="BreakerStatus"/>. An exception the breaker's
/// predicate rejects counts neither as a failure nor as a success.
/// </summary>
/// <param name="Cause">What the call threw.</param>
/// <param name="Epoch">The permit's epoch, or <see langword="null"/> for an outcome that applies to the current state.</param>
public sealed record BreakerFailure(Exception Cause, long? Epoch = null);

/// <summary>Closes a breaker by hand; answered with <see cref="BreakerStatus"/> (its <see cref="BreakerStatus.Previous"/> tells what it was).</summary>
public sealed record ResetBreaker
{
    /// <summary>The single instance.</summary>
    public static ResetBreaker Instance { get; } = new();
}

/// <summary>Asks a breaker actor for its state; answered with <see cref="BreakerStatus"/>.</summary>
public sealed record GetBreakerStatus
{
    /// <summary>The single instance.</summary>
    public static GetBreakerStatus Instance { get; } = new();
}

/// <summary>A breaker actor's state.</summary>
/// <param name="Name">The breaker's name.</param>
/// <param name="State">Its state now.</param>
/// <param name="Previous">Its state before the request this answers.</param>
/// <param name="RetryAfter">When open, how long until it admits probes; zero otherwise.</param>
/// <param name="FailureCount">Failures counted toward opening (closed state only).</param>
/// <param name="CurrentResetTimeout">The reset timeout of the current or next open period, before jitter.</param>
public sealed record BreakerStatus(string Name, CircuitBreakerState State, CircuitBreakerState Previous, TimeSpan RetryAfter, int FailureCount, TimeSpan CurrentResetTimeout);
