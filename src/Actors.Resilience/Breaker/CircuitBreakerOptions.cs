namespace Actors.Resilience.Breaker;

/// <summary>
/// The policy of a circuit breaker actor (<see cref="CircuitBreakerActor"/>, driving a
/// <see cref="CircuitBreakerStateMachine"/>). Every value has a documented default; <see cref="Validate"/> checks them.
/// </summary>
public sealed record CircuitBreakerOptions
{
    /// <summary>Failures that open the breaker: consecutive ones, or within <see cref="Window"/> when it is set.</summary>
    /// <value>Defaults to 5. Must be at least 1.</value>
    public int MaxFailures { get; init; } = 5;

    /// <summary>
    /// The sliding window failures are counted in, or <see langword="null"/> to count consecutive failures (any
    /// success clears the count). In window mode successes do not clear the count: the breaker opens when
    /// <see cref="MaxFailures"/> failures happened within the last <see cref="Window"/>, and older failures slide out.
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (consecutive counting, as in Akka.NET).</value>
    public TimeSpan? Window { get; init; }

    /// <summary>How long the breaker stays open the first time before admitting probe calls.</summary>
    /// <value>Defaults to 1 minute. Must be positive.</value>
    public TimeSpan ResetTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The cap on the reset timeout as it grows by <see cref="ExponentialBackoffFactor"/> (jitter may add up to <see cref="RandomFactor"/> on top).</summary>
    /// <value>Defaults to 36,500 days (no practical cap, as in Akka.NET). Must be at least <see cref="ResetTimeout"/>.</value>
    public TimeSpan MaxResetTimeout { get; init; } = TimeSpan.FromDays(36500);

    /// <summary>What the reset timeout is multiplied by each time a half-open probe fails; it returns to <see cref="ResetTimeout"/> when the breaker closes.</summary>
    /// <value>Defaults to 1.0 (no growth). Must be at least 1.</value>
    public double ExponentialBackoffFactor { get; init; } = 1.0;

    /// <summary>Jitter: each open period is the current reset timeout times (1 + r * RandomFactor), r uniform in [0, 1).</summary>
    /// <value>Defaults to 0.0 (no jitter). Must be in [0, 1].</value>
    public double RandomFactor { get; init; }

    /// <summary>
    /// How many probe calls the half-open state admits. The breaker closes when that many probes have succeeded and
    /// reopens at the first probe failure; further calls fail fast meanwhile.
    /// </summary>
    /// <value>Defaults to 1 (Akka.NET's single trial call). Must be at least 1.</value>
    public int HalfOpenMaxProbes { get; init; } = 1;

    /// <summary>
    /// Decides which exceptions count as failures. An exception it rejects counts neither as a failure nor as a
    /// success: it is passed to the caller and leaves the breaker as it was (a half-open probe slot is given back).
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: every exception counts.</value>
    public Func<Exception, bool>? ExceptionFilter { get; init; }

    /// <summary>Whether <paramref name="exception"/> counts as a failure under <see cref="ExceptionFilter"/>.</summary>
    /// <param name="exception">The exception a call threw.</param>
    /// <returns>True when it counts.</returns>
    public bool Counts(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ExceptionFilter?.Invoke(exception) ?? true;
    }

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (MaxFailures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailures), MaxFailures, "MaxFailures must be at least 1.");
        }

        if (Window is { } window && window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), window, "Window must be positive, or null for consecutive counting.");
        }

        if (ResetTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ResetTimeout), ResetTimeout, "ResetTimeout must be positive.");
        }

        if (MaxResetTimeout < ResetTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResetTimeout), MaxResetTimeout, "MaxResetTimeout must be at least ResetTimeout.");
        }

        if (!(ExponentialBackoffFactor >= 1.0) || double.IsInfinity(ExponentialBackoffFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(ExponentialBackoffFactor), ExponentialBackoffFactor, "ExponentialBackoffFactor must be a finite number of at least 1.");
        }

        if (!(RandomFactor >= 0.0 && RandomFactor <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "RandomFactor must be in [0, 1].");
        }

        if (HalfOpenMaxProbes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HalfOpenMaxProbes), HalfOpenMaxProbes, "HalfOpenMaxProbes must be at least 1.");
        }
    }
}
