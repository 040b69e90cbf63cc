namespace Actors;

/// <summary>Runs mailboxes on the .NET thread pool, each turn processing up to <see cref="Throughput"/> user messages.</summary>
/// <remarks>
/// Where a woken mailbox goes:
/// <list type="bullet">
/// <item>Woken by a send from inside a turn: into the worker's <see cref="NextSlot"/>, so that it runs right after the
/// current turn on the same warm thread, without a trip through the pool (a reply chain then costs no queue
/// operation). A mailbox already in the slot moves to the worker's local pool queue, where idle workers can steal it.
/// Chains are cut after <see cref="MaxChainedTurns"/> turns. A turn that blocks or runs long after such a send does
/// not hold the woken mailbox hostage: <see cref="NextSlot"/>'s rescuer hands it to the pool within two of its ticks.</item>
/// <item>Re-queued after using its throughput: to the worker's local pool queue (its data stays in this core's cache),
/// except every <see cref="GlobalRequeueEvery"/>th, which goes to the global queue so that a busy worker's local
/// queue drains and work queued from outside still gets its turn.</item>
/// <item>Woken from outside any actor: to the global queue.</item>
/// </list>
/// </remarks>
internal sealed class ThreadPoolDispatcher
{
    /// <summary>Scheduling origin: a send from inside an actor's turn.</summary>
    public const int FromTurn = 0;

    /// <summary>Scheduling origin: a mailbox re-queued at the end of its own turn.</summary>
    public const int Requeue = 1;

    /// <summary>Scheduling origin: a send from outside any actor (or a timer).</summary>
    public const int FromOutside = 2;

    /// <summary>Most turns run back to back through the next slot before the chain goes back to the pool.</summary>
    public const int MaxChainedTurns = 64;

    /// <summary>One re-queue in this many goes to the global queue.</summary>
    public const int GlobalRequeueEvery = 16;

    [ThreadStatic]
    private static NextSlot? t_slot;

    [ThreadStatic]
    private static int t_requeues;

    public ThreadPoolDispatcher(string id, int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(throughput, 1);
        Id = id;
        Throughput = throughput;
    }

    /// <summary>The configuration id, e.g. <c>default-dispatcher</c>.</summary>
    public string Id { get; }

    /// <summary>Most user messages per turn before the thread is handed back.</summary>
    public int Throughput { get; }

    /// <summary>Queues a mailbox whose scheduled bit the caller has just set.</summary>
    public static void Schedule(Mailbox mailbox, int origin)
    {
        switch (origin)
        {
            case FromTurn when t_slot is { Chaining: true } slot:
                Mailbox? previous = slot.Put(mailbox);
                if (previous is not null)
                {
                    Queue(previous, preferLocal: true);
                }

                break;
            case FromTurn:
                Queue(mailbox, preferLocal: true);
                break;
            case Requeue:
                Queue(mailbox, preferLocal: ++t_requeues % GlobalRequeueEvery != 0);
                break;
            default:
                Queue(mailbox, preferLocal: false);
                break;
        }
    }

    /// <summary>Hands a mailbox to the pool.</summary>
    public static void Queue(Mailbox mailbox, bool preferLocal) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal);

    /// <summary>Marks the start of a run of turns on this thread: sends from them may fill the next slot.</summary>
    public static NextSlot EnterChain()
    {
        NextSlot slot = t_slot ??= NextSlot.ForCurrentThread();
        slot.Chaining = true;
        return slot;
    }

}
