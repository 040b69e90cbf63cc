using Actors.Resilience.Breaker;
using Actors.Resilience.Supervision;
using Actors.Resilience.Units;

namespace Actors.Resilience.Metrics;

/// <summary>
/// The actor at <c>/system/resilience-metrics</c>: the one place that turns the events the resilience layer already
/// publishes (failures, retries, breaker and unit state changes) into measurements, off the message path.
/// <see cref="ResilienceRuntime.Start"/> subscribes it before it starts, so no event is missed; its state lives in
/// <see cref="ResilienceMetrics"/>, so a restart loses nothing.
/// </summary>
internal sealed class ResilienceMetricsRecorder(ResilienceMetrics metrics) : UntypedActor
{
    /// <summary>The events it records.</summary>
    public static readonly Type[] Events = [typeof(ActorFailed), typeof(UnitRetryScheduled), typeof(CircuitBreakerStateChanged), typeof(UnitStateChanged)];

    public static Props Props(ResilienceMetrics metrics) => Akka.Actor.Props.Create(() => new ResilienceMetricsRecorder(metrics));

    protected override void PreStart()
    {
        foreach (Type type in Events)
        {
            Context.System.EventStream.Subscribe(Self, type);
        }
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ActorFailed failed:
                metrics.Failed(UnitAddress.TryParse(failed.Child.Path, out string kind, out _) ? kind : null, FailureCause.Unwrap(failed.Cause));
                break;
            case UnitRetryScheduled retry:
                metrics.Restarted(retry.Kind);
                break;
            case CircuitBreakerStateChanged changed:
                metrics.BreakerChanged(KindOf(changed.Name), changed.To);
                break;
            case UnitStateChanged changed:
                metrics.InstanceStateChanged(changed.Kind, changed.Previous, changed.State);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>A unit instance names its breaker <c>kind/id</c>: the kind is what precedes the first slash.</summary>
    private static string KindOf(string breakerName)
    {
        int slash = breakerName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? breakerName : breakerName[..slash];
    }
}
