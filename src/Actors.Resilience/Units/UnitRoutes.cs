using System.Collections.Concurrent;

namespace Actors.Resilience.Units;

/// <summary>
/// The routes to the instances of one kind (see <see cref="UnitRoute"/>), and its region: what
/// <see cref="ResilienceRuntime.Tell"/> and the units guardian send through, from any thread.
/// </summary>
internal sealed class UnitRoutes
{
    private static readonly Func<string, UnitRoute> s_create = static _ => new UnitRoute();

    // The default comparer (ordinal) hashes short strings without randomization until it sees collisions.
    private readonly ConcurrentDictionary<string, UnitRoute> _routes = new();
    private int _holds;

    /// <summary>The kind's region; set by the units guardian before anyone else sees this.</summary>
    public IActorRef Region { get; set; } = ActorRefs.Nobody;

    /// <summary>
    /// Sends <paramref name="message"/> (whose id is not empty) straight to its worker when the route is open, else
    /// counted through the region; the reply goes to <paramref name="sender"/>.
    /// </summary>
    public void Send(UnitMessage message, IActorRef? sender)
    {
        while (true)
        {
            UnitRoute route = _routes.GetOrAdd(message.Id, s_create);
            IActorRef? straight = null;
            lock (route)
            {
                if (route.Retired)
                {
                    // The region is removing it: take it out ourselves (rather than spin until it has), then the id's
                    // current route.
                    _routes.TryRemove(new KeyValuePair<string, UnitRoute>(message.Id, route));
                    continue;
                }

                if (route is { Worker: { } worker, Queue: { IsClosed: false } queue })
                {
                    // Queued inside the lock: once the region has closed the route, nothing more reaches this worker
                    // from here. No sender: the worker sees dead letters, as Akka has it.
                    route.Sent++;
                    queue.Put(worker, message.Message, sender!);
                    straight = worker;
                }
                else
                {
                    route.InRegion++;
                }
            }

            // Outside the lock: waking the worker may run it on this thread (a calling-thread dispatcher).
            if (straight is not null)
            {
                WorkerMessageQueue.Wake(straight);
            }
            else
            {
                Region.Tell(new RoutedMessage(route, message), sender);
            }

            return;
        }
    }

    /// <summary>The route of <paramref name="id"/>, created if there is none (the region's, when it creates an instance).</summary>
    public UnitRoute Attach(string id) => _routes.GetOrAdd(id, s_create);

    /// <summary>
    /// Opens <paramref name="route"/> to <paramref name="worker"/> when nothing counted into the region is on its way and
    /// no <see cref="Hold"/> is in force.
    /// </summary>
    public void TryOpen(UnitRoute route, IActorRef worker, WorkerMessageQueue queue)
    {
        lock (route)
        {
            // The hold is read inside the lock: a Hold that closed this route before has been counted by now.
            if (route.InRegion == 0 && !route.Retired && Volatile.Read(ref _holds) == 0)
            {
                route.Worker = worker;
                route.Queue = queue;
            }
        }
    }

    /// <summary>
    /// Closes every route and keeps them closed until <see cref="Release"/>: what is sent from now on goes through the
    /// region, behind the message the caller is about to send it (the memory guard's emergency stop), so a sender who
    /// saw the emergency done does not reach a worker it stops.
    /// </summary>
    public void Hold()
    {
        Interlocked.Increment(ref _holds);
        foreach (UnitRoute route in _routes.Values)
        {
            Close(route);
        }
    }

    /// <summary>Ends a <see cref="Hold"/> (the region, once it has handled the message behind which it held): routes may open again.</summary>
    public void Release() => Interlocked.Decrement(ref _holds);

    /// <summary>Closes <paramref name="route"/>: once this returns, no sender puts anything into the worker's mailbox.</summary>
    public static void Close(UnitRoute route)
    {
        lock (route)
        {
            route.Worker = null;
            route.Queue = null;
        }
    }

    /// <summary>
    /// Retires <paramref name="route"/>, the route of <paramref name="id"/> (the region forgot the id), unless a message
    /// counted into it is still on its way: that message keeps it (it is routed by its id when it arrives, on this same
    /// route, or refused and then retired). Retiring it under such a message would let the sender's next message open
    /// a new route and overtake it.
    /// </summary>
    public void RetireIfIdle(string id, UnitRoute route)
    {
        lock (route)
        {
            if (route.InRegion != 0)
            {
                return;
            }

            Retire(route);
        }

        _routes.TryRemove(new KeyValuePair<string, UnitRoute>(id, route));
    }

    /// <summary>
    /// Retires the route of an id that has no instance (its messages were refused), unless a message counted into it
    /// is still on its way: that one retires it when it is refused in turn.
    /// </summary>
    public void RetireIfIdle(string id)
    {
        if (_routes.TryGetValue(id, out UnitRoute? route))
        {
            RetireIfIdle(id, route);
        }
    }

    private static void Retire(UnitRoute route)
    {
        route.Retired = true;
        route.Worker = null;
        route.Queue = null;
    }

    /// <summary>How many ids have a route (for tests: refused ids must not leave routes behind).</summary>
    public int Count => _routes.Count;

    /// <summary>Whether the route of <paramref name="id"/> is open (for tests).</summary>
    public bool IsOpen(string id)
    {
        if (!_routes.TryGetValue(id, out UnitRoute? route))
        {
            return false;
        }

        lock (route)
        {
            return route.Worker is not null;
        }
    }
}
