using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Actors.Resilience.Metrics;

/// <summary>
/// The <see cref="Meter"/> the resilience layer records through (<c>System.Diagnostics.Metrics</c>), with the names of
/// its instruments and tags. Add it to an OpenTelemetry meter provider with <c>AddMeter(ResilienceMeter.Name)</c>; the
/// admin endpoints export it at <c>GET /metrics</c>. Every measurement carries the tag <see cref="SystemTag"/> (the
/// actor system's name), so several actor systems in one process never mix their numbers; no instrument is tagged with
/// an instance id (unbounded), only with the kind, the state and the exception type.
/// </summary>
/// <remarks>
/// The meter is process-wide (one per name, as OpenTelemetry expects); each started <see cref="ResilienceRuntime"/>
/// records into it under its system's tag and is forgotten by the gauges when its actor system terminates.
/// </remarks>
public static class ResilienceMeter
{
    /// <summary>The meter's name: <c>Actors.Resilience</c>.</summary>
    public const string Name = "Actors.Resilience";

    /// <summary>Counter <c>actors.unit.restarts</c> (<c>{restart}</c>): worker restarts scheduled after a failure. Tags: <see cref="SystemTag"/>, <see cref="KindTag"/>.</summary>
    public const string Restarts = "actors.unit.restarts";

    /// <summary>
    /// Counter <c>actors.unit.failures</c> (<c>{failure}</c>): supervisor decisions about a failed actor. Tags:
    /// <see cref="SystemTag"/>, <see cref="KindTag"/> (only for actors of a unit instance), <see cref="ExceptionTypeTag"/>
    /// (the full name of what the user's code threw).
    /// </summary>
    public const string Failures = "actors.unit.failures";

    /// <summary>Counter <c>actors.breaker.transitions</c> (<c>{transition}</c>): circuit breaker state changes. Tags: <see cref="SystemTag"/>, <see cref="KindTag"/>, <see cref="StateTag"/> (the state entered: <c>closed</c>, <c>open</c>, <c>half_open</c>).</summary>
    public const string BreakerTransitions = "actors.breaker.transitions";

    /// <summary>Gauge <c>actors.unit.instances</c> (<c>{instance}</c>): live unit instances. Tags: <see cref="SystemTag"/>, <see cref="KindTag"/>, <see cref="StateTag"/> (<c>starting</c>, <c>running</c>, <c>backing_off</c>, <c>circuit_open</c>).</summary>
    public const string Instances = "actors.unit.instances";

    /// <summary>Gauge <c>actors.unit.buffered</c> (<c>{message}</c>): messages held by unit instances while their worker is down (backing off, suspended, circuit half-open). Tags: <see cref="SystemTag"/>, <see cref="KindTag"/>.</summary>
    public const string Buffered = "actors.unit.buffered";

    /// <summary>The tag naming the actor system (its <see cref="ActorSystem.Name"/>).</summary>
    public const string SystemTag = "system";

    /// <summary>The tag naming the unit kind.</summary>
    public const string KindTag = "kind";

    /// <summary>The tag naming the exception type (OpenTelemetry's <c>exception.type</c>; <c>exception_type</c> in Prometheus).</summary>
    public const string ExceptionTypeTag = "exception.type";

    /// <summary>The tag naming a state (unit instance or breaker), in snake case.</summary>
    public const string StateTag = "state";

    /// <summary>The runtimes whose systems are alive; the gauges read them. Written at start and termination only.</summary>
    private static readonly ConcurrentDictionary<ResilienceMetrics, byte> s_live = new();

    internal static readonly Meter Meter = new(Name, typeof(ResilienceMeter).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> RestartCounter = Meter.CreateCounter<long>(Restarts, "{restart}", "Worker restarts scheduled after a failure.");

    internal static readonly Counter<long> FailureCounter = Meter.CreateCounter<long>(Failures, "{failure}", "Supervisor decisions about a failed actor, by unit kind and exception type.");

    internal static readonly Counter<long> TransitionCounter = Meter.CreateCounter<long>(BreakerTransitions, "{transition}", "Circuit breaker state changes, by unit kind and the state entered.");

    internal static readonly ObservableGauge<int> InstanceGauge = Meter.CreateObservableGauge(Instances, ObserveInstances, "{instance}", "Live unit instances, by kind and state.");

    internal static readonly ObservableGauge<long> BufferedGauge = Meter.CreateObservableGauge(Buffered, ObserveBuffered, "{message}", "Messages held by unit instances while their worker is down, by kind.");

    internal static void Track(ResilienceMetrics metrics) => s_live.TryAdd(metrics, 0);

    internal static void Untrack(ResilienceMetrics metrics) => s_live.TryRemove(metrics, out _);

    /// <summary>Snake-case names, so the per-event path allocates no string.</summary>
    internal static string StateName(Units.UnitState state) => state switch
    {
        Units.UnitState.Starting => "starting",
        Units.UnitState.Running => "running",
        Units.UnitState.BackingOff => "backing_off",
        Units.UnitState.CircuitOpen => "circuit_open",
        _ => "stopped",
    };

    internal static string StateName(Breaker.CircuitBreakerState state) => state switch
    {
        Breaker.CircuitBreakerState.Closed => "closed",
        Breaker.CircuitBreakerState.Open => "open",
        _ => "half_open",
    };

    private static List<Measurement<int>> ObserveInstances()
    {
        var measurements = new List<Measurement<int>>();
        foreach (ResilienceMetrics metrics in s_live.Keys)
        {
            if (!metrics.Ended)
            {
                metrics.ObserveInstances(measurements);
            }
        }

        return measurements;
    }

    private static List<Measurement<long>> ObserveBuffered()
    {
        var measurements = new List<Measurement<long>>();
        foreach (ResilienceMetrics metrics in s_live.Keys)
        {
            if (!metrics.Ended)
            {
                metrics.ObserveBuffered(measurements);
            }
        }

        return measurements;
    }
}
