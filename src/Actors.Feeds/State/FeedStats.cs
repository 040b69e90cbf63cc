using Actors.Feeds.Confirm;
using Actors.Feeds.Paper;

namespace Actors.Feeds.State;

/// <summary>
/// The counters of one symbol's feed. They outlive the worker's restarts (kept in the <see cref="FeedRegistry"/>).
/// Counters are Interlocked (stream stages and the worker write them); the state, price and last-tick time are
/// written by the worker only, under a lock that readers take briefly.
/// </summary>
public sealed class FeedStats
{
    private readonly Lock _gate = new();
    private readonly long[] _confirm = new long[Enum.GetValues<ConfirmOutcome>().Length];
    private FeedState _state = FeedState.Connecting;
    private DateTimeOffset _since;
    private DateTimeOffset? _lastTickAt;
    private decimal _lastPrice;
    private string? _lastFailure;
    internal long _connects;
    internal long _frames;
    internal long _tickers;
    internal long _bookDeltas;
    internal long _garbage;
    internal long _dropped;
    internal long _refused;
    internal long _stale;
    internal long _gaps;
    internal long _overflows;
    internal long _requested;
    internal long _exhausted;
    internal long _buys;
    internal long _sells;

    /// <summary>Creates the counters of a symbol.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="book">Its paper book.</param>
    public FeedStats(string symbol, PaperBook book)
    {
        Symbol = symbol;
        Book = book;
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>The paper book.</summary>
    public PaperBook Book { get; }

    /// <summary>The paper executor of the running worker (set by the worker), for its breaker's state.</summary>
    public PaperExecutor? Executor { get; internal set; }

    /// <summary>Connections made.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Connections made after the first: reconnects.</summary>
    public long Reconnects => Math.Max(0, Connects - 1);

    /// <summary>Stale detections.</summary>
    public long StaleDetections => Interlocked.Read(ref _stale);

    /// <summary>Gap detections.</summary>
    public long GapDetections => Interlocked.Read(ref _gaps);

    /// <summary>Garbage frames skipped.</summary>
    public long GarbageFrames => Interlocked.Read(ref _garbage);

    /// <summary>Frames with data received.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Times the stream gave up.</summary>
    public long RestartsExhausted => Interlocked.Read(ref _exhausted);

    /// <summary>Confirm calls that ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public long ConfirmCount(ConfirmOutcome outcome) => Interlocked.Read(ref _confirm[(int)outcome]);

    /// <summary>The state.</summary>
    public FeedState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    internal void Count(ConfirmOutcome outcome) => Interlocked.Increment(ref _confirm[(int)outcome]);

    internal void SetState(FeedState state, DateTimeOffset now, string? failure = null)
    {
        lock (_gate)
        {
            if (_state != state)
            {
                _state = state;
                _since = now;
            }

            if (failure is not null)
            {
                _lastFailure = failure;
            }
        }
    }

    internal void Tick(DateTimeOffset now, decimal price)
    {
        lock (_gate)
        {
            _lastTickAt = now;
            if (price > 0)
            {
                _lastPrice = price;
            }
        }
    }

    internal DateTimeOffset? LastTickAt
    {
        get
        {
            lock (_gate)
            {
                return _lastTickAt;
            }
        }
    }

    /// <summary>A consistent-enough copy for the endpoints (counters are read one by one).</summary>
    /// <param name="now">The actor system's clock, for ages.</param>
    /// <param name="fills">Recent fills returned.</param>
    /// <returns>The snapshot.</returns>
    public FeedSnapshot Snapshot(DateTimeOffset now, int fills = 10)
    {
        FeedState state;
        DateTimeOffset since;
        DateTimeOffset? last;
        decimal price;
        string? failure;
        lock (_gate)
        {
            (state, since, last, price, failure) = (_state, _since, _lastTickAt, _lastPrice, _lastFailure);
        }

        var confirm = new FeedConfirmCounts(
            ConfirmCount(ConfirmOutcome.Confirmed),
            ConfirmCount(ConfirmOutcome.Timeout),
            ConfirmCount(ConfirmOutcome.Error),
            ConfirmCount(ConfirmOutcome.Malformed),
            ConfirmCount(ConfirmOutcome.Disabled));
        PaperExecutor? executor = Executor;
        return new FeedSnapshot(
            Symbol,
            state.ToString().ToLowerInvariant(),
            since,
            last is { } t ? Math.Max(0, (now - t).TotalSeconds) : null,
            price,
            Frames,
            Interlocked.Read(ref _tickers),
            Interlocked.Read(ref _bookDeltas),
            Connects,
            Reconnects,
            new FeedDisconnectCounts(Interlocked.Read(ref _dropped), Interlocked.Read(ref _refused), StaleDetections, GapDetections, Interlocked.Read(ref _overflows), Interlocked.Read(ref _requested)),
            StaleDetections,
            GapDetections,
            GarbageFrames,
            RestartsExhausted,
            Interlocked.Read(ref _buys),
            Interlocked.Read(ref _sells),
            confirm,
            new FeedPaperView(Book.Read(fills), executor?.BreakerState ?? "closed", executor?.Rejected ?? 0, executor?.BreakerOpenRejections ?? 0),
            failure);
    }
}
