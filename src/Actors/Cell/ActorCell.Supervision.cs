namespace Actors;

internal sealed partial class ActorCell
{
    private bool IsFailed => (_state & CellState.Failed) != 0;

    /// <summary>
    /// The actor failed: suspend it and its children and tell the parent, whose strategy decides.
    /// </summary>
    private void HandleInvokeFailure(Exception cause, InternalActorRef? perpetrator = null)
    {
        AbandonAsync();

        if (IsTerminating)
        {
            _system.PublishError(Self.Path, _actor?.GetType() ?? typeof(ActorCell), cause, "Failure while stopping");
            return;
        }

        if (IsFailed)
        {
            return;
        }

        _state |= CellState.Failed;
        Extras.FailedMessage = _currentMessage;
        if (perpetrator is not null)
        {
            Extras.Perpetrator = perpetrator;
        }

        _mailbox.Suspend();
        if (_children is not null)
        {
            foreach (InternalActorRef child in ChildrenSnapshot())
            {
                if (!ReferenceEquals(child, perpetrator))
                {
                    child.SendSystemMessage(new Suspend());
                }
            }
        }

        _parent.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid, _currentMessage));
    }

    private void HandleFailed(Failed failed)
    {
        ChildRestartStats? stats = GetChildStats(failed.Child);
        if (stats is null || stats.Uid != failed.Uid)
        {
            return;
        }

        if (_system.IsRootCell(this))
        {
            _system.OnGuardianFailed(failed.Child, failed.Cause);
            return;
        }

        SupervisorStrategy strategy = SupervisorStrategyInternal;
        Directive directive;
        try
        {
            directive = strategy.Decide(failed.Cause);
        }
        catch (Exception e)
        {
            _system.PublishError(Self.Path, typeof(SupervisorStrategy), e, "The supervisor's decider threw; escalating");
            directive = Directive.Escalate;
        }

        Type? messageType = failed.Message?.GetType();
        if (strategy.LoggingEnabled && directive != Directive.Escalate)
        {
            Actors.SupervisorStrategy.LogFailure(_system, failed.Child, failed.Cause, directive);
        }

        _system.EventStream.Publish(new ActorFailed(failed.Child, Self, failed.Cause, directive, messageType));
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystemMessage(new Resume(failed.Cause));
                break;
            case Directive.Restart:
                strategy.ProcessFailure(this, restart: true, failed.Child, failed.Cause, stats);
                break;
            case Directive.Stop:
                strategy.ProcessFailure(this, restart: false, failed.Child, failed.Cause, stats);
                break;
            default:
                HandleInvokeFailure(failed.Cause, failed.Child);
                break;
        }
    }

    /// <summary>The strategy this actor applies to its children: Props override, else the actor's, else the default.</summary>
    internal SupervisorStrategy SupervisorStrategyInternal
    {
        get
        {
            if (Props.SupervisorStrategy is { } fromProps)
            {
                return fromProps;
            }

            if (_extras?.Strategy is { } cached)
            {
                return cached;
            }

            if (_actor is { } actor)
            {
                try
                {
                    return Extras.Strategy = actor.SupervisorStrategyInternal() ?? Actors.SupervisorStrategy.DefaultStrategy;
                }
                catch (Exception e)
                {
                    _system.PublishError(Self.Path, actor.GetType(), e, "SupervisorStrategy() threw; using the default strategy");
                }
            }

            return Actors.SupervisorStrategy.DefaultStrategy;
        }
    }

    /// <summary>Restarts <paramref name="child"/> because of <paramref name="cause"/>.</summary>
    internal static void RestartChild(InternalActorRef child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst)
        {
            child.SendSystemMessage(new Suspend());
        }

        child.SendSystemMessage(new Recreate(cause));
    }

    /// <summary>Gives up on a pending async handler (the actor failed, restarts or stops).</summary>
    private void AbandonAsync()
    {
        if ((_state & CellState.AwaitingAsync) != 0)
        {
            _state &= ~CellState.AwaitingAsync;
            _mailbox.Resume();
            _system.Activity?.Decrement();
        }
    }

    private void FaultSuspend()
    {
        _mailbox.Suspend();
        foreach (InternalActorRef child in ChildrenSnapshot())
        {
            child.SendSystemMessage(new Suspend());
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (IsTerminating)
        {
            return;
        }

        if (causedByFailure is not null && _actor is null)
        {
            // Resuming an actor whose construction failed cannot work: create it anew.
            FaultRecreate(causedByFailure);
            return;
        }

        InternalActorRef? perpetrator = _extras?.Perpetrator;
        if (causedByFailure is not null)
        {
            _state &= ~CellState.Failed;
            if (_extras is not null)
            {
                _extras.Perpetrator = null;
                _extras.FailedMessage = null;
            }
        }

        _mailbox.Resume();
        foreach (InternalActorRef child in ChildrenSnapshot())
        {
            child.SendSystemMessage(new Resume(ReferenceEquals(child, perpetrator) ? causedByFailure : null));
        }
    }
}
