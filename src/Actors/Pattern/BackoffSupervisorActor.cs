namespace Actors;

/// <summary>
/// The backoff supervisor's actor. All state is touched only on the actor's own turn: its messages, its timers and the
/// supervisor strategy's decider, which the kernel runs on the parent's (this actor's) turn when the child fails.
/// </summary>
/// <remarks>
/// Failure triggers work by turning the strategy's Restart into Stop and remembering that the stop was a failure;
/// the child's <see cref="Terminated"/> then schedules the delayed start. The kernel therefore logs and publishes
/// <see cref="ActorFailed"/> with <see cref="Directive.Stop"/> for such a failure, followed by <see cref="BackoffStarted"/>.
/// </remarks>
internal sealed class BackoffSupervisorActor : ActorBase, IWithTimers
{
    private static readonly object s_startChildKey = new();
    private static readonly object s_resetKey = new();

    private readonly BackoffOptions _options;
    private readonly Queue<(object Message, IActorRef Sender)> _buffer = new();
    private IActorRef? _child;
    private int _restartCount;
    private int _generation;
    private bool _childFailed;
    private Exception? _lastCause;
    private bool _finalStopReceived;

    public BackoffSupervisorActor(BackoffOptions options) => _options = options;

    public ITimerScheduler Timers { get; set; } = null!;

    protected override SupervisorStrategy SupervisorStrategy()
    {
        SupervisorStrategy user = _options.SupervisorStrategy ?? DefaultStrategy(_options.Trigger);
        if (_options.Trigger == BackoffTrigger.OnStop)
        {
            return user;
        }

        return new OneForOneStrategy(user.MaxNumberOfRetries, user.WithinTimeRange, cause =>
        {
            Directive directive = user.Decide(cause);
            if (directive != Directive.Restart)
            {
                return directive;
            }

            _childFailed = true;
            _lastCause = cause;
            return Directive.Stop;
        }, user.LoggingEnabled);
    }

    private static SupervisorStrategy DefaultStrategy(BackoffTrigger trigger) => trigger == BackoffTrigger.OnStop
        ? Actors.SupervisorStrategy.DefaultStrategy
        : new OneForOneStrategy(static cause => cause is ActorKilledException or DeathPactException ? Directive.Stop : Directive.Restart);

    protected override void PreStart() => StartChild();

    protected override void PostStop()
    {
        DeadLetterBuffer();
        Context.System.EventStream.Publish(new BackoffSupervisorStopped(Self));
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // The supervisor itself failed (an escalation): the fresh instance starts a fresh child and an empty buffer.
        foreach (IActorRef child in Context.Children)
        {
            Context.Stop(child);
        }

        DeadLetterBuffer();
    }

    private void DeadLetterBuffer()
    {
        while (_buffer.TryDequeue(out var entry))
        {
            Context.System.DeadLetters.Tell(new DeadLetter(entry.Message, entry.Sender, Self), entry.Sender);
        }
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case StartChildMessage:
                StartChild();
                return true;
            case ResetRestartCount reset:
                if (reset.Generation == _generation && _child is not null && _restartCount > 0)
                {
                    _restartCount = 0;
                    Context.System.EventStream.Publish(new BackoffCounterReset(Self, Manual: false));
                }

                return true;
            case Terminated terminated:
                if (ReferenceEquals(terminated.ActorRef, _child))
                {
                    OnChildTerminated();
                }

                return true;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(_child), Self);
                return true;
            case BackoffSupervisor.GetRestartCount:
                Sender.Tell(new BackoffSupervisor.RestartCount(_restartCount), Self);
                return true;
            case BackoffSupervisor.Reset:
                _restartCount = 0;
                Timers.Cancel(s_resetKey);
                Context.System.EventStream.Publish(new BackoffCounterReset(Self, Manual: true));
                return true;
        }

        if (_options.FinalStopMessage is { } isFinal && isFinal(message))
        {
            _finalStopReceived = true;
            if (_child is null)
            {
                Context.Stop(Self);
            }
            else
            {
                _child.Forward(message);
            }

            return true;
        }

        if (_child is not null)
        {
            _child.Forward(message);
        }
        else
        {
            WhileDown(message);
        }

        return true;
    }

    private void WhileDown(object message)
    {
        IActorRef sender = Sender;
        if (_options.ReplyWhileStopped is { } reply)
        {
            sender.Tell(reply, Self);
        }
        else if (_options.BufferCapacity == 0)
        {
            Context.System.DeadLetters.Tell(new DeadLetter(message, sender, Self), sender);
        }
        else if (_buffer.Count < _options.BufferCapacity)
        {
            _buffer.Enqueue((message, sender));
        }
        else
        {
            sender.Tell(new BackoffSupervisor.BufferOverflow(message), Self);
        }
    }

    private void StartChild()
    {
        if (_child is not null)
        {
            return;
        }

        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        _generation++;
        Context.System.EventStream.Publish(new BackoffChildStarted(Self, _child, _restartCount));
        if (_options.AutoResetAfter is { } stable && _restartCount > 0)
        {
            Timers.StartSingleTimer(s_resetKey, new ResetRestartCount(_generation), stable);
        }

        while (_buffer.TryDequeue(out var entry))
        {
            _child.Tell(entry.Message, entry.Sender);
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel(s_resetKey);
        bool failed = _childFailed;
        Exception? cause = failed ? _lastCause : null;
        _childFailed = false;
        _lastCause = null;

        bool restart = !_finalStopReceived && (failed || _options.Trigger != BackoffTrigger.OnFailure);
        if (!restart)
        {
            Context.Stop(Self);
            return;
        }

        if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
        {
            Context.System.EventStream.Publish(new BackoffGaveUp(Self, _restartCount, cause));
            Context.Stop(Self);
            return;
        }

        TimeSpan delay = NextDelay();
        _restartCount++;
        Context.System.EventStream.Publish(new BackoffStarted(Self, _restartCount, delay, cause));
        Timers.StartSingleTimer(s_startChildKey, StartChildMessage.Instance, delay);
    }

    private TimeSpan NextDelay()
    {
        if (_options.Random is not { } random)
        {
            return BackoffSupervisor.CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor);
        }

        // An injected Random is not thread-safe; options (and so the instance) may be shared by several supervisors.
        lock (random)
        {
            return BackoffSupervisor.CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, random);
        }
    }

    private sealed class StartChildMessage
    {
        public static readonly StartChildMessage Instance = new();
    }

    private sealed record ResetRestartCount(int Generation);
}
