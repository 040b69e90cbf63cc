namespace Actors;

internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchInternal(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchInternal(subject, message);
    }

    private IActorRef WatchInternal(IActorRef subject, object? custom)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject = Unwrap(subject);
        if (subject is not InternalActorRef target || ReferenceEquals(subject, Self))
        {
            return subject;
        }

        Dictionary<IActorRef, object?> watching = Extras.Watching ??= new Dictionary<IActorRef, object?>(ReferenceEqualityComparer.Instance);
        if (watching.TryGetValue(subject, out object? existing))
        {
            if (!Equals(existing, custom))
            {
                throw new IllegalActorStateException(
                    $"Watch({subject}) with a different termination message than the earlier Watch; Unwatch first.");
            }

            return subject;
        }

        watching[subject] = custom;
        target.SendSystemMessage(new Watch(target, Self));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject = Unwrap(subject);
        if (_extras?.Watching is { } watching && watching.Remove(subject) && subject is InternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }

        _extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    internal static IActorRef Unwrap(IActorRef actor) => actor is IWrappedActorRef wrapped ? wrapped.Underlying : actor;

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, Self) || ReferenceEquals(watcher, _parent))
        {
            return;
        }

        if (IsTerminated)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            return;
        }

        (Extras.WatchedBy ??= new HashSet<InternalActorRef>(ReferenceEqualityComparer.Instance)).Add(watcher);
    }

    private void RemoveWatcher(InternalActorRef watcher) => _extras?.WatchedBy?.Remove(watcher);

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        IActorRef actor = notification.Actor;
        if (_extras?.Watching is { } watching && watching.Remove(actor, out object? custom) && !IsTerminating)
        {
            (Extras.TerminatedQueued ??= new Dictionary<IActorRef, object?>(ReferenceEqualityComparer.Instance))[actor] = custom;
            if (!_mailbox.Enqueue(new Terminated(actor, notification.ExistenceConfirmed, AddressTerminated: false), actor))
            {
                Extras.TerminatedQueued!.Remove(actor);
            }
        }

        HandleChildTerminated(actor);
    }

    private void ReceiveTerminated(Terminated terminated)
    {
        if (_extras?.TerminatedQueued is { } queued && queued.Remove(terminated.ActorRef, out object? custom))
        {
            ReceiveMessage(custom ?? terminated);
        }
    }

    private void NotifyWatchersAndUnwatchAll()
    {
        if (_extras is null)
        {
            return;
        }

        if (_extras.WatchedBy is { } watchers)
        {
            foreach (InternalActorRef watcher in watchers)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            }

            watchers.Clear();
        }

        if (_extras.Watching is { } watching)
        {
            foreach (IActorRef subject in watching.Keys)
            {
                if (subject is InternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, Self));
                }
            }

            watching.Clear();
        }
    }
}
