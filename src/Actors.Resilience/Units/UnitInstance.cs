using Actors.Resilience.Supervision;
using Actors.Resilience.Breaker;

namespace Actors.Resilience.Units;

/// <summary>
/// The supervisor of one unit instance at <c>/user/units/&lt;kind&gt;/&lt;id&gt;</c>, with two children: <c>breaker</c>
/// (a <see cref="CircuitBreakerActor"/> that outlives worker restarts) and <c>worker</c>. A failed worker is stopped,
/// its failure reported to the breaker, and then either restarted after a backoff delay (Akka's backoff
/// formula, <see cref="BackoffDelay"/>) or, when the breaker opened, left down until the breaker goes
/// half-open; then the worker's next start is the probe. Messages that arrive while the worker is down wait in a
/// bounded buffer; while the breaker is open they are answered at once with <see cref="CircuitOpen"/>.
/// Every state change is told to the region and published on the event stream.
/// </summary>
internal sealed class UnitInstance : ReceiveActor, IWithTimers
{
    private static readonly object s_restartKey = "restart";
    private static readonly object s_stableKey = "stable";

    private readonly string _kind;
    private readonly string _id;
    private readonly UnitKindOptions _options;
    private readonly Queue<(object Message, IActorRef Sender)> _buffer = new();
    private readonly List<(object Message, IActorRef Sender)> _leftovers = new();
    private IActorRef _breaker = ActorRefs.Nobody;
    private IActorRef? _worker;
    private Exception? _workerFailure;
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
        Receive<WorkerLeftover>(OnLeftover);
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
            if (_worker is null && _state == UnitState.BackingOff)
            {
                StartWorker();
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

    /// <summary>Every worker failure stops the worker; this actor decides what happens next. Runs on this actor's turn.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new PublishingOneForOneStrategy(
        cause =>
        {
            _workerFailure = cause;
            return Directive.Stop;
        },
        loggingEnabled: true);

    protected override void PreStart()
    {
        _since = Now;
        _breaker = Context.ActorOf(CircuitBreakerActor.Props($"{_kind}/{_id}", _options.Breaker), "breaker");
        StartWorker();
    }

    protected override void PostStop() => SetState(UnitState.Stopped, _stopping ? null : "stopped");

    private void Deliver(object message, IActorRef sender)
    {
        if (_state == UnitState.CircuitOpen)
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
        else if (_worker is not null && _workerFailure is null)
        {
            _worker.Tell(message, sender);
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

    private void StartWorker()
    {
        _workerFailure = null;
        _incarnation++;
        Props props = _options.WorkerProps(_id);
        if (string.IsNullOrEmpty(props.Mailbox))
        {
            // Messages still queued when the worker fails come back to this instance instead of dead letters.
            props = props.WithMailbox(WorkerMailbox.ConfigPath);
        }

        _worker = Context.Watch(Context.ActorOf(props, "worker"));
        SetState(UnitState.Starting, _incarnation == 1 ? null : "worker restarting");
        if (_options.ReadyOnStart)
        {
            _worker.Tell(new Identify(_incarnation), Self);
        }

        while (_buffer.TryDequeue(out var item))
        {
            _worker.Tell(item.Message, item.Sender);
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
        if (_worker is null || !terminated.ActorRef.Equals(_worker) || _stopping)
        {
            return;
        }

        _worker = null;
        Timers.Cancel(s_stableKey);
        RequeueLeftovers();
        if (_workerFailure is { } cause)
        {
            _failures++;
            Exception shown = cause is ActorInitializationException { InnerException: { } inner } ? inner : cause;
            _lastFailure = $"{shown.GetType().Name}: {shown.Message}";
            _awaitingVerdict = true;
            _breaker.Tell(new BreakerFailure(shown), Self);
        }
        else
        {
            StopSelf("worker stopped");
        }
    }

    /// <summary>
    /// A message the failed worker had not handled. Leftovers arrive before the worker's <see cref="Terminated"/>; they
    /// were sent before anything buffered since the failure, so they go back ahead of it (order kept).
    /// </summary>
    private void OnLeftover(WorkerLeftover leftover)
    {
        if (leftover.Message is Identify && leftover.Sender.Equals(Self))
        {
            return; // this instance's own readiness question to a worker that never started
        }

        _leftovers.Add((leftover.Message, leftover.Sender));
    }

    private void RequeueLeftovers()
    {
        if (_leftovers.Count == 0)
        {
            return;
        }

        var newer = _buffer.ToArray();
        _buffer.Clear();
        foreach (var item in _leftovers)
        {
            _buffer.Enqueue(item);
        }

        foreach (var item in newer)
        {
            _buffer.Enqueue(item);
        }

        _leftovers.Clear();
    }

    /// <summary>The breaker's answer to a reported failure decides: back off and restart, or wait for half-open.</summary>
    private void OnVerdict(BreakerStatus status)
    {
        _breakerState = status.State;
        if (!_awaitingVerdict || _worker is not null)
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
        if (_state != UnitState.CircuitOpen || _worker is not null)
        {
            return;
        }

        if (permit.IsAllowed)
        {
            // The breaker went half-open on this request; its state change follows, but start the probe now.
            StartWorker();
        }
        else
        {
            EnterCircuitOpen(permit.RetryAfter);
        }
    }

    private void OnBreakerChanged(CircuitBreakerStateChanged changed)
    {
        _breakerState = changed.To;
        switch (changed.To)
        {
            case CircuitBreakerState.Open:
                _openUntil = Now + (changed.RetryAfter ?? TimeSpan.Zero);
                break;
            case CircuitBreakerState.HalfOpen when _worker is null && _state == UnitState.CircuitOpen:
                StartWorker();
                break;
            case CircuitBreakerState.Closed when _worker is null && !_awaitingVerdict && _state is UnitState.CircuitOpen or UnitState.BackingOff:
                // A manual reset: start at once with a clean retry count.
                Timers.Cancel(s_restartKey);
                _attempt = 0;
                StartWorker();
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
        Timers.StartSingleTimer(s_restartKey, RestartTick.Instance, delay);
    }

    private void StopSelf(string reason)
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        SetState(UnitState.Stopped, reason);

        // Messages accepted but not handled go back to the region (which now holds this id as stopping): it hands them
        // to the instance's next incarnation, so none is dropped.
        RequeueLeftovers();
        while (_buffer.TryDequeue(out var item))
        {
            Context.Parent.Tell(new UnitEnvelope(_id, item.Message), item.Sender);
        }

        Context.Stop(Self);
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
