namespace Actors;

/// <summary>Runs mailboxes on the .NET thread pool, each turn processing up to <see cref="Throughput"/> user messages.</summary>
internal sealed class ThreadPoolDispatcher
{
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

    /// <summary>
    /// Queues a mailbox. A send from inside an actor's turn goes to the current worker's local queue, so a reply
    /// chain runs on one warm thread without a cross-thread handoff (idle workers still steal from it); a mailbox
    /// re-queued after using its throughput, or woken from outside any actor, goes to the global queue for fairness.
    /// </summary>
    public static void Schedule(Mailbox mailbox) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: ActorCell.Current is not null);
}
