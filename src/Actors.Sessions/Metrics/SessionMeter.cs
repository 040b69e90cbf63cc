using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Resilience.Metrics;

namespace Actors.Sessions.Metrics;

/// <summary>
/// The <see cref="Meter"/> of the session workload's durable outbox, with the names of its instruments. Add it with
/// <c>AddMeter(SessionMeter.Name)</c> (the admin endpoints' <c>GET /metrics</c> exports it). Every measurement carries
/// <see cref="ResilienceMeter.SystemTag"/> (the actor system's name) and nothing else: never an instance id.
/// </summary>
public static class SessionMeter
{
    /// <summary>The meter's name: <c>Actors.Sessions</c>.</summary>
    public const string Name = "Actors.Sessions";

    /// <summary>Counter <c>actors.session.outbox.accepted</c> (<c>{message}</c>): messages accepted and persisted by the outboxes (duplicates and refusals are not).</summary>
    public const string Accepted = "actors.session.outbox.accepted";

    /// <summary>Counter <c>actors.session.outbox.delivered</c> (<c>{message}</c>): messages whose delivery the upstream acknowledged (persisted as delivered).</summary>
    public const string Delivered = "actors.session.outbox.delivered";

    /// <summary>Gauge <c>actors.session.outbox.depth</c> (<c>{message}</c>): messages accepted and not yet delivered, over every outbox of the system.</summary>
    public const string Depth = "actors.session.outbox.depth";

    private static readonly ConcurrentDictionary<SessionMetrics, byte> s_live = new();

    internal static readonly Meter Meter = new(Name, typeof(SessionMeter).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> AcceptedCounter = Meter.CreateCounter<long>(Accepted, "{message}", "Messages accepted and persisted by the session outboxes.");

    internal static readonly Counter<long> DeliveredCounter = Meter.CreateCounter<long>(Delivered, "{message}", "Messages whose delivery the upstream acknowledged.");

    internal static readonly ObservableGauge<long> DepthGauge = Meter.CreateObservableGauge(Depth, ObserveDepth, "{message}", "Messages accepted and not yet delivered, over every outbox.");

    internal static void Track(SessionMetrics metrics) => s_live.TryAdd(metrics, 0);

    internal static void Untrack(SessionMetrics metrics) => s_live.TryRemove(metrics, out _);

    private static List<Measurement<long>> ObserveDepth()
    {
        var measurements = new List<Measurement<long>>();
        foreach (SessionMetrics metrics in s_live.Keys)
        {
            measurements.Add(new Measurement<long>(metrics.Depth, metrics.SystemTag));
        }

        return measurements;
    }
}
