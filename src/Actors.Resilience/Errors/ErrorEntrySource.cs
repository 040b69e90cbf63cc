using System.Threading.Channels;

namespace Actors.Resilience.Errors;

/// <summary>
/// Where the error journal announces each failure it records, as <see cref="Health.HealthSnapshotSource"/> does for
/// health: watchers (<see cref="Subscribe"/>) are handed each entry through a channel writer with
/// <see cref="ChannelWriter{T}.TryWrite"/>, so the journal's turn never waits for them and never runs their code.
/// Entries are handed without their stack trace.
/// </summary>
public sealed class ErrorEntrySource
{
    private readonly object _gate = new();
    private ChannelWriter<ErrorEntry>[] _watchers = [];

    /// <summary>
    /// Writes every failure recorded from now on to <paramref name="watcher"/> until the returned handle is disposed.
    /// A full channel loses the entry (the journal never waits), so a watcher should use a bounded channel that drops
    /// the oldest item: a slow reader then sees the most recent failures, and their sequence numbers show the gap.
    /// </summary>
    /// <param name="watcher">Where to write the entries.</param>
    /// <returns>Dispose it to stop watching.</returns>
    public IDisposable Subscribe(ChannelWriter<ErrorEntry> watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        lock (_gate)
        {
            _watchers = [.. _watchers, watcher];
        }

        return new Subscription(this, watcher);
    }

    /// <summary>Called on the journal's turn only.</summary>
    internal void Publish(ErrorEntry entry)
    {
        ChannelWriter<ErrorEntry>[] watchers = Volatile.Read(ref _watchers);
        if (watchers.Length == 0)
        {
            return;
        }

        ErrorEntry shown = entry.WithoutStackTrace();
        foreach (ChannelWriter<ErrorEntry> watcher in watchers)
        {
            watcher.TryWrite(shown);
        }
    }

    private void Unsubscribe(ChannelWriter<ErrorEntry> watcher)
    {
        lock (_gate)
        {
            _watchers = Array.FindAll(_watchers, w => !ReferenceEquals(w, watcher));
        }
    }

    private sealed class Subscription(ErrorEntrySource source, ChannelWriter<ErrorEntry> watcher) : IDisposable
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
