using Actors.Feeds.Configuration;
using Actors.Feeds.Confirm;
using Actors.Feeds.Failures;
using Actors.Feeds.Paper;
using Actors.Feeds.Protocol;
using Actors.Feeds.Signals;
using Actors.Feeds.State;
using Actors.Feeds.Streams;
using Actors.Resilience.Units;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Actors.Feeds.Units;

/// <summary>
/// The worker of a <c>feed</c> unit instance (one per symbol). It runs one stream:
/// <c>RestartSource.OnFailuresWithBackoff(connection → buffer(fail on overflow) → kill switch → parse + gap check)
/// → indicator → confirm → this actor (acknowledged, so back-pressured end to end)</c>.
/// A connection that drops, is refused, skips a sequence number, overflows or goes stale (checked here on the
/// scheduler's clock) fails; RestartSource reconnects after its backoff. When it has restarted max-restarts times
/// within restart-window it gives up, and this worker throws <see cref="FeedRestartsExhaustedException"/>: the
/// instance's breaker counts it and health shows the instance backing off or with an open circuit, never silence.
/// Every <see cref="TicksInterval"/> (an Akka timer) it publishes the feed's tick figures as
/// <see cref="Resilience.Health.WorkloadCounters"/> of owner <c>feed-ticks/{symbol}</c> when they changed (the
/// confirm outcomes stay under <c>feed/{symbol}</c>).
/// </summary>
internal sealed class FeedWorker : ReceiveActor, IWithTimers
{
    private readonly string _symbol;
    private readonly FeedsOptions _options;
    private readonly FeedStats _stats;
    private readonly FeedSource _source;
    private readonly ConfirmClient _confirm;
    private readonly PaperExecutor _executor;
    private readonly IActorRef _self;
    private SharedKillSwitch? _killSwitch;
    private int _attempt;
    private int _streamingAttempt;
    private int _endedAttempt;
    private DateTimeOffset _attemptStarted;
    private bool _abortedForStale;
    private bool _ready;
    private DateTimeOffset? _lastFrameAt;
    private TickFigures? _reportedTicks;
    private readonly KeyValuePair<string, object?> _systemTag = new(Resilience.Metrics.ResilienceMeter.SystemTag, Context.System.Name);

    public FeedWorker(string symbol, FeedsOptions options, FeedStats stats, FeedSource source, ConfirmClient confirm)
    {
        _symbol = symbol;
        _options = options;
        _stats = stats;
        _source = source;
        _confirm = confirm;
        _self = Self;
        _executor = new PaperExecutor(stats.Book, options.Paper, Context.System.Scheduler);
        stats.Executor = _executor;

        Receive<FeedStreamInit>(_ => Sender.Tell(FeedAck.Instance));
        Receive<FeedUpdate>(OnUpdate);
        Receive<FeedConnecting>(OnConnecting);
        Receive<FeedConnectionEnded>(OnConnectionEnded);
        Receive<CheckStale>(_ => OnCheckStale());
        Receive<PublishTicks>(_ => PublishTickFigures());
        Receive<FeedStreamFailed>(f => GiveUp(f.Cause));
        Receive<FeedStreamCompleted>(_ => GiveUp(null));
        Receive<StartFeed>(_ => Reply(new FeedStarted(_symbol)));
        Receive<RestartFeed>(_ =>
        {
            bool had = _killSwitch is not null;
            _killSwitch?.Abort(new FeedRestartRequestedException($"feed {_symbol}: restart requested by an operator"));
            _killSwitch = null;
            Reply(new FeedRestarted(_symbol, had));
        });
    }

    /// <summary>How often the tick figures are compared and, when changed, published.</summary>
    public static TimeSpan TicksInterval { get; } = TimeSpan.FromSeconds(1);

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props Props(string symbol, FeedsOptions options, FeedStats stats, FeedSource source, ConfirmClient confirm) =>
        Akka.Actor.Props.Create(() => new FeedWorker(symbol, options, stats, source, confirm));

    protected override void PreStart()
    {
        _stats.SetState(FeedState.Connecting, Now);
        RestartSettings settings = RestartSettings.Create(_options.MinBackoff, _options.MaxBackoff, _options.RandomFactor)
            .WithMaxRestarts(_options.MaxRestarts, _options.RestartWindow);
        int attempt = 0;
        Source<FeedFrame, NotUsed> Connection()
        {
            // Runs in the stream at every (re)connect: a fresh kill switch (for stale detection and operator
            // restarts) and fresh per-connection state (sequence guard).
            int n = Interlocked.Increment(ref attempt);
            SharedKillSwitch killSwitch = KillSwitches.Shared($"feed-{_symbol}-{n}");
            _self.Tell(new FeedConnecting(n, killSwitch));
            return _source(_symbol)
                .Buffer(_options.BufferSize, OverflowStrategy.Fail)
                .Via(killSwitch.Flow<string>())
                .Via(FeedPipeline.Frames(_symbol, _stats))
                .WatchTermination((_, done) =>
                {
                    done.ContinueWith(t => _self.Tell(new FeedConnectionEnded(n, t.Exception?.GetBaseException())), TaskScheduler.Default);
                    return NotUsed.Instance;
                });
        }

        RestartSource.OnFailuresWithBackoff(Connection, settings)
            .Via(FeedPipeline.Signals(_options.FastPeriod, _options.SlowPeriod))
            .SelectAsync(1, Confirm)
            .RunWith(Sink.ActorRefWithAck<FeedUpdate>(_self, FeedStreamInit.Instance, FeedAck.Instance, FeedStreamCompleted.Instance, e => new FeedStreamFailed(e)), Context.Materializer());
        Timers.StartPeriodicTimer("stale", CheckStale.Instance, _options.StaleCheckInterval);
        Timers.StartPeriodicTimer("ticks", PublishTicks.Instance, TicksInterval);
    }

    protected override void PostStop()
    {
        if (_stats.State != FeedState.Failed)
        {
            _stats.SetState(FeedState.Stopped, Now);
        }

        // The last report says it no longer streams: a stopped or failed feed's card never shows it live.
        PublishTickFigures();
    }

    private async Task<FeedUpdate> Confirm(FeedSignal signal)
    {
        if (signal.Side == SignalSide.Hold)
        {
            return new FeedUpdate(signal, null);
        }

        ConfirmResult result = await _confirm.ConfirmAsync(_symbol, signal.Side, signal.Frame.Price).ConfigureAwait(false);
        return new FeedUpdate(signal, result);
    }

    private void OnConnecting(FeedConnecting connecting)
    {
        _attempt = connecting.Attempt;
        _killSwitch = connecting.KillSwitch;
        _attemptStarted = Now;
        _abortedForStale = false;
        _stats.SetState(FeedState.Connecting, Now);
    }

    private void OnUpdate(FeedUpdate update)
    {
        Sender.Tell(FeedAck.Instance);
        FeedSignal signal = update.Signal;
        DateTimeOffset now = Now;
        if (_streamingAttempt != _attempt)
        {
            _streamingAttempt = _attempt;
            _lastFrameAt = null;
            long connects = Interlocked.Increment(ref _stats._connects);
            _stats.SetState(FeedState.Streaming, now);
            Context.System.EventStream.Publish(new FeedConnected(_symbol, _attempt, connects - 1));
            if (!_ready)
            {
                _ready = true;
                Context.Parent.Tell(UnitReady.Instance);
            }
        }

        Interlocked.Increment(ref _stats._frames);
        Metrics.FeedMeter.Record(_systemTag, signal.Frame.Kind == FeedFrameKind.Ticker, now - _lastFrameAt);
        _lastFrameAt = now;
        if (signal.Frame.Kind == FeedFrameKind.Ticker)
        {
            Interlocked.Increment(ref _stats._tickers);
            _stats.Tick(now, signal.Frame.Price);
        }
        else
        {
            Interlocked.Increment(ref _stats._bookDeltas);
            _stats.Tick(now, 0);
            _stats.Book.Update(signal.Frame.Bid, signal.Frame.Ask);
        }

        if (update.Confirm is { } confirm)
        {
            Interlocked.Increment(ref signal.Side == SignalSide.Buy ? ref _stats._buys : ref _stats._sells);
            _stats.Count(confirm.Outcome);
            PublishConfirmCounts();
            bool execute = _executor.Convinced(signal.Side, confirm.Bias);
            if (execute)
            {
                // The book executes synchronously inside the breaker: the task is already complete.
                _ = _executor.ExecuteAsync(now, signal.Side, confirm.Bias);
            }

            Context.System.EventStream.Publish(new FeedSignalHandled(_symbol, signal.Side, confirm.Bias, confirm.Outcome, execute));
        }
    }

    private void OnConnectionEnded(FeedConnectionEnded ended)
    {
        // Reported once per attempt: by the connection's termination watcher, or by GiveUp when the stream's failure
        // overtakes it.
        if (ended.Attempt <= _endedAttempt)
        {
            return;
        }

        _endedAttempt = ended.Attempt;
        if (ended.Attempt == _attempt)
        {
            _killSwitch = null;
        }

        string cause;
        switch (ended.Cause)
        {
            case null:
                cause = "completed";
                break;
            case FeedDisconnectedException { Refused: true }:
                cause = "refused";
                Interlocked.Increment(ref _stats._refused);
                break;
            case FeedDisconnectedException:
                cause = "dropped";
                Interlocked.Increment(ref _stats._dropped);
                break;
            case FeedStaleException:
                cause = "stale";
                break;
            case FeedGapException:
                cause = "gap";
                break;
            case BufferOverflowException:
                cause = "overflow";
                Interlocked.Increment(ref _stats._overflows);
                break;
            case FeedRestartRequestedException:
                cause = "requested";
                Interlocked.Increment(ref _stats._requested);
                break;
            default:
                cause = "dropped";
                Interlocked.Increment(ref _stats._dropped);
                break;
        }

        string message = ended.Cause?.Message ?? "the connection completed";
        _stats.SetState(FeedState.BackingOff, Now, message);
        Context.System.EventStream.Publish(new FeedDisconnected(_symbol, ended.Attempt, cause, message));
    }

    private void OnCheckStale()
    {
        if (_killSwitch is null || _abortedForStale)
        {
            return;
        }

        DateTimeOffset now = Now;
        DateTimeOffset last = _stats.LastTickAt is { } t && t > _attemptStarted ? t : _attemptStarted;
        TimeSpan silent = now - last;
        if (silent < _options.StaleAfter)
        {
            return;
        }

        _abortedForStale = true;
        Interlocked.Increment(ref _stats._stale);
        Context.System.EventStream.Publish(new FeedStaleDetected(_symbol, silent));
        _killSwitch.Abort(new FeedStaleException($"feed {_symbol}: no data for {silent.TotalSeconds:0.#} s (stale-after {_options.StaleAfter.TotalSeconds:0.#} s) although the connection is open; resubscribing"));
    }

    private void GiveUp(Exception? cause)
    {
        OnConnectionEnded(new FeedConnectionEnded(_attempt, cause));
        Interlocked.Increment(ref _stats._exhausted);
        string message = $"feed {_symbol}: gave up after {_options.MaxRestarts} restarts within {_options.RestartWindow.TotalSeconds:0} s; last: {cause?.Message ?? "the stream completed"}";
        _stats.SetState(FeedState.Failed, Now, message);
        Context.System.EventStream.Publish(new FeedGaveUp(_symbol, message));
        throw new FeedRestartsExhaustedException(message, cause);
    }

    private void Reply(object message)
    {
        if (!Sender.IsNobody() && !Sender.Equals(Context.System.DeadLetters))
        {
            Sender.Tell(message);
        }
    }

    /// <summary>
    /// The tick figures now, for the health aggregator, when they differ from the last published: <c>tick_age_ms</c>
    /// (the last frame's age on the scheduler's clock; absent before the first frame), <c>ticks_total</c> (frames
    /// handled), <c>reconnects</c>, <c>streaming</c> (1 while the feed streams, else 0).
    /// </summary>
    private void PublishTickFigures()
    {
        DateTimeOffset now = Now;
        long? age = _stats.LastTickAt is { } last ? (long)Math.Max(0, (now - last).TotalMilliseconds) : null;
        var figures = new TickFigures(age, _stats.Frames, _stats.Reconnects, _stats.State == FeedState.Streaming);
        if (_reportedTicks == figures)
        {
            return;
        }

        _reportedTicks = figures;
        var counters = new Dictionary<string, long>(4, StringComparer.Ordinal)
        {
            ["ticks_total"] = figures.Ticks,
            ["reconnects"] = figures.Reconnects,
            ["streaming"] = figures.Streaming ? 1 : 0,
        };
        if (figures.AgeMs is { } ms)
        {
            counters["tick_age_ms"] = ms;
        }

        Context.System.EventStream.Publish(new Actors.Resilience.Health.WorkloadCounters($"feed-ticks/{_symbol}", counters));
    }

    /// <summary>The confirm outcomes so far, for the health aggregator (<c>GET /health/detailed</c>, <c>counters</c>).</summary>
    private void PublishConfirmCounts()
    {
        FeedConfirmCounts counts = _stats.Snapshot(Now, fills: 0).Confirm;
        Context.System.EventStream.Publish(new Actors.Resilience.Health.WorkloadCounters($"feed/{_symbol}", new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["confirmed"] = counts.Confirmed,
            ["timeout"] = counts.Timeout,
            ["error"] = counts.Error,
            ["malformed"] = counts.Malformed,
            ["disabled"] = counts.Disabled,
            ["fallbacks"] = counts.Fallbacks,
        }));
    }

    /// <summary>The tick figures timer's tick.</summary>
    private sealed class PublishTicks
    {
        public static PublishTicks Instance { get; } = new();
    }

    private readonly record struct TickFigures(long? AgeMs, long Ticks, long Reconnects, bool Streaming);
}
