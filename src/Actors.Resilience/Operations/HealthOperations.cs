using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Actors.Resilience.Health;

namespace Actors.Resilience.Operations;

/// <summary>
/// The health operations (<c>GET /health</c>, <c>GET /health/detailed</c>, <c>GET /health/watch</c>, <c>pbm health</c>):
/// one implementation each. They ask the aggregator for a fresh snapshot and fall back to the last published one if it does not answer
/// in time, so they never fail because the node is busy.
/// </summary>
/// <param name="runtime">The resilience actors.</param>
public sealed class HealthOperations(ResilienceRuntime runtime)
{
    private readonly ResilienceRuntime _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>The health summary.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The summary.</returns>
    public async Task<HealthSummary> GetSummary(CancellationToken cancellationToken = default)
    {
        (HealthSnapshot snapshot, bool stale) = await Snapshot(cancellationToken).ConfigureAwait(false);
        return ToSummary(snapshot, _runtime.System.Scheduler.Now, stale);
    }

    /// <summary>The detailed health.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The details.</returns>
    public async Task<HealthDetails> GetDetailed(CancellationToken cancellationToken = default)
    {
        (HealthSnapshot s, bool stale) = await Snapshot(cancellationToken).ConfigureAwait(false);
        return ToDetails(s, _runtime.System.Scheduler.Now, stale);
    }

    /// <summary>
    /// The current detailed health, then the detailed health of every snapshot the aggregator publishes (at most once
    /// per publish interval, when something changed or someone asked for a fresh one, and at least once per resource
    /// sample), until <paramref name="cancellationToken"/> fires (the enumeration then throws
    /// <see cref="OperationCanceledException"/>). Like <see cref="Watch"/> it never polls, and a slow reader only
    /// ever sees the latest snapshot, not a backlog.
    /// </summary>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The details.</returns>
    public async IAsyncEnumerable<HealthDetails> WatchDetailed([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changes = Channel.CreateBounded<HealthSnapshot>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using IDisposable subscription = _runtime.HealthSource.Subscribe(changes.Writer);
        (HealthSnapshot first, bool stale) = await Snapshot(cancellationToken).ConfigureAwait(false);
        yield return ToDetails(first, _runtime.System.Scheduler.Now, stale);
        while (await changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (changes.Reader.TryRead(out HealthSnapshot? snapshot))
            {
                // Asking for the first one published it to the channel as well.
                if (!ReferenceEquals(snapshot, first))
                {
                    yield return ToDetails(snapshot, _runtime.System.Scheduler.Now);
                }
            }
        }
    }

    /// <summary>Maps a snapshot to the detailed health.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="now">The time it is served at, for its age; <see langword="null"/> gives age zero.</param>
    /// <param name="stale">Whether the snapshot is served because the aggregator did not answer.</param>
    /// <returns>The details.</returns>
    public static HealthDetails ToDetails(HealthSnapshot snapshot, DateTimeOffset? now = null, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        HealthSnapshot s = snapshot;
        return new HealthDetails(ToSummary(s, now, stale), s.Reasons, s.Kinds, s.Instances, s.Resources, s.FailuresPerMinute, s.MessagesPerMinute, s.ErrorRate, s.Time) { Workloads = s.Workloads, Counters = s.Counters };
    }

    /// <summary>
    /// The current summary, then the summary again each time it changes, until <paramref name="cancellationToken"/>
    /// fires (the enumeration then throws <see cref="OperationCanceledException"/>). It never polls: it is handed each
    /// snapshot the aggregator publishes (<see cref="HealthSnapshotSource.Subscribe"/>), and skips those whose summary
    /// equals the last one it yielded. A slow reader only ever sees the latest snapshot, not a backlog.
    /// </summary>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The summaries.</returns>
    public async IAsyncEnumerable<HealthSummary> Watch([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changes = Channel.CreateBounded<HealthSnapshot>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using IDisposable subscription = _runtime.HealthSource.Subscribe(changes.Writer);
        HealthSummary last = await GetSummary(cancellationToken).ConfigureAwait(false);
        yield return last;
        while (await changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (changes.Reader.TryRead(out HealthSnapshot? snapshot))
            {
                HealthSummary summary = ToSummary(snapshot, _runtime.System.Scheduler.Now);
                if (!summary.SameNumbersAs(last))
                {
                    last = summary;
                    yield return summary;
                }
            }
        }
    }

    /// <summary>Maps a snapshot to the summary.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="now">The time the summary is served at, for its age; <see langword="null"/> gives age zero.</param>
    /// <param name="stale">Whether the snapshot is served because the aggregator did not answer.</param>
    /// <returns>The summary.</returns>
    public static HealthSummary ToSummary(HealthSnapshot snapshot, DateTimeOffset? now = null, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        UnitKindHealth t = snapshot.Totals;
        return new HealthSummary(
            snapshot.Status.ToString().ToLowerInvariant(),
            t.Instances,
            t.Active,
            t.Connecting,
            t.BreakerActivations,
            t.RetryAttempts,
            t.RecentFailures,
            snapshot.Score,
            snapshot.Time,
            now is { } n && snapshot.Time != DateTimeOffset.MinValue ? Math.Max(0, (n - snapshot.Time).TotalSeconds) : 0,
            stale);
    }

    private async Task<(HealthSnapshot Snapshot, bool Stale)> Snapshot(CancellationToken cancellationToken)
    {
        try
        {
            return (await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, _runtime.Options.OperationTimeout, cancellationToken).ConfigureAwait(false), false);
        }
        catch (AskTimeoutException)
        {
            return (_runtime.HealthSource.Current, true);
        }
    }
}
