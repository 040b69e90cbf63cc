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
internal sealed class UnitInstance : UntypedActor
{
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
    private long _restartSeq;
    private int _reportsInFlight;
    private int _knownFailureCount;
    private ICancelable? _restartTimer;
    private ICancelable? _stableTimer;

    public UnitInstance(string kind, string id, UnitKindOptions options)
    {
        _kind = kind;
        _id = id;
        _options = options;
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props Props(string kind, string id, UnitKindOptions options) =>
        Akka.Actor.Props.Create(() => new UnitInstance(kind, id, options));

    protected override SupervisorStrategy SupervisorStrategy() => new UnitWorkerStrategy(OnWorkerFailed, OnWorkerTerminated);

    /// <summary>A switch rather than ReceiveActor handlers: this is the per-message path, and a ReceiveActor builds its handler table per instance.</summary>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case UnitEnvelope e:
                Deliver(e.Message, Sender);
                break;
            case UnitMessage m:
                Deliver(m.Message, Sender);
                break;
            case BreakerStatus status:
                OnVerdict(status);
                break;
            case CircuitBreakerStateChanged changed:
                OnBreakerChanged(changed);
                break;
            case ActorIdentity i:
                if (_options.ReadyOnStart && i.Subject is not null && i.MessageId is int n && n == _incarnation && i.Subject.Equals(_worker))
                {
                    MarkReady();
                }

                break;
            case UnitReady:
                if (_worker is not null && Sender.Equals(_worker))
                {
                    MarkReady();
                }

                break;
            case RestartTick tick:
                if (tick.Seq == _restartSeq && _suspendedBy is not null && _state == UnitState.BackingOff)
                {
                    RestartWorker();
                }

                break;
            case StableTick tick:
                if (tick.Incarnation == _incarnation && _state == UnitState.Running)
                {
                    _attempt = 0;
                }

                break;
            case BreakerPermit permit:
                OnPermit(permit);
                break;
            case GetUnitInstance:
                Sender.Tell(Info());
                break;
            case ResetUnitBreaker:
                _breaker.Forward(ResetBreaker.Instance);
                break;
            case GetUnitBreaker:
                _breaker.Forward(GetBreakerStatus.Instance);
                break;
            case StopUnit stop:
                StopSelf(stop.Reason);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PreStart()
    {
        _since = Now;
        _breaker = Context.ActorOf(CircuitBreakerActor.Props($"{_kind}/{_id}", _options.Breaker), "breaker");
        _worker = Context.ActorOf(_options.WorkerProps(_id), "worker");
        _incarnation = 1;
        SetState(UnitState.Starting, null);
        AskReady();
    }

    protected override void PostStop()
    {
        CancelTimers();
        SetState(UnitState.Stopped, _stopping ? null : "stopped");
    }

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
        _stableTimer?.Cancel();
        if (_stopping)
        {
            // A worker that fails while draining before a stop is stopped at once.
            Context.Stop(worker);
            return;
        }

        if (_breakerState == CircuitBreakerState.Closed && _reportsInFlight == 0 && _knownFailureCount + 1 < _options.Breaker.MaxFailures)
        {
            // The breaker's verdict is known: only this instance reports to it, every earlier report has been
            // answered, and one more failure cannot reach MaxFailures (in window mode older failures only slide out).
            // Restart without waiting for the answer; it only updates the count when it comes.
            ScheduleRestart();
            Report(new BreakerFailure(shown));
        }
        else
        {
            Report(new BreakerFailure(shown));
            _awaitingVerdict = true;
        }
    }

    private void Report(object outcome)
    {
        _reportsInFlight++;
        _breaker.Tell(outcome, Self);
    }

    /// <summary>Restarts the suspended worker in place: its mailbox is kept, then the buffered messages follow.</summary>
    private void RestartWorker()
    {
        Exception cause = _suspendedBy!;
        _suspendedBy = null;
        _incarnation++;
        ((IInternalActorRef)_worker!).Restart(cause);
        while (_buffer.TryDequeue(out var item))
        {
            _worker.Tell(item.Message, item.Sender);
        }

        SetState(UnitState.Starting, "worker restarting");
        AskReady();
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
        Report(new BreakerSuccess());
        _stableTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(_options.BackoffResetAfter, Self, new StableTick(_incarnation), Self);
    }

    /// <summary>The strategy's callback when a child has terminated (a parent learns this without watching).</summary>
    private void OnWorkerTerminated(IActorRef child)
    {
        if (_worker is null || !child.Equals(_worker))
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
        _reportsInFlight--;
        _breakerState = status.State;
        _knownFailureCount = status.FailureCount;
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
                _restartTimer?.Cancel();
                _attempt = 0;
                RestartWorker();
                break;
        }
    }

    private void EnterCircuitOpen(TimeSpan retryAfter)
    {
        _openUntil = Now + retryAfter;
        _restartTimer?.Cancel();
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
        if (delay == TimeSpan.Zero)
        {
            // Zero backoff restarts now, not after a scheduler tick (and never shows as backing off).
            RestartWorker();
            Context.System.EventStream.Publish(new UnitRetryScheduled(_kind, _id, _attempt, delay));
        }
        else
        {
            Context.System.EventStream.Publish(new UnitRetryScheduled(_kind, _id, _attempt, delay));
            SetState(UnitState.BackingOff, _lastFailure);
            _restartTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(delay, Self, new RestartTick(++_restartSeq), Self);
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
        CancelTimers();
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

    private void CancelTimers()
    {
        _restartTimer?.Cancel();
        _stableTimer?.Cancel();
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

    /// <summary>Restart the worker, unless another failure or a reset happened since this was scheduled.</summary>
    private sealed record RestartTick(long Seq);

    /// <summary>The worker has run long enough to forget its retry count, if it is still the same incarnation.</summary>
    private sealed record StableTick(int Incarnation);
}
