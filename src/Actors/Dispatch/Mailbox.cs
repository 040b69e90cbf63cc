namespace Actors;

/// <summary>
/// An actor's mailbox and its unit of scheduling: the mailbox itself is the thread-pool work item.
/// </summary>
/// <remarks>
/// Concurrency invariants:
/// <list type="bullet">
/// <item>All state lives in <see cref="_status"/>: bit 0 = scheduled, bit 1 = closed, bit 2 = unstashed messages
/// waiting, bits 3.. = suspend count. It changes only by atomic read-modify-write: compare-and-swap, interlocked add
/// for suspension, interlocked or/and for the unstashed bit.</item>
/// <item>Any thread may enqueue (user or system). Exactly one thread runs <see cref="Execute"/> at a time: the one
/// that won the CAS that set the scheduled bit.</item>
/// <item>User messages go into an <see cref="EnvelopeQueue"/>: many producers, exactly one consumer (the thread
/// running the turn), which dequeues without interlocked operations. The queue is created on the first send, so an
/// idle actor carries no queue.</item>
/// <item>Producers enqueue (publish) first, then try to schedule; the consumer clears the scheduled bit first, then
/// re-checks both queues, so no wake-up is lost. The re-check counts a slot a producer has reserved (by CAS, a full
/// fence) but not yet published as a message: the producer's publishing write is only a release store, which its
/// following read of the status may overtake, so neither side could otherwise be sure to see the other. A turn that
/// finds the head slot reserved but unpublished ends and is rescheduled until the slot is published.</item>
/// <item>Closing (on the mailbox's own turn, hence by the one consumer) sets the closed bit, then closes the queue
/// (installing the shared closed queue if none was ever created), and drains everything the queue accepted, waiting
/// for producers caught between reserving and publishing. A producer whose enqueue the closed queue refuses
/// dead-letters its own message. So every message is processed or dead-lettered, and no thread but the consumer
/// ever dequeues.</item>
/// <item>System messages are drained before user messages and again after each user message.</item>
/// <item>Unstashed messages wait in <see cref="CellExtras.Prepended"/>, touched only by the thread running the
/// mailbox; the unstashed bit says whether there are any, so other threads never read that queue (and an idle actor
/// carries no field for it).</item>
/// </list>
/// </remarks>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;
    private const int PrependedBit = 4;
    private const int CreatePendingBit = 8;
    private const int SuspendUnit = 16;

    private static readonly SystemMessage s_closedSentinel = new Terminate();

    /// <summary>The one Create every cell runs: it is never linked into a queue, so all mailboxes can share it.</summary>
    private static readonly SystemMessage s_create = new Create();

    private readonly int _throughput;
    private readonly int _capacity;
    private ActorCell _cell = null!;
    private int _status;
    private int _count;
    private EnvelopeQueue? _queue;
    private SystemMessage? _systemHead;

    public Mailbox(ThreadPoolDispatcher dispatcher, MailboxSettings settings)
    {
        _throughput = dispatcher.Throughput;
        _capacity = settings.Capacity;
    }

    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    /// <summary>Approximate number of user messages waiting.</summary>
    public int Count => (_queue?.Count ?? 0) + (_cell.ExtrasOrNull?.Prepended?.Count ?? 0);

    public ActorCell Cell => _cell;

    public void SetCell(ActorCell cell) => _cell = cell;

    /// <summary>Enqueues a user message; returns false (and the caller dead-letters it) when closed or full.</summary>
    public bool Enqueue(object message, IActorRef? sender)
    {
        // No closed check first: a closed mailbox's queue is closed too (Close installs the shared closed queue when
        // there was none), so the enqueue below refuses; and skipping the read keeps the status line off the path.
        if (_capacity > 0 && Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        EnvelopeQueue queue = _queue ?? CreateQueue();
        if (!queue.TryEnqueue(new Envelope(message, sender)))
        {
            // Closed after the check above: the closing turn has taken everything the queue accepted; this one the
            // caller dead-letters.
            if (_capacity > 0)
            {
                Interlocked.Decrement(ref _count);
            }

            return false;
        }

        TrySchedule();
        return true;
    }

    private EnvelopeQueue CreateQueue()
    {
        // Losing the race to Close yields the shared closed queue, which refuses the enqueue.
        var created = new EnvelopeQueue();
        return Interlocked.CompareExchange(ref _queue, created, null) ?? created;
    }

    /// <summary>Pushes a system message; when the mailbox is closed the cell handles it as a message to a dead actor.</summary>
    public void EnqueueSystem(SystemMessage message)
    {
        while (true)
        {
            SystemMessage? head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, s_closedSentinel))
            {
                _cell.HandleSystemMessageAfterDeath(message);
                return;
            }

            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head))
            {
                break;
            }
        }

        TrySchedule();
    }

    /// <summary>Puts messages in front of the queue (unstash). Only the mailbox's thread calls this.</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        CellExtras extras = _cell.ExtrasForMailbox;
        Queue<Envelope>? previous = extras.Prepended;
        var next = new Queue<Envelope>(envelopes.Count + (previous?.Count ?? 0));
        foreach (Envelope e in envelopes)
        {
            next.Enqueue(e);
        }

        if (previous is not null)
        {
            foreach (Envelope e in previous)
            {
                next.Enqueue(e);
            }
        }

        extras.Prepended = next;
        Interlocked.Or(ref _status, PrependedBit);
    }

    /// <summary>Takes the next unstashed message; clears the bit when none are left. Only the mailbox's thread.</summary>
    private Envelope TakePrepended(ActorCell cell)
    {
        CellExtras extras = cell.ExtrasForMailbox;
        Queue<Envelope> prepended = extras.Prepended!;
        Envelope envelope = prepended.Dequeue();
        if (prepended.Count == 0)
        {
            extras.Prepended = null;
            Interlocked.And(ref _status, ~PrependedBit);
        }

        return envelope;
    }

    public void Suspend() => Interlocked.Add(ref _status, SuspendUnit);

    /// <summary>Undoes one <see cref="Suspend"/>; returns true when processing may continue.</summary>
    public void Resume()
    {
        while (true)
        {
            int s = Volatile.Read(ref _status);
            if (s < SuspendUnit)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _status, s - SuspendUnit, s) == s)
            {
                return;
            }
        }
    }

    /// <summary>Closes the mailbox for good and returns what was still queued. Only the mailbox's thread calls this.</summary>
    public List<Envelope> Close()
    {
        while (true)
        {
            int s = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, s | ClosedBit, s) == s)
            {
                break;
            }
        }

        var rest = new List<Envelope>();
        if ((Interlocked.And(ref _status, ~PrependedBit) & PrependedBit) != 0 && _cell.ExtrasOrNull is { Prepended: { } prepended } extras)
        {
            rest.AddRange(prepended);
            extras.Prepended = null;
        }

        EnvelopeQueue? queue = Interlocked.CompareExchange(ref _queue, EnvelopeQueue.ClosedEmpty, null);
        if (queue is not null)
        {
            queue.Close();
            queue.DrainClosed(rest);
        }

        return rest;
    }

    /// <summary>Takes the system messages left after closing, and makes later ones go to the dead-actor handler.</summary>
    public SystemMessage? CloseSystemQueue() => Reverse(Interlocked.Exchange(ref _systemHead, s_closedSentinel));

    public bool HasSystemMessages
    {
        get
        {
            if ((Volatile.Read(ref _status) & CreatePendingBit) != 0)
            {
                return true;
            }

            SystemMessage? head = Volatile.Read(ref _systemHead);
            return head is not null && !ReferenceEquals(head, s_closedSentinel);
        }
    }

    /// <summary>
    /// Asks for the actor to be created on its first turn, before any other system message. A status bit rather than
    /// a queued <see cref="Create"/>: spawning then allocates no message. Any thread, once.
    /// </summary>
    public void EnqueueCreate()
    {
        Interlocked.Or(ref _status, CreatePendingBit);
        TrySchedule();
    }

    private bool HasUserMessages(int status) => (status & PrependedBit) != 0 || _queue is { IsEmpty: false };

    /// <summary>Schedules the mailbox if it has work and is not already scheduled.</summary>
    public void TrySchedule()
    {
        // Under load the mailbox is usually scheduled already: decide that before reading the thread-static that
        // tells where the send came from.
        if ((Volatile.Read(ref _status) & (ScheduledBit | ClosedBit)) != 0)
        {
            return;
        }

        TrySchedule(ActorCell.Current is not null ? ThreadPoolDispatcher.FromTurn : ThreadPoolDispatcher.FromOutside);
    }

    private void TrySchedule(int origin)
    {
        while (true)
        {
            int s = Volatile.Read(ref _status);
            if ((s & (ScheduledBit | ClosedBit)) != 0)
            {
                return;
            }

            bool work = HasSystemMessages || (s < SuspendUnit && HasUserMessages(s));
            if (!work)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _status, s | ScheduledBit, s) == s)
            {
                _cell.System.Activity?.Increment();
                ThreadPoolDispatcher.Schedule(this, origin);
                return;
            }
        }
    }

    /// <summary>
    /// Runs this mailbox's turn, then the turns of mailboxes that those turns woke into the worker's next slot (see
    /// <see cref="ThreadPoolDispatcher"/>), up to <see cref="ThreadPoolDispatcher.MaxChainedTurns"/> in a row. Runs on a
    /// thread-pool thread.
    /// </summary>
    public void Execute()
    {
        Mailbox mailbox = this;
        NextSlot slot = ThreadPoolDispatcher.EnterChain();
        int turns = 0;
        while (true)
        {
            mailbox.RunTurn();
            Mailbox? next = slot.Take();
            if (next is null)
            {
                break;
            }

            if (++turns >= ThreadPoolDispatcher.MaxChainedTurns)
            {
                slot.LeaveChain();
                ThreadPoolDispatcher.Queue(next, preferLocal: true);
                return;
            }

            mailbox = next;
        }

        slot.LeaveChain();
    }

    /// <summary>One turn: system messages, then up to Throughput user messages.</summary>
    private void RunTurn()
    {
        ActorCell cell = _cell;
        ActorCell? previous = ActorCell.EnterTurn(cell);
        try
        {
            ProcessSystemMessages(cell);
            ProcessUserMessages(cell);
        }
        catch (Exception e)
        {
            // The cell catches everything user code throws; reaching here is a kernel bug. Never crash the process.
            cell.System.ReportKernelFault(cell, e);
        }
        finally
        {
            ActorCell.LeaveTurn(previous);
            while (true)
            {
                int s = Volatile.Read(ref _status);
                if (Interlocked.CompareExchange(ref _status, s & ~ScheduledBit, s) == s)
                {
                    break;
                }
            }

            // Work left after the throughput (or arrived meanwhile): back to this worker's queue, where it keeps
            // its cache lines; the dispatcher sends every few of these to the global queue for fairness.
            TrySchedule(ThreadPoolDispatcher.Requeue);
            cell.System.Activity?.Decrement();
        }
    }

    private void ProcessSystemMessages(ActorCell cell)
    {
        if ((Volatile.Read(ref _status) & CreatePendingBit) != 0)
        {
            Interlocked.And(ref _status, ~CreatePendingBit);
            cell.SystemInvoke(s_create);
            if (IsClosed)
            {
                // Whatever is still queued is taken by the closing (CloseSystemQueue).
                return;
            }
        }

        while (true)
        {
            SystemMessage? head = Volatile.Read(ref _systemHead);
            if (head is null || ReferenceEquals(head, s_closedSentinel))
            {
                return;
            }

            if (!ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, null, head), head))
            {
                continue;
            }

            for (SystemMessage? m = Reverse(head); m is not null;)
            {
                SystemMessage? next = m.Next;
                m.Next = null;
                cell.SystemInvoke(m);
                m = next;
                if (IsClosed)
                {
                    cell.DrainDeadSystemMessages(m);
                    return;
                }
            }
        }
    }

    private void ProcessUserMessages(ActorCell cell)
    {
        int left = _throughput;
        while (left-- > 0)
        {
            int s = Volatile.Read(ref _status);
            if (s >= SuspendUnit || (s & ClosedBit) != 0)
            {
                break;
            }

            Envelope envelope;
            if ((s & PrependedBit) != 0)
            {
                envelope = TakePrepended(cell);
            }
            else if (_queue is null || !_queue.TryDequeue(out envelope))
            {
                break;
            }
            else if (_capacity > 0)
            {
                Interlocked.Decrement(ref _count);
            }

            cell.Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                cell.ClearCurrentMessage();
                ProcessSystemMessages(cell);
            }
        }

        cell.ClearCurrentMessage();
    }

    private static SystemMessage? Reverse(SystemMessage? head)
    {
        if (ReferenceEquals(head, s_closedSentinel))
        {
            return null;
        }

        SystemMessage? reversed = null;
        while (head is not null)
        {
            SystemMessage? next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }

        return reversed;
    }
}
