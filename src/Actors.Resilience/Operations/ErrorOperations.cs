using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Actors.Resilience.Errors;

namespace Actors.Resilience.Operations;

/// <summary>The error journal operations (<c>GET /admin/errors</c>, <c>pbm errors</c>): one implementation each.</summary>
/// <param name="runtime">The resilience actors.</param>
public sealed class ErrorOperations(ResilienceRuntime runtime)
{
    private readonly ResilienceRuntime _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>The <paramref name="count"/> most recent failures in their public form (never a stack trace).</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The failures, oldest first.</returns>
    public async Task<IReadOnlyList<PublicError>> Tail(int count, CancellationToken cancellationToken = default)
    {
        RecentErrors recent = await Ask(new GetRecentErrors(count, IncludeStackTraces: false), cancellationToken).ConfigureAwait(false);
        return recent.Entries.Select(PublicError.From).ToArray();
    }

    /// <summary>The <paramref name="count"/> most recent failures with stack traces, for operators only.</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The failures, oldest first.</returns>
    public async Task<IReadOnlyList<ErrorEntry>> TailForOperator(int count, CancellationToken cancellationToken = default) =>
        (await Ask(new GetRecentErrors(count, IncludeStackTraces: true), cancellationToken).ConfigureAwait(false)).Entries;

    /// <summary>Counts by exception type and directive, and the per-minute rate.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The statistics.</returns>
    public async Task<ErrorStatsView> Stats(CancellationToken cancellationToken = default)
    {
        ErrorStats s = await _runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance, _runtime.Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        return new ErrorStatsView(
            s.Total,
            s.Retained,
            s.Capacity,
            s.PerMinute,
            s.ByExceptionType,
            s.ByDirective.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// The <paramref name="backlog"/> most recent failures (oldest first), then each failure as the journal records
    /// it, in their public form, until <paramref name="cancellationToken"/> fires (the enumeration then throws
    /// <see cref="OperationCanceledException"/>). It never polls: it is handed each entry the journal records
    /// (<see cref="ErrorEntrySource.Subscribe"/>). A reader more than <see cref="WatchBuffer"/> failures behind loses
    /// the oldest of them (the sequence numbers show the gap).
    /// </summary>
    /// <param name="backlog">How many recorded failures to send first; 0 for none.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The failures.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="backlog"/> is negative.</exception>
    public async IAsyncEnumerable<PublicError> Watch(int backlog, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(backlog);
        var recorded = Channel.CreateBounded<ErrorEntry>(new BoundedChannelOptions(WatchBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        // Subscribed before the backlog is read, so no failure falls between the two. Those in both come first on
        // the channel and are skipped; after the first new one nothing is (a recreated journal counts from 1 again).
        using IDisposable subscription = _runtime.ErrorSource.Subscribe(recorded.Writer);
        long sent = 0;
        if (backlog > 0)
        {
            foreach (PublicError error in await Tail(backlog, cancellationToken).ConfigureAwait(false))
            {
                sent = error.Sequence;
                yield return error;
            }
        }

        while (await recorded.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (recorded.Reader.TryRead(out ErrorEntry? entry))
            {
                if (entry.Sequence > sent)
                {
                    sent = 0;
                    yield return PublicError.From(entry);
                }
            }
        }
    }

    /// <summary>How many failures a watcher may fall behind before it loses the oldest.</summary>
    public const int WatchBuffer = 256;

    private Task<RecentErrors> Ask(GetRecentErrors query, CancellationToken cancellationToken) =>
        _runtime.Errors.Ask<RecentErrors>(query, _runtime.Options.OperationTimeout, cancellationToken);
}
