using System.Threading.Channels;

namespace Actors.Resilience.Health;

/// <summary>
/// Where the aggregator publishes its latest snapshot: one volatile reference, written only by the aggregator's turn
/// and read from any thread without locks, so reading health never waits for (or blocks) an actor. Watchers
/// (<see cref="Subscribe"/>) are handed each published snapshot through a channel writer, never by running their code
/// on the aggregator's turn.
/// </summary>
public sealed class HealthSnapshotSource
{
    private readonly object _gate = new();
    private HealthSnapshot _current = HealthSnapshot.Empty;
    private ChannelWriter<HealthSnapshot>[] _watchers = [];

    /// <summary>The latest published snapshot (at most one publish interval old).</summary>
    public HealthSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// Writes every snapshot published from now on to <paramref name="watcher"/> with
    /// <see cref="ChannelWriter{T}.TryWrite"/>, until the returned handle is disposed. The aggregator never waits: a
    /// full channel loses the snapshot, so a watcher that only wants the latest should use a bounded channel of
    /// capacity 1 that drops the oldest item. Snapshots are published at most once per publish interval, and only when
    /// something changed or someone asked for a fresh one.
    /// </summary>
    /// <param name="watcher">Where to write the snapshots.</param>
    /// <returns>Dispose it to stop watching.</returns>
    public IDisposable Subscribe(ChannelWriter<HealthSnapshot> watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        lock (_gate)
        {
            _watchers = [.. _watchers, watcher];
        }

        return new Subscription(this, watcher);
    }

    internal void Publish(HealthSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        foreach (ChannelWriter<HealthSnapshot> watcher in Volatile.Read(ref _watchers))
        {
            watcher.TryWrite(snapshot);
        }
    }

    private void Unsubscribe(ChannelWriter<HealthSnapshot> watcher)
    {
        lock (_gate)
        {
            _watchers = Array.FindAll(_watchers, w => !ReferenceEquals(w, watcher));
        }
    }

    private sealed class Subscription(HealthSnapshotSource source, ChannelWriter<HealthSnapshot> watcher) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                source.Unsubscribe(watcher);
            }
        }
    }
}
