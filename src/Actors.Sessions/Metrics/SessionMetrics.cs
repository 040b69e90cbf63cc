using Actors.Resilience.Metrics;

namespace Actors.Sessions.Metrics;

/// <summary>
/// The session outboxes' share of <see cref="SessionMeter"/> on one actor system (an Akka extension, so each system
/// counts apart and the gauge forgets a system when it terminates).
/// </summary>
/// <remarks>Threading contract: outboxes add to the depth, the totals and the live count with interlocked adds (each
/// its own change after its turn); the gauge reads them from the exporter's thread, the outboxes' parent from its
/// timer turn (<see cref="Figures"/>).</remarks>
internal sealed class SessionMetrics : IExtension
{
    private long _depth;
    private long _acceptedTotal;
    private long _deliveredTotal;
    private long _instances;

    public SessionMetrics(ActorSystem system)
    {
        SystemTag = new(ResilienceMeter.SystemTag, system.Name);
        SessionMeter.Track(this);
        system.WhenTerminated.ContinueWith(_ => SessionMeter.Untrack(this), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public KeyValuePair<string, object?> SystemTag { get; }

    public long Depth => Volatile.Read(ref _depth);

    public static SessionMetrics For(ActorSystem system) => system.WithExtension<SessionMetrics, SessionMetricsExtensionId>();

    public void Accepted()
    {
        Interlocked.Increment(ref _acceptedTotal);
        SessionMeter.AcceptedCounter.Add(1, SystemTag);
    }

    public void Delivered()
    {
        Interlocked.Increment(ref _deliveredTotal);
        SessionMeter.DeliveredCounter.Add(1, SystemTag);
    }

    public void AddDepth(long delta) => Interlocked.Add(ref _depth, delta);

    /// <summary>An outbox actor started (or restarted): one more live outbox on this node.</summary>
    public void OutboxStarted() => Interlocked.Increment(ref _instances);

    /// <summary>An outbox actor stopped (or is restarting).</summary>
    public void OutboxStopped() => Interlocked.Decrement(ref _instances);

    /// <summary>
    /// The node's outbox figures now: depth, acceptances and deliveries since this system started (not the
    /// journal's lifetime totals), live outboxes.
    /// </summary>
    public OutboxFigures Figures() => new(
        Volatile.Read(ref _depth),
        Interlocked.Read(ref _acceptedTotal),
        Interlocked.Read(ref _deliveredTotal),
        Interlocked.Read(ref _instances));
}
