namespace Actors;

internal sealed partial class ActorCell
{
    private ChildrenContainer ChildrenContainerOrCreate
    {
        get
        {
            ChildrenContainer? c = Volatile.Read(ref _children);
            if (c is not null)
            {
                return c;
            }

            Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
            return _children!;
        }
    }

    public IEnumerable<IActorRef> Children => ChildrenSnapshot();

    public bool HasChildren
    {
        get
        {
            ChildrenContainer? c = Volatile.Read(ref _children);
            if (c is null)
            {
                return false;
            }

            lock (c.Gate)
            {
                return c.Count > 0;
            }
        }
    }

    private bool HasStoppingChildren
    {
        get
        {
            ChildrenContainer? c = Volatile.Read(ref _children);
            if (c is null)
            {
                return false;
            }

            lock (c.Gate)
            {
                foreach (ActorCell child in c.Cells)
                {
                    if (child._stopRequestedByParent)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>A snapshot of the live children. Any thread.</summary>
    public List<InternalActorRef> ChildrenSnapshot() => LiveChildren(static (child, _) => (InternalActorRef)child.Self);

    public IActorRef? Child(string name)
    {
        ChildrenContainer? c = Volatile.Read(ref _children);
        if (c is null)
        {
            return null;
        }

        lock (c.Gate)
        {
            return c.TryGetCell(name, out ActorCell? child) ? child.Self : null;
        }
    }

    IActorRef IActorContext.Child(string name) => Child(name) ?? ActorRefs.Nobody;

    private ChildRestartStats? GetChildStats(InternalActorRef child)
    {
        ChildrenContainer? c = Volatile.Read(ref _children);
        if (c is null)
        {
            return null;
        }

        lock (c.Gate)
        {
            return c.TryGetCell(child, out ActorCell? cell) ? c.StatsOf(cell) : null;
        }
    }

    /// <summary>The stats of every live child; only all-for-one strategies need them.</summary>
    internal List<ChildRestartStats> AllChildStats() => LiveChildren(static (child, c) => c.StatsOf(child));

    /// <summary>Collects one item per live (not stopping) child, under the children's lock. Any thread.</summary>
    private List<T> LiveChildren<T>(Func<ActorCell, ChildrenContainer, T> select)
    {
        var list = new List<T>();
        ChildrenContainer? c = Volatile.Read(ref _children);
        if (c is null)
        {
            return list;
        }

        lock (c.Gate)
        {
            foreach (ActorCell child in c.Cells)
            {
                if (!child._stopRequestedByParent)
                {
                    list.Add(select(child, c));
                }
            }
        }

        return list;
    }

    /// <summary>Creates, registers and starts a child. Own turn, or any thread for guardians.</summary>
    internal InternalActorRef MakeChild(Props props, string? name, bool systemService)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null && !ActorPath.IsValidName(name))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name [{name}]: a name must not be empty, must not start with '$', and may contain only letters, digits and -_:@&=+,.!~*';$%.");
        }

        if (IsTerminating)
        {
            throw new InvalidActorNameException($"Cannot create child [{name ?? "(unnamed)"}]: {Self.Path} is stopping.");
        }

        long uid = NextUid();
        ChildrenContainer container = ChildrenContainerOrCreate;

        // Akka numbers generated names from 0: the first unnamed child is "$a". The name string is made only if asked.
        ChildActorPath path = name is null
            ? new ChildActorPath(Self.Path, Interlocked.Increment(ref container.NameCounter) - 1, uid)
            : new ChildActorPath(Self.Path, name, uid);
        ActorCell cell = _system.CreateCell(path, props, Self);
        lock (container.Gate)
        {
            if (!container.TryAdd(cell))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique: {Self.Path} already has a child of that name.");
            }
        }

        cell.Start();
        return cell.Self;
    }

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        child = Unwrap(child);
        if (ReferenceEquals(child, Self))
        {
            StopSelf();
            return;
        }

        if (Volatile.Read(ref _children) is { } c)
        {
            lock (c.Gate)
            {
                if (c.TryGetCell(child, out ActorCell? cell))
                {
                    cell._stopRequestedByParent = true;
                }
            }
        }

        if (child is InternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>Stops a child as the supervisor's decision.</summary>
    internal void StopChild(IActorRef child) => Stop(child);

    private void StopAllChildren()
    {
        ChildrenContainer? c = Volatile.Read(ref _children);
        if (c is null)
        {
            return;
        }

        List<InternalActorRef> toStop = new();
        lock (c.Gate)
        {
            foreach (ActorCell child in c.Cells)
            {
                child._stopRequestedByParent = true;
                toStop.Add(child.Self);
            }
        }

        foreach (InternalActorRef child in toStop)
        {
            child.SendSystemMessage(new Terminate());
        }
    }

    private bool RemoveChild(IActorRef child)
    {
        ChildrenContainer? c = Volatile.Read(ref _children);
        if (c is null)
        {
            return false;
        }

        lock (c.Gate)
        {
            if (c.TryGetCell(child, out ActorCell? cell))
            {
                c.Remove(cell);
                return true;
            }

            return false;
        }
    }

    private void HandleChildTerminated(IActorRef child)
    {
        if (!RemoveChild(child))
        {
            return;
        }

        if (IsTerminating)
        {
            if (!HasChildren)
            {
                FinishTerminate();
            }

            return;
        }

        if ((_state & CellState.Recreating) != 0 && !HasStoppingChildren)
        {
            FinishRecreate(_extras!.PendingRecreateCause!);
        }
    }
}
