namespace Actors;

/// <summary>
/// One worker thread's next slot: the mailbox its current turn woke, to run right after that turn (see
/// <see cref="ThreadPoolDispatcher"/>), and the process-wide rescuer that empties slots whose worker is stuck.
/// </summary>
/// <remarks>
/// <para>A mailbox in a slot is scheduled (its scheduled bit is set) but in no pool queue, so no other worker can run
/// it. If the turn that put it there blocks or runs long, it would wait for that turn to end. The rescuer, a real-time
/// timer (not the system's <see cref="TimeProvider"/>: this is dispatch, not a user-visible delay), looks at every
/// slot each <see cref="RescueTick"/>; a mailbox it sees in the same slot at two consecutive ticks goes to the pool's
/// global queue. The timer runs only while slots are in use and stops after a second without any.</para>
/// <para>Ownership: the slot changes only by atomic exchange or compare-and-swap, so exactly one of the worker's
/// <see cref="Take"/> (an exchange), its next <see cref="Put"/> (which displaces the occupant into the pool) and the rescuer obtains
/// each occupant, and a scheduled mailbox is queued or run exactly once.</para>
/// </remarks>
internal sealed class NextSlot
{
    /// <summary>How often the rescuer looks at the slots.</summary>
    public static readonly TimeSpan RescueTick = TimeSpan.FromMilliseconds(10);

    private const int StateStopped = 0;
    private const int StateRunning = 1;
    private const int IdleTicksBeforeStop = 100;

    private static readonly Lock s_lock = new();
    private static NextSlot[] s_slots = [];
    private static Timer? s_timer;
    private static int s_state;
    private static int s_idleTicks;

    private readonly Thread _owner;
    private Mailbox? _mailbox;
    private Mailbox? _seenAtLastTick;

    private NextSlot(Thread owner) => _owner = owner;

    /// <summary>Whether the owner is running turns (between <see cref="ThreadPoolDispatcher.EnterChain"/> and
    /// <see cref="LeaveChain"/>): only then may sends fill the slot. Owner thread only.</summary>
    public bool Chaining { get; set; }

    /// <summary>Marks the end of a run of turns; the slot is empty by then (the last take found it so).</summary>
    public void LeaveChain() => Chaining = false;

    /// <summary>Creates and registers the calling thread's slot.</summary>
    public static NextSlot ForCurrentThread()
    {
        var slot = new NextSlot(Thread.CurrentThread);
        lock (s_lock)
        {
            s_slots = [.. s_slots.Where(s => s._owner.IsAlive || Volatile.Read(ref s._mailbox) is not null), slot];
        }

        return slot;
    }

    /// <summary>Puts a mailbox in the slot; returns the one it displaced, which the caller must queue.</summary>
    public Mailbox? Put(Mailbox mailbox)
    {
        // Only the owner ever stores a mailbox; the rescuer only clears. So an empty slot stays empty until this
        // store, and a plain store is enough; a full one must be exchanged, as the rescuer may be taking it.
        Mailbox? previous = null;
        if (Volatile.Read(ref _mailbox) is null)
        {
            Volatile.Write(ref _mailbox, mailbox);
        }
        else
        {
            previous = Interlocked.Exchange(ref _mailbox, mailbox);
        }

        if (Volatile.Read(ref s_state) == StateStopped)
        {
            StartRescuer();
        }

        return previous;
    }

    /// <summary>Empties the slot; returns its mailbox, which the caller must run or queue.</summary>
    public Mailbox? Take() => Volatile.Read(ref _mailbox) is null ? null : Interlocked.Exchange(ref _mailbox, null);

    private static void StartRescuer()
    {
        lock (s_lock)
        {
            if (s_state == StateRunning)
            {
                return;
            }

            s_idleTicks = 0;
            Volatile.Write(ref s_state, StateRunning);
            s_timer ??= new Timer(static _ => Rescue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            s_timer.Change(RescueTick, RescueTick);
        }
    }

    private static void Rescue()
    {
        bool any = RescueStuck();
        lock (s_lock)
        {
            if (any)
            {
                s_idleTicks = 0;
                return;
            }

            if (++s_idleTicks < IdleTicksBeforeStop || s_state != StateRunning)
            {
                return;
            }

            // Stop, then look again: a Put that read "running" just before the stop has filled a slot by now, or
            // its own read of the state comes after this write and restarts the timer.
            Volatile.Write(ref s_state, StateStopped);
            s_timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        if (RescueStuck())
        {
            StartRescuer();
        }
    }

    /// <summary>Queues every mailbox that sat in the same slot since the last tick; returns whether any slot was full.</summary>
    private static bool RescueStuck()
    {
        bool any = false;
        foreach (NextSlot slot in Volatile.Read(ref s_slots))
        {
            Mailbox? occupant = Volatile.Read(ref slot._mailbox);
            if (occupant is null)
            {
                slot._seenAtLastTick = null;
                continue;
            }

            any = true;
            if (!ReferenceEquals(occupant, slot._seenAtLastTick))
            {
                slot._seenAtLastTick = occupant;
                continue;
            }

            slot._seenAtLastTick = null;
            if (ReferenceEquals(Interlocked.CompareExchange(ref slot._mailbox, null, occupant), occupant))
            {
                ThreadPoolDispatcher.Queue(occupant, preferLocal: false);
            }
        }

        return any;
    }
}
