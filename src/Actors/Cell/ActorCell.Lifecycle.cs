namespace Actors;

internal sealed partial class ActorCell
{
    private ActorBase NewActor()
    {
        // The actor's base constructor picks up this cell through Current; Create runs on our own turn.
        ActorCell? previous = EnterTurn(this);
        ActorCell? previousCreating = t_creating;
        t_creating = this;
        try
        {
            ActorBase actor = Props.NewActor();
            actor.AttachCell(this);

            // Each incarnation supplies its own strategy: its decider may close over the instance's state.
            if (_extras is not null)
            {
                _extras.Strategy = null;
            }
            if (actor is IWithUnboundedStash withStash)
            {
                withStash.Stash = Extras.Stash ??= new UnboundedStash(this);
            }

            if (actor is IWithTimers withTimers)
            {
                withTimers.Timers = Extras.Timers ??= new TimerScheduler(this);
            }

            return actor;
        }
        finally
        {
            t_creating = previousCreating;
            LeaveTurn(previous);
        }
    }

    private void CreateActor()
    {
        try
        {
            _actor = NewActor();
            _state |= CellState.Created;
            _actor.AroundPreStart();
            _system.PublishDebug(Self.Path, _actor.GetType(), "started");
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(e is ActorInitializationException ? e : new ActorInitializationException(Self, $"Exception while creating {Self.Path}: {e.Message}", e));
        }
    }

    private void FaultRecreate(Exception cause)
    {
        if (IsTerminating)
        {
            return;
        }

        AbandonAsync();
        ActorBase? failed = _actor;
        if (failed is not null)
        {
            try
            {
                _extras?.Stash?.UnstashAllForRestart();
                failed.AroundPreRestart(cause, _extras?.Perpetrator is null ? _extras?.FailedMessage : null);
            }
            catch (Exception e)
            {
                _system.PublishError(Self.Path, failed.GetType(), e, "PreRestart threw; continuing the restart");
            }
        }

        ClearActorState();
        if (HasStoppingChildren)
        {
            Extras.PendingRecreateCause = cause;
            _state |= CellState.Recreating;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _state &= ~CellState.Recreating;
        if (_extras is not null)
        {
            _extras.PendingRecreateCause = null;
            _extras.RestartCount++;
        }

        List<InternalActorRef>? survivors = _children is null ? null : ChildrenSnapshot();
        _state &= ~CellState.Failed;
        if (_extras is not null)
        {
            _extras.Perpetrator = null;
            _extras.FailedMessage = null;
        }

        _mailbox.Resume();
        try
        {
            ActorBase fresh = NewActor();
            _actor = fresh;
            _state |= CellState.Created;
            fresh.AroundPostRestart(cause);
            _system.PublishDebug(Self.Path, fresh.GetType(), "restarted");
            foreach (InternalActorRef child in survivors ?? [])
            {
                child.SendSystemMessage(new Recreate(cause));
            }
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(new PostRestartException(Self, e, cause));
        }
    }

    private void ClearActorState()
    {
        if (_extras is not null)
        {
            _extras.Behaviors?.Clear();
            _extras.Timers?.CancelAll();
            CancelReceiveTimeout();
        }

        _actor?.DetachCell();
        _actor = null;
        _state &= ~CellState.Created;
    }

    private void StopSelf()
    {
        if (IsTerminating)
        {
            return;
        }

        AbandonAsync();
        _state |= CellState.Terminating;
        _mailbox.Suspend();
        _extras?.Timers?.CancelAll();
        CancelReceiveTimeout();
        StopAllChildren();
        if (!HasChildren)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        ActorBase? actor = _actor;
        try
        {
            if (actor is not null && (_state & CellState.Created) != 0)
            {
                _extras?.Stash?.ClearToDeadLetters();
                actor.AroundPostStop();
            }
        }
        catch (Exception e)
        {
            _system.PublishError(Self.Path, actor!.GetType(), e, "PostStop threw");
        }
        finally
        {
            List<Envelope> rest = _mailbox.Close();
            SystemMessage? pending = _mailbox.CloseSystemQueue();
            foreach (Envelope e in rest)
            {
                if (e.Message is not IAutoReceivedMessage || e.Message is PoisonPill or Kill)
                {
                    _system.DeadLetters.Tell(new DeadLetter(e.Message, e.Sender, Self), e.Sender);
                }
            }

            _parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            NotifyWatchersAndUnwatchAll();
            DrainDeadSystemMessages(pending);
            _actor?.DetachCell();
            _actor = null;
            _extras = null;
            _system.PublishDebug(Self.Path, actor?.GetType() ?? typeof(ActorCell), "stopped");
        }
    }
}
