using Actors.Resilience.Breaker;

namespace Actors.Resilience.Units;

/// <summary>
/// The supervisor of one unit instance at <c>/user/units/&lt;kind&gt;/&lt;id&gt;</c>, with two children: <c>breaker</c>
/// (a <see cref="CircuitBreakerActor"/> that outlives worker restarts) and <c>worker</c>. A worker that fails is left
/// suspended (<see cref="UnitWorkerStrategy"/>): the message that failed is answered with
/// <see cref="UnitWorkerFailed"/>, the failure is reported to the breaker, and then the worker is restarted in place
/// after a backoff delay (Akka's backoff formula, <see cref="BackoffDelay"/>) or, when the breaker opened, left
/// suspended until the breaker goes half-open; then its restart is the probe. Messages already in the worker's mailbox
/// wait there, in order; messages that arrive while it is suspended wait in a bounded buffer of this actor; while the
/// breaker is open they are answered at once with <see cref="CircuitOpen"/>. Every state change is told to the
/// region and published on the event stream.
/// </summary>
/// <remarks>Threading contract: everything here, including the strategy's callback, runs on this actor's own turn.</remarks>
internal sealed class UnitInstance : ReceiveActor, IWithTimers
{
    private static readonly object s_restartKey = "restart";
    private static readonly object s_stableKey = "stable";

    private readonly string _kind;
    private readonly string _id;
    private readonly UnitKindOptions _options;
    private readonly Queue<(object Message, IActorRef Sender)> _buffer = new();
    private IActorRef _breaker = ActorRefs.Nobody;
    private IActorRef? _worker;
    private Exception? _suspendedBy;
    private UnitState _state = UnitState.Starting;
    private bool _announced;
    private DateTimeOffset _since;
    private CircuitBreakerState _breakerState = CircuitBreakerState.Closed;
    private DateTimeOffset _openUntil;
    private bool _awaitingVerdict;
    private bool _permitRequested;
    private bool _stopping;
    private int _attempt;
    private int _incarnation;
    private long _failures;
    private string? _lastFailure;

    public UnitInstance(string kind, string id, UnitKindOptions options)
    {
        _kind = kind;
        _id = id;
        _options = options;
        Receive<UnitEnvelope>(e => Deliver(e.Message, Sender));
        Receive<Terminated>(OnTerminated);
        Receive<BreakerStatus>(OnVerdict);
        Receive<BreakerPermit>(OnPermit);
        Receive<CircuitBreakerStateChanged>(OnBreakerChanged);
        Receive<ActorIdentity>(i =>
        {
            if (_options.ReadyOnStart && i.Subject is not null && i.MessageId is int n && n == _incarnation && i.Subject.Equals(_worker))
            {
                MarkReady();
            }
        });
        Receive<UnitReady>(_ =>
        {
            if (_worker is not null && Sender.Equals(_worker))
            {
                MarkReady();
            }
        });
        Receive<RestartTick>(_ =>
        {
            if (_suspendedBy is not null && _state == UnitState.BackingOff)
            {
                RestartWorker();
            }
        });
        Receive<StableTick>(_ => _attempt = 0);
        Receive<GetUnitInstance>(_ => Sender.Tell(Info()));
        Receive<ResetUnitBreaker>(_ => _breaker.Forward(ResetBreaker.Instance));
        Receive<GetUnitBreaker>(_ => _breaker.Forward(GetBreakerStatus.Instance));
        Receive<StopUnit>(s => StopSelf(s.Reason));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props Props(string kind, string id, UnitKindOptions options) =>
        Akka.Actor.Props.Create(() => new UnitInstance(kind, id, options));

    protected override SupervisorStrategy SupervisorStrategy() => new UnitWorkerStrategy(OnWorkerFailed);

    protected override void PreStart()
    {
        _since = Now;
        _breaker = Context.ActorOf(CircuitBreakerActor.Props($"{_kind}/{_id}", _options.Breaker), "breaker");
        _worker = Context.Watch(Context.ActorOf(_options.WorkerProps(_id), "worker"));
        _incarnation = 1;
        SetState(UnitState.Starting, null);
        AskReady();
    }

    protected override void PostStop() => SetState(UnitState.Stopped, _stopping ? null : "stopped");

    private void Deliver(object message, IActorRef sender)
    {
        if (_stopping)
        {
            // Held by the region for the next incarnation.
            Context.Parent.Tell(new UnitEnvelope(_id, message), sender);
        }
        else if (_state == UnitState.CircuitOpen)
        {
            if (Now < _openUntil || _buffer.Count >= _options.BufferCapacity)
            {
                sender.Tell(new CircuitOpen(_kind, _id, RetryAfter()), Self);
                return;
            }

            // The open period is over but no half-open has arrived: ask the breaker (its answer starts the probe or
            // says how long is left) and hold the message meanwhile, instead of refusing for good.
            _buffer.Enqueue((message, sender));
            if (!_permitRequested)
            {
                _permitRequested = true;
                _breaker.Tell(AcquireBreakerPermit.Instance, Self);
            }
        }
        else if (_suspendedBy is null)
        {
            _worker!.Tell(message, sender);
        }
        else if (_buffer.Count < _options.BufferCapacity)
        {
            _buffer.Enqueue((message, sender));
        }
        else
        {
            sender.Tell(new UnitBufferOverflow(_kind, _id, message), Self);
        }
    }

    private TimeSpan RetryAfter()
    {
        TimeSpan left = _openUntil - Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The strategy's callback: the worker failed and is suspended.</summary>
    private void OnWorkerFailed(IActorRef worker, Exception cause, IActorRef? failedSender)
    {
        if (!worker.Equals(_worker))
        {
            return;
        }

        Exception shown = cause is ActorInitializationException { InnerException: { } inner } ? inner : cause;
        failedSender?.Tell(new UnitWorkerFailed(_kind, _id, shown.GetType().FullName ?? shown.GetType().Name, shown.Message), Self);
        _suspendedBy = cause;
        _failures++;
        _lastFailure = $"{shown.GetType().Name}: {shown.Message}";
        Timers.Cancel(s_stableKey);
        if (_stopping)
        {
            // A worker that fails while draining before a stop is stopped at once.
            Context.Stop(worker);
            return;
        }

        _awaitingVerdict = true;
        _breaker.Tell(new BreakerFailure(shown), Self);
    }

    /// <summary>Restarts the suspended worker in place: its mailbox is kept, then the buffered messages follow.</summary>
    private void RestartWorker()
    {
        Exception cause = _suspendedBy!;
        _suspendedBy = null;
        _incarnation++;
        ((IInternalActorRef)_worker!).Restart(cause);
        SetState(UnitState.Starting, "worker restarting");
        AskReady();
        while (_buffer.TryDequeue(out var item))
        {
            _worker.Tell(item.Message, item.Sender);
        }
    }

    private void AskReady()
    {
        if (_options.ReadyOnStart)
        {
            _worker!.Tell(new Identify(_incarnation), Self);
        }
    }

    private void MarkReady()
    {
        if (_state != UnitState.Starting)
        {
            return;
        }

        SetState(UnitState.Running, null);
        _breaker.Tell(new BreakerSuccess(), Self);
        Timers.StartSingleTimer(s_stableKey, StableTick.Instance, _options.BackoffResetAfter);
    }

    private void OnTerminated(Terminated terminated)
    {
        if (_worker is null || !terminated.ActorRef.Equals(_worker))
        {
            return;
        }

        _worker = null;
        if (_stopping)
        {
            Context.Stop(Self);
        }
        else
        {
            StopSelf("worker stopped");
        }
    }

    /// <summary>The breaker's answer to a reported failure decides: back off and restart, or wait for half-open.</summary>
    private void OnVerdict(BreakerStatus status)
    {
        _breakerState = status.State;
        if (!_awaitingVerdict || _suspendedBy is null || _stopping)
        {
            return;
        }

        _awaitingVerdict = false;
        if (status.State == CircuitBreakerState.Open)
        {
            EnterCircuitOpen(status.RetryAfter);
        }
        else
        {
            ScheduleRestart();
        }
    }

    private void OnPermit(BreakerPermit permit)
    {
        _permitRequested = false;
        if (_state != UnitState.CircuitOpen || _suspendedBy is null || _stopping)
        {
            return;
        }

        if (permit.IsAllowed)
        {
            // The breaker went half-open on this request; its state change follows, but start the probe now.
            RestartWorker();
        }
        else
        {
            EnterCircuitOpen(permit.RetryAfter);
        }
    }

    private void OnBreakerChanged(CircuitBreakerStateChanged changed)
    {
        _breakerState = changed.To;
        if (_stopping)
        {
            return;
        }

        switch (changed.To)
        {
            case CircuitBreakerState.Open:
                _openUntil = Now + (changed.RetryAfter ?? TimeSpan.Zero);
                break;
            case CircuitBreakerState.HalfOpen when _suspendedBy is not null && _state == UnitState.CircuitOpen:
                RestartWorker();
                break;
            case CircuitBreakerState.Closed when _suspendedBy is not null && !_awaitingVerdict && _state is UnitState.CircuitOpen or UnitState.BackingOff:
                // A manual reset: restart at once with a clean retry count.
                Timers.Cancel(s_restartKey);
                _attempt = 0;
                RestartWorker();
                break;
        }
    }

    private void EnterCircuitOpen(TimeSpan retryAfter)
    {
        _openUntil = Now + retryAfter;
        Timers.Cancel(s_restartKey);
        SetState(UnitState.CircuitOpen, _lastFailure);
        var reply = new CircuitOpen(_kind, _id, retryAfter);
        while (_buffer.TryDequeue(out var item))
        {
            item.Sender.Tell(reply, Self);
        }
    }

    private void ScheduleRestart()
    {
        if (_options.MaxRetries >= 0 && _attempt >= _options.MaxRetries)
        {
            StopSelf($"gave up after {_attempt} retries");
            return;
        }

        TimeSpan delay = BackoffDelay.Calculate(_attempt, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor);
        _attempt++;
        SetState(UnitState.BackingOff, _lastFailure);
        Context.System.EventStream.Publish(new UnitRetryScheduled(_kind, _id, _attempt, delay));
        if (delay == TimeSpan.Zero)
        {
            // Zero backoff restarts on the next turn, not after a scheduler tick (a stale tick is ignored by its handler).
            Self.Tell(RestartTick.Instance);
        }
        else
        {
            Timers.StartSingleTimer(s_restartKey, RestartTick.Instance, delay);
        }
    }

    /// <summary>
    /// Stops the instance without losing a message: a running worker first drains its mailbox (a
    /// <see cref="PoisonPill"/> queued behind it), buffered and new messages go back to the region, which holds them
    /// for the next incarnation. A suspended worker (backing off, circuit open) is stopped at once.
    /// </summary>
    private void StopSelf(string reason)
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Timers.CancelAll();
        SetState(UnitState.Stopped, reason);
        while (_buffer.TryDequeue(out var item))
        {
            Context.Parent.Tell(new UnitEnvelope(_id, item.Message), item.Sender);
        }

        if (_worker is null)
        {
            Context.Stop(Self);
        }
        else if (_suspendedBy is null)
        {
            _worker.Tell(PoisonPill.Instance, Self);
        }
        else
        {
            Context.Stop(_worker);
        }
    }

    private void SetState(UnitState state, string? reason)
    {
        if (_announced && state == _state)
        {
            return;
        }

        UnitState? previous = _announced ? _state : null;
        _announced = true;
        _state = state;
        _since = Now;
        var changed = new UnitStateChanged(_kind, _id, state, previous, _since, reason);
        Context.Parent.Tell(changed, Self);
        Context.System.EventStream.Publish(changed);
    }

    private UnitInstanceInfo Info() => new(
        _kind,
        _id,
        _state,
        _since,
        _breakerState,
        _breakerState == CircuitBreakerState.Open ? RetryAfter() : TimeSpan.Zero,
        _attempt,
        _failures,
        _buffer.Count,
        _lastFailure);

    private sealed class RestartTick
    {
        public static RestartTick Instance { get; } = new();
    }

    private sealed class StableTick
    {
        public static StableTick Instance { get; } = new();
    }
}
