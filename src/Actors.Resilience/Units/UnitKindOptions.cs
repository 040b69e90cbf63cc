using Actors.Resilience.Breaker;
namespace Actors.Resilience.Units;

/// <summary>
/// The settings of one unit kind (<c>session</c>, <c>prediction</c>, <c>feed</c>, or a kind of your own): how its
/// workers are created, backed off, broken and passivated. Every value has a documented default.
/// </summary>
public sealed class UnitKindOptions
{
    /// <summary>Creates the options of a kind.</summary>
    /// <param name="kind">The kind's name; also the region's actor name under <c>/user/units</c>.</param>
    /// <param name="workerProps">Creates the worker's props for an instance id (called at every worker start).</param>
    public UnitKindOptions(string kind, Func<string, Props> workerProps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(workerProps);
        Kind = kind;
        WorkerProps = workerProps;
    }

    /// <summary>The kind's name.</summary>
    public string Kind { get; }

    /// <summary>Creates the worker's props for an instance id.</summary>
    public Func<string, Props> WorkerProps { get; }

    /// <summary>The delay before the first restart of a failed worker.</summary>
    /// <value>Defaults to 1 second. Zero restarts on the instance's next turn (with no doubling).</value>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on the doubling delay (before jitter).</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter added to each delay: delay × (1 + r × RandomFactor), r uniform in [0, 1).</summary>
    /// <value>Defaults to 0.2.</value>
    public double RandomFactor { get; set; } = 0.2;

    /// <summary>Restarts allowed before the instance gives up and stops; -1 for no limit.</summary>
    /// <value>Defaults to -1 (the breaker, not a retry limit, stops a failing instance from spinning).</value>
    public int MaxRetries { get; set; } = -1;

    /// <summary>How long a worker must stay ready before its retry count returns to 0.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan BackoffResetAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The instance's circuit breaker. Each worker failure the <see cref="CircuitBreakerOptions.ExceptionFilter"/>
    /// accepts is a failure; each worker start that reaches ready is a success, and in half-open state the worker's
    /// start is the probe (so unit breakers use one probe).
    /// </summary>
    /// <value>Defaults to 15 failures within 5 minutes open the breaker; it goes half-open after 10 minutes.</value>
    public CircuitBreakerOptions Breaker { get; set; } = new()
    {
        MaxFailures = 15,
        Window = TimeSpan.FromMinutes(5),
        ResetTimeout = TimeSpan.FromMinutes(10),
    };

    /// <summary>
    /// Whether a worker counts as ready (running) as soon as it has started. When false, it stays "starting"
    /// (connecting) until it tells its parent <see cref="UnitReady"/>.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ReadyOnStart { get; set; } = true;

    /// <summary>Instances that receive nothing for this long are passivated (stopped until their next message); <see langword="null"/> never passivates.</summary>
    /// <value>Defaults to 10 minutes.</value>
    public TimeSpan? PassivateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the memory guard's emergency policy leaves this kind's instances running.</summary>
    /// <value>Defaults to <see langword="false"/> (stopped in an emergency).</value>
    public bool Critical { get; set; }

    /// <summary>Messages kept per instance while its worker is down (delivered in order when it is back); one more is answered with <see cref="UnitBufferOverflow"/>.</summary>
    /// <value>Defaults to 100.</value>
    public int BufferCapacity { get; set; } = 100;

    /// <summary>How often the region publishes a <see cref="UnitLoadReport"/> (when it routed anything).</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan LoadReportInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    /// <exception cref="ArgumentException">The kind is not a valid actor name.</exception>
    public void Validate()
    {
        if (!ActorPath.IsValidPathElement(Kind))
        {
            throw new ArgumentException($"The unit kind '{Kind}' is not a valid actor name.", nameof(Kind));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinBackoff.Ticks, nameof(MinBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, MinBackoff, nameof(MaxBackoff));
        if (!(RandomFactor >= 0 && RandomFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "RandomFactor must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetries, -1, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BackoffResetAfter, TimeSpan.Zero, nameof(BackoffResetAfter));
        ArgumentNullException.ThrowIfNull(Breaker, nameof(Breaker));
        Breaker.Validate();
        if (Breaker.HalfOpenMaxProbes != 1)
        {
            // A unit's probe is its worker's next start, which succeeds once: more probes could never close the breaker.
            throw new ArgumentOutOfRangeException(nameof(CircuitBreakerOptions.HalfOpenMaxProbes), Breaker.HalfOpenMaxProbes, $"A unit kind's breaker takes one half-open probe (the worker's next start); '{Kind}' has half-open-probes = {Breaker.HalfOpenMaxProbes}.");
        }
        if (PassivateAfter is { } p && p <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PassivateAfter), p, "PassivateAfter must be positive, or null to never passivate.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(BufferCapacity, nameof(BufferCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LoadReportInterval, TimeSpan.Zero, nameof(LoadReportInterval));
    }
}
