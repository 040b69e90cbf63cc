namespace Actors;

/// <summary>
/// The runtime state of one actor: its mailbox, its current instance, children, watches and behavior.
/// </summary>
/// <remarks>
/// Threading contract: every method not marked otherwise runs only on the thread that is running this cell's
/// mailbox turn (at most one at a time). <see cref="ActorOf"/> on a guardian, child lookups and
/// sends (through <see cref="LocalActorRef"/>, which never touches the cell) may run on any thread; the children map is guarded by its own lock.
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    [ThreadStatic]
    private static ActorCell? t_creating;

    private static long s_nextUid;

    private readonly ActorSystemImpl _system;
    private readonly InternalActorRef _parent;
    private readonly Mailbox _mailbox;
    private ActorBase? _actor;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private ChildrenContainer? _children;
    private CellExtras? _extras;
    private CellState _state;
    private long _processed;

    /// <summary>
    /// Set by the parent when it stops this child (the name stays taken until the child has terminated). Read and
    /// written only under the parent's children lock; it lives here so that a child costs its parent no extra object.
    /// </summary>
    private bool _stopRequestedByParent;

    public ActorCell(ActorSystemImpl system, ActorPath path, Props props, InternalActorRef parent, Mailbox mailbox)
    {
        _system = system;
        _parent = parent;
        Props = props;
        _mailbox = mailbox;
        mailbox.SetCell(this);
        Self = new LocalActorRef(path, mailbox);
    }

    /// <summary>The cell whose turn the current thread is running, if any.</summary>
    public static ActorCell? Current => t_current;

    /// <summary>The cell constructing an actor instance on this thread right now, if any.</summary>
    public static ActorCell? Creating => t_creating;

    public static long NextUid() => Interlocked.Increment(ref s_nextUid);

    internal static ActorCell? EnterTurn(ActorCell cell)
    {
        ActorCell? previous = t_current;
        t_current = cell;
        return previous;
    }

    internal static void LeaveTurn(ActorCell? previous) => t_current = previous;

    public ActorSystemImpl System => _system;

    ActorSystem IActorContext.System => _system;

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public Props Props { get; }

    public Mailbox Mailbox => _mailbox;

    public InternalActorRef Parent => _parent;

    IActorRef IActorContext.Parent => _parent;

    public ActorBase? Actor => _actor;

    public object? CurrentMessage => _currentMessage;

    /// <summary>The sender of the current message, or <see langword="null"/> (used by Forward).</summary>
    public IActorRef? CurrentSenderOrNull => _currentSender;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public long MessagesProcessed => Volatile.Read(ref _processed);

    public int RestartCount => _extras?.RestartCount ?? 0;

    public bool IsTerminated => _mailbox.IsClosed;

    public bool IsTerminating => (_state & CellState.Terminating) != 0;

    private CellExtras Extras => _extras ??= new CellExtras();

    /// <summary>The extras, created if needed; for the mailbox, on this cell's turn only.</summary>
    internal CellExtras ExtrasForMailbox => Extras;

    /// <summary>The extras if any; a racy read off the turn is fine for diagnostics only.</summary>
    internal CellExtras? ExtrasOrNull => _extras;

    /// <summary>Publishes a message the mailbox refused (closed or full) as a dead letter. Any thread.</summary>
    public void DeadLetter(object message, IActorRef? sender) =>
        _system.DeadLetters.Tell(new DeadLetter(message, sender, Self), sender);

    /// <summary>Sends a system message. Any thread.</summary>
    public void SendSystemMessage(SystemMessage message) => _mailbox.EnqueueSystem(message);

    /// <summary>Starts the actor: enqueues Create, which constructs it on its own turn.</summary>
    public void Start() => _mailbox.EnqueueCreate();

    /// <summary>Processes one user message. Never throws.</summary>
    public void Invoke(Envelope envelope)
    {
        // The current message and sender stay set until the mailbox ends the batch (see ClearCurrentMessage), so a
        // stream of messages from one sender, or one message object sent again, costs no store (and no GC write
        // barrier) per message.
        object message = envelope.Message;
        if (!ReferenceEquals(_currentMessage, message))
        {
            _currentMessage = message;
        }

        IActorRef? sender = envelope.Sender;
        if (!ReferenceEquals(_currentSender, sender))
        {
            _currentSender = sender;
        }

        _processed++;
        try
        {
            if (envelope.Message is IAutoReceivedMessage auto)
            {
                AutoReceive(auto);
            }
            else
            {
                ReceiveMessage(envelope.Message);
            }

            if (_extras?.ReceiveTimeout is not null && envelope.Message is not INotInfluenceReceiveTimeout)
            {
                RearmReceiveTimeout();
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>
    /// Forgets the current message and sender (unless an async handler still runs for it): called by the mailbox
    /// after a batch of user messages and before system messages, so that no later code sees a stale sender and no
    /// message outlives its turn.
    /// </summary>
    public void ClearCurrentMessage()
    {
        if ((_state & CellState.AwaitingAsync) == 0)
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    /// <summary>Hands a message to the current behavior; reports it as unhandled when nobody takes it.</summary>
    internal void ReceiveMessage(object message)
    {
        ActorBase actor = _actor ?? throw new IllegalActorStateException("The actor is not running.");
        Stack<Receive>? stack = _extras?.Behaviors;
        bool handled = stack is { Count: > 0 } ? stack.Peek()(message) : actor.ReceiveInternal(message);
        if (!handled)
        {
            actor.UnhandledInternal(message);
        }
    }

    private void AutoReceive(IAutoReceivedMessage message)
    {
        switch (message)
        {
            case PoisonPill:
                Stop(Self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Terminated terminated:
                ReceiveTerminated(terminated);
                break;
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case ReceiveTimeoutFired fired:
                ReceiveTimeoutTick(fired);
                break;
            case TimerFired fired:
                _extras?.Timers?.Deliver(fired, this);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>Processes one system message. Never throws.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor();
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case DeathWatchNotification dwn:
                    HandleDeathWatchNotification(dwn);
                    break;
                case RunContinuation run:
                    RunAsyncContinuation(run);
                    break;
                case AsyncHandlerCompleted done:
                    CompleteAsyncHandler(done);
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watcher);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    StopSelf();
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>
    /// Handles a system message that arrived after the mailbox closed. Any thread. A watch of the dead actor is
    /// answered at once, with <c>ExistenceConfirmed = false</c> as in Akka.NET: the answer comes from the dead
    /// letters' side, not from the actor (which confirms existence only to those who watched it while it lived).
    /// </summary>
    public void HandleSystemMessageAfterDeath(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, _parent))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: false));
        }
    }

    public void DrainDeadSystemMessages(SystemMessage? rest)
    {
        for (SystemMessage? m = rest; m is not null; m = m.Next)
        {
            HandleSystemMessageAfterDeath(m);
        }
    }

    // ---- IActorContext ----

    public IActorRef ActorOf(Props props, string? name = null) => MakeChild(props, name, systemService: false);

    public ActorSelection ActorSelection(string path) => _system.SelectFrom(Self, path);

    public ActorSelection ActorSelection(ActorPath path) => _system.ActorSelection(path);

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Stack<Receive> stack = Extras.Behaviors ??= new Stack<Receive>();
        if (stack.Count > 0)
        {
            stack.Pop();
        }

        stack.Push(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.Behaviors ??= new Stack<Receive>()).Push(receive);
    }

    public void UnbecomeStacked()
    {
        Stack<Receive>? stack = _extras?.Behaviors;
        if (stack is { Count: > 0 })
        {
            stack.Pop();
        }
    }

    public override string ToString() => $"ActorCell({Self.Path})";
}
