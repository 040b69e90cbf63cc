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

    public static void Schedule(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
