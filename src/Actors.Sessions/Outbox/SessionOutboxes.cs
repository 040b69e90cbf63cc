using Actors.Resilience.Health;
using Actors.Sessions.Configuration;
using Actors.Sessions.Metrics;

namespace Actors.Sessions.Outbox;

/// <summary>
/// Parent of every instance's outbox (<c>/user/session-outboxes/&lt;id&gt;</c>): creates an outbox on its first
/// message and forwards <see cref="OutboxEnvelope"/>s to it. An outbox that fails restarts and recovers from its
/// journal. It is also the single place that reports the node's outboxes into health: every
/// <see cref="DefaultReportInterval"/> (an Akka timer) it publishes one <see cref="WorkloadCounters"/> of owner
/// <see cref="Owner"/>, aggregated over all outboxes, when a figure changed since the last report (the first tick
/// always reports, so the card shows zeros on an idle node).
/// </summary>
internal sealed class SessionOutboxes : UntypedActor, IWithTimers
{
    /// <summary>The owner of the outbox counters in health.</summary>
    public const string Owner = "sessions/outbox";

    /// <summary>How often the figures are compared and, when changed, published.</summary>
    public static readonly TimeSpan DefaultReportInterval = TimeSpan.FromSeconds(1);

    private readonly SessionOptions _options;
    private readonly Action<string> _wake;
    private readonly TimeSpan _reportInterval;
    private readonly SessionMetrics _metrics = SessionMetrics.For(Context.System);
    private OutboxFigures? _reported;

    public SessionOutboxes(SessionOptions options, Action<string> wake, TimeSpan reportInterval)
    {
        _options = options;
        _wake = wake;
        _reportInterval = reportInterval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SessionOptions options, Action<string> wake) => Props(options, wake, DefaultReportInterval);

    public static Props Props(SessionOptions options, Action<string> wake, TimeSpan reportInterval) =>
        Akka.Actor.Props.Create(() => new SessionOutboxes(options, wake, reportInterval));

    /// <summary>The child name of an instance's outbox (instance ids are escaped to valid actor names).</summary>
    public static string ChildName(string instanceId) => Uri.EscapeDataString(instanceId);

    protected override void PreStart() => Timers.StartPeriodicTimer("report", ReportFigures.Instance, _reportInterval);

    protected override void OnReceive(object message)
    {
        if (message is OutboxEnvelope e)
        {
            string name = ChildName(e.InstanceId);
            IActorRef child = Context.Child(name);
            if (child.IsNobody())
            {
                child = Context.ActorOf(SessionOutbox.Props(e.InstanceId, _options, _wake), name);
            }

            child.Forward(e.Message);
        }
        else if (message is ReportFigures)
        {
            Report();
        }
        else
        {
            Unhandled(message);
        }
    }

    private void Report()
    {
        OutboxFigures now = _metrics.Figures();
        if (_reported == now)
        {
            return;
        }

        _reported = now;
        Context.System.EventStream.Publish(new WorkloadCounters(Owner, new Dictionary<string, long>(4, StringComparer.Ordinal)
        {
            ["depth"] = now.Depth,
            ["accepted_total"] = now.AcceptedTotal,
            ["delivered_total"] = now.DeliveredTotal,
            ["instances"] = now.Instances,
        }));
    }

    /// <summary>The report timer's tick.</summary>
    private sealed class ReportFigures
    {
        public static ReportFigures Instance { get; } = new();
    }
}
