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
    private readonly Metrics.BufferedCount _buffered;
    private int _bufferedReported;
    private IActorRef _breaker = ActorRefs.Nobody;
    private IActorRef? _worker;
    private WorkerMessageQueue? _workerQueue;
    private Exception? _suspendedBy;
    private UnitState _state = UnitState.Starting;
    private bool _announced;
    private DateTimeOffset _since;
    private CircuitBreakerState _breakerState = CircuitBreakerState.Closed;
    private DateTimeOffset _openUntil;
    private bool _awaitingVerdict;
    private bool _permitRequested;
    private bool _stopping;
    private bool _retiring;
    private bool _stopRequested;
    private List<(object Message, IActorRef Sender)>? _leftovers;
    private int _attempt;
    private int _incarnation;
    private long _failures;
    private string? _lastFailure;
    private long _restartSeq;
    private int _reportsInFlight;
    private int _knownFailureCount;
    private ICancelable? _restartTimer;
    private int _grant;
    private bool _granted;
    private int _revokesUnanswered;
    private bool _retireOnRevoked;
    private bool _workerEnded;
    private Exception? _injected;
    private Exception? _restartCause;
    private List<(IActorRef? To, object Message, IActorRef Sender)>? _notices; // made at the first turn: an idle instance is small
    private bool _holding;

    public UnitInstance(string kind, string id, UnitKindOptions options, Metrics.BufferedCount buffered)
    {
        _kind = kind;
        _id = id;
        _options = options;
        _buffered = buffered;
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props Props(string kind, string id, UnitKindOptions options, Metrics.BufferedCount buffered) =>
        Akka.Actor.Props.Create(() => new UnitInstance(kind, id, options, buffered));

    protected override SupervisorStrategy SupervisorStrategy() => new UnitWorkerStrategy(
        (child, cause, sender) =>
        {
            BeginTurn();
            Notify(null, new Supervision.ActorFailed(child, Self, cause, Directive.Restart), Self);
            bool suspended = OnWorkerFailed(child, cause, sender);
            EndTurn();
            return suspended;
        },
        child =>
        {
            BeginTurn();
            OnWorkerTerminated(child);
            EndTurn();
        },
        Injected);

    /// <summary>A switch rather than ReceiveActor handlers: this is the per-message path, and a ReceiveActor builds its handler table per instance.</summary>
    protected override void OnReceive(object message)
    {
        BeginTurn();
        Handle(message);
        EndTurn();
    }

    /// <summary>Starts a turn: what it tells the region, the breaker and the observers is held until its end.</summary>
    private void BeginTurn() => _holding = true;

    /// <summary>
    /// Ends a turn. A turn that restarts the worker sends the restart as its last act and keeps its notices until the
    /// end of the next turn (at the latest the probe's answer, which the restarted worker gives before anything else):
    /// Akka's dispatcher queues an actor woken from a pool thread on that thread's own queue, served newest first, so
    /// the worker woken last runs next and serves its first message before the breaker, the region and the observers
    /// handle the failure; and each of them then handles the failure and the restart in one run. Any other turn sends
    /// its notices (and those still held) now, in order.
    /// </summary>
    private void EndTurn()
    {
        ReportBuffered();
        if (_restartCause is { } cause)
        {
            _restartCause = null;
            if (!_options.ReadyOnStart)
            {
                // The probe's answer is the turn that sends the notices; without ReadyOnStart it does not mark ready.
                _worker!.Tell(new Identify(new ReadyProbe(_incarnation, MarksReady: false)), Self);
            }

            ((IInternalActorRef)_worker!).Restart(cause);
        }
        else
        {
            ReleaseNotices();
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/> to the region or the breaker (<paramref name="to"/>), or publishes it on the
    /// event stream (<see langword="null"/>); during a turn it is held and sent at the turn's end, in order with
    /// everything else this instance sends them (see <see cref="EndTurn"/>).
    /// </summary>
    private void Notify(IActorRef? to, object message, IActorRef sender)
    {
        if (_holding)
        {
            (_notices ??= new()).Add((to, message, sender));
        }
        else
        {
            Send(to, message, sender);
        }
    }

    private void ReleaseNotices()
    {
        _holding = false;
        if (_notices is not { Count: > 0 })
        {
            return;
        }

        foreach (var (to, message, sender) in _notices)
        {
            Send(to, message, sender);
        }

        _notices.Clear();
    }

    private static void Send(IActorRef? to, object message, IActorRef sender)
    {
        if (to is null)
        {
            Context.System.EventStream.Publish(message);
        }
        else
        {
            to.Tell(message, sender);
        }
    }

    /// <summary>
    /// Adds the change of the buffer since the last report to the kind's buffered count (<c>actors.unit.buffered</c>):
    /// one comparison per turn, an interlocked add only when the buffer changed, whichever code path changed it.
    /// </summary>
    private void ReportBuffered()
    {
        int count = _buffer.Count;
        if (count != _bufferedReported)
        {
            _buffered.Add(count - _bufferedReported);
            _bufferedReported = count;
        }
    }

    private void Handle(object message)
    {
        switch (message)
        {
            case UnitMessage m:
                Deliver(m.Message, Sender);
                break;
            case UnitEnvelope e:
                Deliver(e.Message, Sender);
                break;
            case HandedBack h:
                Deliver(h.Message, Sender);
                break;
            case BreakerStatus status:
                OnVerdict(status);
                break;
            case DirectProbe probe:
                Notify(Context.Parent, new DirectConfirm(_id, probe.Grant, _granted && probe.Grant == _grant), Self);
                break;
            case DirectRevoked:
                OnRevoked();
                break;
            case CircuitBreakerStateChanged changed:
                OnBreakerChanged(changed);
                break;
            case ActorIdentity i:
                if (i.Subject is not null && i.MessageId is ReadyProbe { MarksReady: true } p && p.Incarnation == _incarnation && i.Subject.Equals(_worker))
                {
                    MarkReady();
                }

                break;
            case UnitReady:
                if (_worker is not null && Sender.Equals(_worker) && _suspendedBy is null)
                {
                    // A UnitReady can be overtaken by the worker's failure (a system message) and arrive after the
                    // restart: confirmed by a probe of this incarnation, answered only after it.
                    _worker.Tell(new Identify(new ReadyProbe(_incarnation, MarksReady: true)), Self);
                }

                break;
            case RestartTick tick:
                if (tick.Seq == _restartSeq && _suspendedBy is not null && !_retiring && _state == UnitState.BackingOff)
                {
                    RestartWorker();
                }

                break;
            case BreakerPermit permit:
                OnPermit(permit);
                break;
            case WorkerLeftover leftover:
                if (leftover.Message is Identify or PoisonPill or Kill && leftover.Sender.Equals(Self))
                {
                    break;
                }

                if (leftover.Worker.Equals(_worker))
                {
                    (_leftovers ??= new()).Add((leftover.Message, leftover.Sender));
                }
                else
                {
                    // Sent to a worker already gone, just as it went (see WorkerMessageQueue): a request like any other.
                    Deliver(leftover.Message, leftover.Sender);
                }

                break;
            case WorkerGone gone:
                OnWorkerGone(gone.Worker);
                break;
            case GetUnitInstance:
                Sender.Tell(Info());
                break;
            case ResetUnitBreaker:
                Notify(_breaker, ResetBreaker.Instance, Sender);
                break;
            case GetUnitBreaker:
                Notify(_breaker, GetBreakerStatus.Instance, Sender);
                break;
            case InjectWorkerFailure inject:
                Sender.Tell(Inject(inject.Cause));
                break;
            case StopUnit stop:
                StopSelf(stop.Reason);
                break;
            case UnitStopRequest:
                break; // only regions act on these
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PreStart()
    {
        _since = Now;
        _breaker = Context.ActorOf(CircuitBreakerActor.Props($"{_kind}/{_id}", _options.Breaker), "breaker");
        StartWorker();
    }

    protected override void PostStop()
    {
        ReleaseNotices();
        CancelTimers();
        SetState(UnitState.Stopped, _stopping ? null : "stopped");

        // Whatever is left in the buffer dies with the instance: it is no longer held.
        _buffered.Add(-_bufferedReported);
        _bufferedReported = 0;
    }

    private void Deliver(object message, IActorRef sender)
    {
        if (_stopping)
        {
            if (_worker is not null)
            {
                _buffer.Enqueue((message, sender)); // handed back after the worker's own leftovers, in order
            }
            else
            {
                Notify(Context.Parent, new HandedBack(_id, message), sender); // held by the region for the next incarnation
            }
        }
        else if (_state == UnitState.CircuitOpen)
        {
            bool open = _breakerState == CircuitBreakerState.Open;
            if ((open && Now < _openUntil) || _buffer.Count >= _options.BufferCapacity)
            {
                sender.Tell(new CircuitOpen(_kind, _id, RetryAfter()), Self);
                return;
            }

            // The breaker has let go (a reset, or half-open) and the worker is on its way (a retired one may still
            // be stopping): hold the message for it. Or the open period is over but no half-open has arrived: ask
            // the breaker (its answer starts the probe or says how long is left) and hold the message meanwhile,
            // instead of refusing for good.
            _buffer.Enqueue((message, sender));
            if (open && !_permitRequested)
            {
                _permitRequested = true;
                Notify(_breaker, AcquireBreakerPermit.Instance, Self);
            }
        }
        else if (_suspendedBy is null && _worker is not null && !_workerEnded && !UnitRegion.IsEnded(_worker))
        {
            WorkerMessageQueue.Send(_worker, _workerQueue, message, sender);
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

    /// <summary>
    /// The retry count, forgotten once the worker has been running for <see cref="UnitKindOptions.BackoffResetAfter"/>:
    /// read when needed (a failure, a status query) instead of a timer armed at every start.
    /// </summary>
    private int Attempts => _state == UnitState.Running && Now - _since >= _options.BackoffResetAfter ? 0 : _attempt;

    private TimeSpan RetryAfter()
    {
        TimeSpan left = _openUntil - Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The strategy's callback: a child failed. The worker stays suspended (true); any other child is restarted by Akka (false).</summary>
    private bool OnWorkerFailed(IActorRef worker, Exception cause, IActorRef? failedSender)
    {
        if (!worker.Equals(_worker))
        {
            if (worker.Equals(_breaker))
            {
                // Akka restarts the breaker: it starts closed and will never answer the reports it had not answered.
                _reportsInFlight = 0;
                _knownFailureCount = 0;
                _breakerState = CircuitBreakerState.Closed;
                if (_awaitingVerdict && _suspendedBy is not null && !_stopping)
                {
                    _awaitingVerdict = false;
                    ScheduleRestart();
                }
                else if (_state == UnitState.CircuitOpen && !_stopping)
                {
                    ResumeWork(); // the breaker forgot it was open: as after a reset
                }
            }

            return false;
        }

        if (ReferenceEquals(cause, _injected))
        {
            _injected = null;
        }

        Exception shown = Supervision.FailureCause.Unwrap(cause);
        failedSender?.Tell(new UnitWorkerFailed(_kind, _id, shown.GetType().FullName ?? shown.GetType().Name, shown.Message), Self);
        _suspendedBy = cause;
        _failures++;
        _lastFailure = $"{shown.GetType().Name}: {shown.Message}";
        _attempt = Attempts; // before the state changes: a worker that ran long enough starts its retries afresh
        if (_stopping)
        {
            // A worker that fails while draining before a stop is stopped at once.
            Context.Stop(worker);
            return true;
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
            // The worker may stay suspended a while: from now on messages come here, to the bounded buffer.
            Revoke();
            Report(new BreakerFailure(shown));
            _awaitingVerdict = true;
        }

        return true;
    }

    /// <summary>
    /// Queues an injected failure for the running worker: Akka's <see cref="Kill"/>, which the strategy turns into a
    /// failure with <paramref name="cause"/> (see <see cref="Injected"/>). One at a time, only while running.
    /// </summary>
    private WorkerFailureInjected Inject(Exception cause)
    {
        if (_state != UnitState.Running || _worker is null || _suspendedBy is not null || _stopping || _stopRequested || _retiring || _workerEnded)
        {
            return new WorkerFailureInjected(_kind, _id, false, $"not running ({_state.ToString().ToLowerInvariant()})");
        }

        if (_injected is not null)
        {
            return new WorkerFailureInjected(_kind, _id, false, "an injected failure is already pending");
        }

        _injected = cause;
        _worker.Tell(Kill.Instance, Self);
        return new WorkerFailureInjected(_kind, _id, true, $"{cause.GetType().Name}: {cause.Message}");
    }

    /// <summary>
    /// The strategy's question: the injected cause when <paramref name="cause"/> is the <see cref="ActorKilledException"/>
    /// of a pending injection into the current worker (<paramref name="child"/> is Nobody when asked by the decider).
    /// A user's own Kill of the worker while an injection is pending counts as the injection.
    /// </summary>
    private Exception? Injected(IActorRef child, Exception cause) =>
        cause is ActorKilledException && _injected is not null && (child.IsNobody() || child.Equals(_worker)) ? _injected : null;

    private void Report(object outcome)
    {
        _reportsInFlight++;
        Notify(_breaker, outcome, Self);
    }

    /// <summary>Creates the worker (at start, and for a probe after the breaker retired a failed one).</summary>
    private void StartWorker()
    {
        Props props = _options.WorkerProps(_id);
        if (string.IsNullOrEmpty(props.Mailbox))
        {
            // Messages still queued when the worker is stopped come back to this instance instead of dead letters.
            props = props.WithMailbox(WorkerMailbox.ConfigPath);
        }

        _worker = Context.ActorOf(props, "worker");
        _workerQueue = WorkerMessageQueue.Of(_worker);
        _workerEnded = false;
        _injected = null; // a Kill queued for an earlier worker came back as a leftover and was dropped
        _suspendedBy = null;
        _incarnation++;
        SetState(UnitState.Starting, _incarnation == 1 ? null : "worker starting");
        AskReady();
        while (_buffer.TryDequeue(out var item))
        {
            _worker.Tell(item.Message, item.Sender);
        }
    }

    /// <summary>Starts the probe or restarts after a reset: in place when the worker is suspended, anew when it was retired.</summary>
    private void ResumeWork()
    {
        if (_retiring)
        {
            return; // OnWorkerGone starts the worker once the retired one is gone
        }

        if (_worker is null)
        {
            StartWorker();
        }
        else if (_suspendedBy is not null)
        {
            RestartWorker();
        }
    }

    /// <summary>
    /// Restarts the suspended worker in place: its mailbox is kept, then the buffered messages follow (queued now, while
    /// it is still suspended). The restart itself is sent at the turn's end (see <see cref="EndTurn"/>).
    /// </summary>
    private void RestartWorker()
    {
        _restartCause = _suspendedBy!;
        _suspendedBy = null;
        _incarnation++;
        while (_buffer.TryDequeue(out var item))
        {
            _worker!.Tell(item.Message, item.Sender);
        }

        SetState(UnitState.Starting, "worker restarting");
        AskReady();
    }

    private void AskReady()
    {
        if (_options.ReadyOnStart)
        {
            _worker!.Tell(new Identify(new ReadyProbe(_incarnation, MarksReady: true)), Self);
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
        Grant();
    }

    /// <summary>Lets the region send straight to the running worker (see <see cref="DirectGrant"/>).</summary>
    private void Grant()
    {
        if (_granted || _stopping || _stopRequested || _worker is null || _suspendedBy is not null)
        {
            return;
        }

        _granted = true;
        Notify(Context.Parent, new DirectGrant(_id, _worker, ++_grant), Self);
    }

    /// <summary>Withdraws the grant: from the region's answer on, every message comes through this actor again.</summary>
    private void Revoke()
    {
        if (!_granted)
        {
            return;
        }

        _granted = false;
        _revokesUnanswered++;
        Notify(Context.Parent, new DirectRevoke(_id, _grant), Self);
    }

    /// <summary>Whether the region may still send straight to the worker (a grant stands, or its revocation is unanswered).</summary>
    private bool DirectOutstanding => _granted || _revokesUnanswered > 0;

    private void OnRevoked()
    {
        _revokesUnanswered--;
        if (_retireOnRevoked && !DirectOutstanding)
        {
            _retireOnRevoked = false;
            if (_worker is not null && _retiring)
            {
                Context.Stop(_worker);
            }
        }
    }

    /// <summary>
    /// The strategy's callback when a child has terminated (a parent learns this without watching). It runs on a
    /// system message, possibly before the worker's leftovers (normal messages already queued here) are handled, so
    /// the worker's end is handled through a message of this actor's own, queued after them.
    /// </summary>
    private void OnWorkerTerminated(IActorRef child)
    {
        if (_worker is not null && child.Equals(_worker))
        {
            // From now on nothing is sent to it (it would be dead-lettered): held here until its leftovers are in.
            _workerEnded = true;
            Revoke();
            Self.Tell(new WorkerGone(child));
        }
    }

    private void OnWorkerGone(IActorRef worker)
    {
        if (!worker.Equals(_worker))
        {
            return;
        }

        _worker = null;
        _suspendedBy = null;
        List<(object Message, IActorRef Sender)>? leftovers = _leftovers;
        _leftovers = null;
        if (_stopping)
        {
            // Leftovers first (they were sent before anything buffered here), then the buffer: the region holds
            // them, in order, for the next incarnation.
            HandBack(leftovers);
            HandBack(_buffer);
            Context.Stop(Self);
        }
        else if (_retiring)
        {
            // The breaker opened while the worker was suspended: what it had queued is answered like new requests.
            _retiring = false;
            if (_breakerState != CircuitBreakerState.Open && _state == UnitState.CircuitOpen)
            {
                // Half-open (or a reset) came while the retired worker was stopping: its leftovers go to the new
                // worker first, then what was buffered since.
                PrependToBuffer(leftovers);
                StartWorker();
            }
            else if (leftovers is not null)
            {
                foreach (var (message, sender) in leftovers)
                {
                    Deliver(message, sender);
                }
            }
        }
        else
        {
            // The worker stopped itself: hold its leftovers (they go first) until the region's StopUnit.
            _leftovers = leftovers;
            RequestStop("worker stopped");
        }
    }

    /// <summary>
    /// Asks the region to stop this instance: it marks the instance as stopping first, so whatever it forwarded before
    /// its <see cref="StopUnit"/> arrives here ahead of it and is handed back, none dead-lettered.
    /// </summary>
    private void RequestStop(string reason)
    {
        if (_stopping || _stopRequested)
        {
            return;
        }

        _stopRequested = true;
        Notify(Context.Parent, new UnitStopRequest(_id, reason), Self);
    }

    private void PrependToBuffer(List<(object Message, IActorRef Sender)>? first)
    {
        if (first is null || first.Count == 0)
        {
            return;
        }

        var newer = _buffer.ToArray();
        _buffer.Clear();
        foreach (var item in first)
        {
            _buffer.Enqueue(item);
        }

        foreach (var item in newer)
        {
            _buffer.Enqueue(item);
        }
    }

    private void HandBack(IEnumerable<(object Message, IActorRef Sender)>? messages)
    {
        if (messages is null)
        {
            return;
        }

        foreach (var (message, sender) in messages)
        {
            Notify(Context.Parent, new HandedBack(_id, message), sender);
        }

        (messages as Queue<(object, IActorRef)>)?.Clear();
    }

    /// <summary>The breaker's answer to a reported failure decides: back off and restart, or wait for half-open.</summary>
    private void OnVerdict(BreakerStatus status)
    {
        _reportsInFlight--;
        _breakerState = status.State;
        _knownFailureCount = status.FailureCount;

        // Answers come in the order the reports went; only the answer to the last one is the verdict on the
        // failure being decided (an earlier answer says nothing about the reports after it).
        if (!_awaitingVerdict || _reportsInFlight > 0 || _suspendedBy is null || _stopping)
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
        if (_state != UnitState.CircuitOpen || _stopping)
        {
            return;
        }

        if (permit.IsAllowed)
        {
            // The breaker went half-open on this request; its state change follows, but start the probe now.
            ResumeWork();
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
            case CircuitBreakerState.HalfOpen when _state == UnitState.CircuitOpen:
                ResumeWork();
                break;
            case CircuitBreakerState.Closed when !_awaitingVerdict && _state is UnitState.CircuitOpen or UnitState.BackingOff:
                // A manual reset: restart at once with a clean retry count.
                _restartTimer?.Cancel();
                _attempt = 0;
                ResumeWork();
                break;
        }
    }

    private void EnterCircuitOpen(TimeSpan retryAfter)
    {
        Revoke();
        _openUntil = Now + retryAfter;
        _restartTimer?.Cancel();
        SetState(UnitState.CircuitOpen, _lastFailure);
        var reply = new CircuitOpen(_kind, _id, retryAfter);
        while (_buffer.TryDequeue(out var item))
        {
            item.Sender.Tell(reply, Self);
        }

        if (_worker is not null && _suspendedBy is not null && !_retiring)
        {
            // Retire the suspended worker: its mailbox comes back (WorkerMailbox) and is answered CircuitOpen too,
            // instead of waiting for the probe; the probe starts a new worker.
            _retiring = true;
            if (DirectOutstanding)
            {
                // The region may still send straight to the worker: stop it only when it has answered the revocation,
                // so everything it sent is in the worker's mailbox and comes back, none dead-lettered.
                _retireOnRevoked = true;
            }
            else
            {
                Context.Stop(_worker);
            }
        }
    }

    private void ScheduleRestart()
    {
        if (_options.MaxRetries >= 0 && _attempt >= _options.MaxRetries)
        {
            Revoke();
            RequestStop($"gave up after {_attempt} retries");
            return;
        }

        TimeSpan delay = BackoffDelay.Calculate(_attempt, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor);
        _attempt++;
        if (delay == TimeSpan.Zero)
        {
            // Zero backoff restarts now, not after a scheduler tick (and never shows as backing off). A grant stands:
            // what the region sends straight meanwhile waits in the worker's mailbox, which the restart keeps.
            RestartWorker();
            Notify(null, new UnitRetryScheduled(_kind, _id, _attempt, delay), Self);
        }
        else
        {
            Revoke(); // backing off: from now on messages come here, to the bounded buffer

            // The timer is armed before the state is announced: whoever sees BackingOff knows the restart is due.
            _restartTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(delay, Self, new RestartTick(++_restartSeq), Self);
            Notify(null, new UnitRetryScheduled(_kind, _id, _attempt, delay), Self);
            SetState(UnitState.BackingOff, _lastFailure);
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
        if (_worker is null)
        {
            HandBack(_leftovers);
            _leftovers = null;
            HandBack(_buffer);
            Context.Stop(Self);
        }
        else if (_suspendedBy is null && !_retiring)
        {
            // A running worker drains its mailbox first.
            _worker.Tell(PoisonPill.Instance, Self);
        }
        else if (!_retiring)
        {
            // A suspended worker is stopped; its mailbox comes back as leftovers, handed on in OnWorkerGone.
            Context.Stop(_worker);
        }
    }

    private void CancelTimers()
    {
        _restartTimer?.Cancel();
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
        Notify(Context.Parent, changed, Self);
        Notify(null, changed, Self);
    }

    private UnitInstanceInfo Info() => new(
        _kind,
        _id,
        _state,
        _since,
        _breakerState,
        _breakerState == CircuitBreakerState.Open ? RetryAfter() : TimeSpan.Zero,
        Attempts,
        _failures,
        _buffer.Count,
        _lastFailure);

    /// <summary>The worker has terminated; handled after any leftovers it handed back.</summary>
    private sealed record WorkerGone(IActorRef Worker);

    /// <summary>Restart the worker, unless another failure or a reset happened since this was scheduled.</summary>
    private sealed record RestartTick(long Seq);
}
