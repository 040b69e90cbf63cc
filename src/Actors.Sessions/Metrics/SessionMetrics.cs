using Actors.Resilience.Metrics;

namespace Actors.Sessions.Metrics;

/// <summary>
/// The session outboxes' share of <see cref="SessionMeter"/> on one actor system (an Akka extension, so each system
/// counts apart and the gauge forgets a system when it terminates).
/// </summary>
/// <remarks>Threading contract: outboxes add to the depth with interlocked adds (each its own change after its turn); the gauge reads it from the exporter's thread.</remarks>
internal sealed class SessionMetrics : IExtension
{
    private long _depth;

    public SessionMetrics(ActorSystem system)
    {
        SystemTag = new(ResilienceMeter.SystemTag, system.Name);
        SessionMeter.Track(this);
        system.WhenTerminated.ContinueWith(_ => SessionMeter.Untrack(this), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public KeyValuePair<string, object?> SystemTag { get; }

    public long Depth => Volatile.Read(ref _depth);

    public static SessionMetrics For(ActorSystem system) => system.WithExtension<SessionMetrics, SessionMetricsExtensionId>();

    public void Accepted() => SessionMeter.AcceptedCounter.Add(1, SystemTag);

    public void Delivered() => SessionMeter.DeliveredCounter.Add(1, SystemTag);

    public void AddDepth(long delta) => Interlocked.Add(ref _depth, delta);
}
