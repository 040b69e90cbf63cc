using Actors.Resilience.Supervision;
using Actors.Resilience.Memory;

namespace Actors.Resilience.Units;

/// <summary>
/// The region of one unit kind at <c>/user/units/&lt;kind&gt;</c>: creates one <see cref="UnitInstance"/> per id on
/// its first message, routes <see cref="UnitEnvelope"/>s to it by id (and opens the id's <see cref="UnitRoute"/>, so
/// senders reach a running worker without it), passivates instances idle for
/// <see cref="UnitKindOptions.PassivateAfter"/>, and answers the operations on its instances. While the memory guard's
/// emergency is in force it refuses messages that would create an instance with <see cref="Overloaded"/>. Messages for
/// an instance that is stopping are held and delivered to its next incarnation.
/// </summary>
internal sealed class UnitRegion : UntypedActor, IWithTimers
{
    private static readonly object s_passivateKey = "passivate";
    private static readonly object s_reportKey = "report";

    private readonly UnitKindOptions _options;
    // The default comparer (ordinal) hashes short strings without randomization until it sees collisions: cheaper
    // on the per-message path than an explicit StringComparer.Ordinal.
    private readonly Dictionary<string, Entry> _entries = new();
    private readonly Dictionary<IActorRef, string> _byRef = new();
    private Overloaded? _overloaded;
    private long _routed;

    private readonly Metrics.BufferedCount _buffered;
    private readonly UnitRoutes _routes;

    public UnitRegion(UnitKindOptions options, Metrics.BufferedCount buffered, UnitRoutes routes)
    {
        _options = options;
        _buffered = buffered;
        _routes = routes;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props Props(UnitKindOptions options, Metrics.BufferedCount buffered, UnitRoutes routes) => Akka.Actor.Props.Create(() => new UnitRegion(options, buffered, routes));

    /// <summary>Instances restart themselves; a failure of the instance actor itself stops it (its next message creates it anew).</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new UnitRegionStrategy(OnInstanceTerminated);

    /// <summary>A switch rather than ReceiveActor handlers: every unit message passes here.</summary>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RoutedMessage r:
                lock (r.Route)
                {
                    r.Route.InRegion--;
                }

                if (Route(r.Message.Id, r.Message.Message, r.Message) is { } routed)
                {
                    TryOpen(routed);
                }

                break;
            case UnitMessage m:
                Route(m.Id, m.Message, m);
                break;
            case UnitEnvelope e:
                Route(e.Id, e.Message, e);
                break;
            case HandedBack h:
                if (_entries.TryGetValue(h.Id, out Entry? returning) && returning.Stopping)
                {
                    // Older than whatever reached the region since the instance began to stop: it goes first.
                    (returning.Returned ??= new()).Add((h, Sender));
                }
                else
                {
                    Route(h.Id, h.Message, h);
                }

                break;
            case InstanceGone gone:
                OnInstanceGone(gone);
                break;
            case DirectGrant grant:
                if (_entries.TryGetValue(grant.Id, out Entry? granting) && Sender.Equals(granting.Ref) && !granting.Stopping)
                {
                    // Hold new messages until the instance has passed on everything forwarded to it so far.
                    EndDirect(granting);
                    granting.Handshake = grant.Grant;
                    granting.Candidate = grant.Worker;
                    granting.Held = null;
                    granting.Ref.Tell(new DirectProbe(grant.Grant), Self);
                }

                break;
            case DirectConfirm confirm:
                if (_entries.TryGetValue(confirm.Id, out Entry? confirming) && Sender.Equals(confirming.Ref) && confirming.Handshake == confirm.Grant)
                {
                    confirming.Handshake = 0;
                    if (confirm.Stands && !confirming.Stopping)
                    {
                        confirming.Direct = confirming.Candidate;
                        confirming.DirectQueue = confirming.Direct is null ? null : WorkerMessageQueue.Of(confirming.Direct);
                    }

                    confirming.Candidate = null;
                    FlushHeld(confirming);
                    TryOpen(confirming);
                }

                break;
            case DirectRevoke revoke:
                if (_entries.TryGetValue(revoke.Id, out Entry? revoking) && Sender.Equals(revoking.Ref))
                {
                    EndDirect(revoking);
                }

                Sender.Tell(new DirectRevoked(revoke.Grant), Self);
                break;
            case UnitStopRequest request:
                if (_entries.TryGetValue(request.Id, out Entry? requester) && Sender.Equals(requester.Ref) && !requester.Stopping)
                {
                    Stop(requester, request.Reason);
                }

                break;
            case UnitStateChanged c:
                if (_entries.TryGetValue(c.Id, out Entry? changed) && Sender.Equals(changed.Ref))
                {
                    changed.State = c.State;

                    // An instance that stops by itself (gave up, worker stopped) sends back what it still receives:
                    // hold it for the next incarnation instead of routing it there again.
                    if (c.State == UnitState.Stopped)
                    {
                        EndDirect(changed);
                        changed.Stopping = true;
                    }
                }

                break;
            case PassivateTick:
                Passivate(_options.PassivateAfter!.Value, keepRecovering: true);
                break;
            case PassivateIdleUnits p:
                Sender.Tell(new UnitsAffected(Passivate(p.IdleFor, keepRecovering: false)));
                break;
            case StopNonCriticalUnits or HeldStop:
                try
                {
                    Sender.Tell(new UnitsAffected(_options.Critical ? 0 : StopAll("memory emergency")));
                }
                finally
                {
                    if (message is HeldStop)
                    {
                        _routes.Release(); // the units guardian held the routes before it sent this
                    }
                }

                break;
            case ReportTick:
                foreach (Entry e in _entries.Values)
                {
                    CountSent(e);
                }

                if (_routed > 0)
                {
                    Context.System.EventStream.Publish(new UnitLoadReport(_options.Kind, _routed));
                    _routed = 0;
                }

                break;
            case MemoryStatus status:
                if (status.Overloaded && _overloaded is null)
                {
                    // The guard's next MemoryPressureChanged carries its own retry hint; until then, its default sample interval.
                    _overloaded = new Overloaded($"memory emergency: new '{_options.Kind}' instances are refused", TimeSpan.FromSeconds(10));
                }

                break;
            case MemoryPressureChanged pressure:
                _overloaded = pressure.Overloaded
                    ? new Overloaded($"memory emergency: new '{_options.Kind}' instances are refused", pressure.RetryAfter)
                    : null;
                break;
            case GetUnitInstance q:
                ForwardToLive(q.Id, q);
                break;
            case ResetUnitBreaker q:
                ForwardToLive(q.Id, q);
                break;
            case GetUnitBreaker q:
                ForwardToLive(q.Id, q);
                break;
            case InjectWorkerFailure q:
                ForwardToLive(q.Id, q);
                break;
            case ListUnitInstances:
                Sender.Tell(List());
                break;
            case ResetAllUnitBreakers:
                int count = 0;
                foreach (Entry e in _entries.Values)
                {
                    if (!e.Stopping)
                    {
                        e.Ref.Tell(new ResetUnitBreaker(e.Id), ActorRefs.NoSender);
                        count++;
                    }
                }

                Sender.Tell(new UnitsAffected(count));
                break;
            case StopUnitInstance q:
                bool live = _entries.TryGetValue(q.Id, out Entry? target) && !target.Stopping;
                if (live)
                {
                    Stop(target!, "stopped by an operator");
                }

                Sender.Tell(new UnitsAffected(live ? 1 : 0));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<MemoryPressureChanged>(Self);

        // A kind registered during a memory emergency must refuse new instances too: ask the guard where it stands.
        Context.ActorSelection("/user/memory").Tell(GetMemoryStatus.Instance, Self);
        if (_options.PassivateAfter is { } idle)
        {
            TimeSpan every = idle / 2 > TimeSpan.FromSeconds(1) ? idle / 2 : TimeSpan.FromSeconds(1);
            Timers.StartPeriodicTimer(s_passivateKey, PassivateTick.Instance, every);
        }

        Timers.StartPeriodicTimer(s_reportKey, ReportTick.Instance, _options.LoadReportInterval);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <summary>
    /// Routes a <see cref="UnitMessage"/> or <see cref="UnitEnvelope"/> (the instance accepts both) to its instance, and
    /// returns the instance's entry (<see langword="null"/> when the message was refused).
    /// </summary>
    private Entry? Route(string? id, object? message, object envelope)
    {
        if (string.IsNullOrEmpty(id) || message is null)
        {
            // Refused with a typed failure (an Ask fails with it); the region and its instances carry on.
            Sender.Tell(new Status.Failure(new ArgumentException($"A message for unit kind '{_options.Kind}' needs a non-empty id and a message (id: {(id is null ? "null" : "\"" + id + "\"")}, message: {(message is null ? "null" : message.GetType().Name)}).")));
            return null;
        }

        if (_entries.TryGetValue(id, out Entry? entry))
        {
            if (entry.Stopping)
            {
                (entry.Pending ??= new()).Add((envelope, Sender));
                return entry;
            }
        }
        else
        {
            if (_overloaded is { } refusal)
            {
                Sender.Tell(refusal);
                _routes.RetireIfIdle(id); // a refused id keeps no route
                return null;
            }

            entry = Create(id, Now);
            entry.SeenRouted++; // the message that created it is not "activity since"
        }

        // No clock read per message: activity is the count moving between two looks (see Observe).
        entry.Routed++;
        _routed++;
        if (entry.Direct is { } worker && !IsEnded(worker))
        {
            WorkerMessageQueue.Send(worker, entry.DirectQueue, message, Sender);
        }
        else if (entry.Handshake != 0)
        {
            (entry.Held ??= new()).Add((envelope, Sender));
        }
        else
        {
            entry.Ref.Forward(envelope);
        }

        return entry;
    }

    /// <summary>
    /// Opens the entry's route to its worker (see <see cref="UnitRoute"/>) when the region itself sends to it straight
    /// and the route is closed; the route opens only once nothing counted into the region is on its way.
    /// </summary>
    private void TryOpen(Entry entry)
    {
        // A worker with a mailbox of its own (no WorkerMessageQueue) is sent to by the region only: a sender would have
        // to Tell it inside the route's lock, and a bounded mailbox can block there.
        if (entry is { Direct: { } worker, DirectQueue: { } queue, Handshake: 0, Stopping: false } && entry.Route.Worker is null && !IsEnded(worker))
        {
            _routes.TryOpen(entry.Route, worker, queue);
        }
    }

    /// <summary>Adds what senders put straight into the entry's worker since the last count to the load report.</summary>
    private void CountSent(Entry entry)
    {
        long sent = Volatile.Read(ref entry.Route.Sent);
        _routed += sent - entry.ReportedSent;
        entry.ReportedSent = sent;
    }

    /// <summary>The message a <see cref="UnitMessage"/>, <see cref="UnitEnvelope"/> or <see cref="HandedBack"/> carries.</summary>
    private static object Payload(object envelope) => envelope switch
    {
        UnitMessage m => m.Message,
        UnitEnvelope e => e.Message,
        HandedBack h => h.Message,
        _ => envelope,
    };

    /// <summary>
    /// Whether a worker has stopped (its mailbox is closed): read before each message sent straight to it, so the
    /// moment between a worker stopping itself and its instance's revocation costs no request.
    /// </summary>
    internal static bool IsEnded(IActorRef worker) => worker is ActorRefWithCell { Underlying.IsTerminated: true };

    /// <summary>Routes through the instance again: an unfinished handshake's held messages go to the instance, in order.</summary>
    private static void EndDirect(Entry entry)
    {
        UnitRoutes.Close(entry.Route);
        entry.Direct = null;
        entry.DirectQueue = null;
        entry.Candidate = null;
        entry.Handshake = 0;
        FlushHeld(entry);
    }

    /// <summary>Sends the messages held during a handshake: straight to the worker when it was confirmed, else through the instance.</summary>
    private static void FlushHeld(Entry entry)
    {
        if (entry.Held is not { } held)
        {
            return;
        }

        entry.Held = null;
        foreach (var (envelope, sender) in held)
        {
            if (entry.Direct is { } worker)
            {
                WorkerMessageQueue.Send(worker, entry.DirectQueue, Payload(envelope), sender);
            }
            else
            {
                entry.Ref.Tell(envelope, sender);
            }
        }
    }

    /// <summary>
    /// Brings an entry's last activity up to <paramref name="now"/> if it received messages since the last look.
    /// Activity is seen at the region's looks (its passivation checks, every half of passivate-after, and listings),
    /// so an instance is passivated after being idle for passivate-after plus at most one check period.
    /// </summary>
    private static void Observe(Entry entry, DateTimeOffset now)
    {
        long routed = entry.Routed + Volatile.Read(ref entry.Route.Sent);
        if (routed != entry.SeenRouted)
        {
            entry.SeenRouted = routed;
            entry.LastActivity = now;
        }
    }

    private Entry Create(string id, DateTimeOffset now)
    {
        IActorRef child = Context.ActorOf(UnitInstance.Props(_options.Kind, id, _options, _buffered), UnitAddress.ToActorName(id));
        UnitRoute route = _routes.Attach(id);
        long sent = Volatile.Read(ref route.Sent);
        var entry = new Entry(id, child, now, route) { LastActivity = now, SeenRouted = sent, ReportedSent = sent };
        _entries[id] = entry;
        _byRef[child] = id;
        return entry;
    }

    /// <summary>
    /// An instance has terminated (the strategy's callback, on a system message). What it handed back before it died
    /// may still be queued here, behind this news: the entry stays, stopping, until <see cref="InstanceGone"/>, queued
    /// now, comes after those hand-backs.
    /// </summary>
    private void OnInstanceTerminated(IActorRef instance)
    {
        if (!_byRef.Remove(instance, out string? id) || !_entries.TryGetValue(id, out Entry? entry))
        {
            return;
        }

        if (entry.Held is { Count: > 0 } held)
        {
            // A handshake was under way when the instance died: what was held waits for the next incarnation too.
            (entry.Pending ??= new()).AddRange(held);
            entry.Held = null;
        }

        UnitRoutes.Close(entry.Route);
        entry.Direct = null;
        entry.DirectQueue = null;
        entry.Candidate = null;
        entry.Handshake = 0;
        entry.Stopping = true;
        Self.Tell(new InstanceGone(id, instance));
    }

    /// <summary>
    /// Sends what waited for the next incarnation to a new one: first what the old one handed back, in order, then what
    /// reached the region after it began to stop (newer than anything it held).
    /// </summary>
    private void OnInstanceGone(InstanceGone gone)
    {
        if (!_entries.TryGetValue(gone.Id, out Entry? entry) || !entry.Ref.Equals(gone.Instance))
        {
            return;
        }

        _entries.Remove(gone.Id);
        CountSent(entry);
        var waiting = new List<(object Message, IActorRef Sender)>();
        waiting.AddRange(entry.Returned ?? []);
        waiting.AddRange(entry.Pending ?? []);
        if (waiting.Count > 0 && _overloaded is { } refusal)
        {
            // The memory emergency stopped it: messages that waited for its next incarnation are refused like any new work.
            foreach (var (_, sender) in waiting)
            {
                sender.Tell(refusal);
            }

            _routes.RetireIfIdle(gone.Id, entry.Route);
        }
        else if (waiting.Count > 0)
        {
            Entry next = Create(gone.Id, Now);
            foreach (var (message, sender) in waiting)
            {
                _routed++;
                next.Ref.Tell(message, sender);
            }
        }
        else
        {
            _routes.RetireIfIdle(gone.Id, entry.Route);
        }
    }

    private void ForwardToLive(string id, object query)
    {
        if (_entries.TryGetValue(id, out Entry? e) && !e.Stopping)
        {
            e.Ref.Forward(query);
        }
        else
        {
            Sender.Tell(new UnitNotFound(_options.Kind, id));
        }
    }

    /// <summary>
    /// Stops instances idle for <paramref name="idleFor"/>. Routine passivation keeps instances that are backing off or
    /// have an open circuit (<paramref name="keepRecovering"/>): stopping them would forget their breaker and retry
    /// count, and the next message would hammer the failing dependency again. Memory cleanup does not keep them.
    /// </summary>
    private int Passivate(TimeSpan idleFor, bool keepRecovering)
    {
        DateTimeOffset now = Now;
        DateTimeOffset horizon = now - idleFor;
        int count = 0;
        foreach (Entry e in _entries.Values)
        {
            Observe(e, now);
            if (!e.Stopping && e.LastActivity <= horizon && !(keepRecovering && e.State is UnitState.BackingOff or UnitState.CircuitOpen))
            {
                Stop(e, "passivated");
                count++;
            }
        }

        return count;
    }

    private int StopAll(string reason)
    {
        int count = 0;
        foreach (Entry e in _entries.Values)
        {
            if (!e.Stopping)
            {
                Stop(e, reason);
                count++;
            }
        }

        return count;
    }

    private static void Stop(Entry entry, string reason)
    {
        // Everything sent straight to the worker, or held, reaches it (or its mailbox) before the stop does.
        EndDirect(entry);
        entry.Stopping = true;
        entry.Ref.Tell(new StopUnit(reason), ActorRefs.NoSender);
    }

    private UnitInstanceList List()
    {
        DateTimeOffset now = Now;
        var list = new List<UnitInstanceSummary>(_entries.Count);
        foreach (Entry e in _entries.Values)
        {
            if (!e.Stopping)
            {
                Observe(e, now);
                list.Add(new UnitInstanceSummary(e.Id, e.State, e.Created, e.LastActivity));
            }
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new UnitInstanceList(_options.Kind, list);
    }

    private sealed class Entry(string id, IActorRef @ref, DateTimeOffset created, UnitRoute route)
    {
        /// <summary>Messages the region routed to this incarnation.</summary>
        public long Routed { get; set; }

        /// <summary><see cref="Routed"/> plus the route's <see cref="UnitRoute.Sent"/> at the last look (<see cref="Observe"/>).</summary>
        public long SeenRouted { get; set; }

        /// <summary>The route's <see cref="UnitRoute.Sent"/> when the load report last counted it.</summary>
        public long ReportedSent { get; set; }

        /// <summary>The id's route, shared with its senders.</summary>
        public UnitRoute Route { get; } = route;

        /// <summary>When activity was last seen.</summary>
        public DateTimeOffset LastActivity { get; set; }

        public string Id { get; } = id;

        public IActorRef Ref { get; } = @ref;

        public DateTimeOffset Created { get; } = created;

        public UnitState State { get; set; } = UnitState.Starting;

        public bool Stopping { get; set; }

        /// <summary>The running worker, while the instance lets the region send to it straight (see <see cref="DirectGrant"/>).</summary>
        public IActorRef? Direct { get; set; }

        /// <summary>The queue of <see cref="Direct"/>'s mailbox, when it is a <see cref="WorkerMessageQueue"/>.</summary>
        public WorkerMessageQueue? DirectQueue { get; set; }

        /// <summary>The grant being confirmed (0 when none): new messages are held meanwhile.</summary>
        public int Handshake { get; set; }

        /// <summary>The worker of the grant being confirmed.</summary>
        public IActorRef? Candidate { get; set; }

        /// <summary>Messages held while a grant is being confirmed, in arrival order.</summary>
        public List<(object Envelope, IActorRef Sender)>? Held { get; set; }

        /// <summary>Messages that arrived while the instance was stopping; created on the first.</summary>
        public List<(object Message, IActorRef Sender)>? Pending { get; set; }

        /// <summary>Messages the stopping instance handed back (older than <see cref="Pending"/>); created on the first.</summary>
        public List<(object Message, IActorRef Sender)>? Returned { get; set; }
    }

    /// <summary>An instance's termination, handled after the hand-backs queued before it.</summary>
    private sealed record InstanceGone(string Id, IActorRef Instance);

    private sealed class PassivateTick
    {
        public static PassivateTick Instance { get; } = new();
    }

    private sealed class ReportTick
    {
        public static ReportTick Instance { get; } = new();
    }
}
