using System.Collections.Concurrent;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Actors.Resilience.Units;

/// <summary>
/// The queue of a <see cref="WorkerMailbox"/>: unbounded, and deque-based (so workers that stash, and persistent
/// workers, which require that, can use it); at clean-up its messages go to the worker's parent as
/// <see cref="WorkerLeftover"/>s, prepended ones first. The instance's readiness probe (an <see cref="Identify"/> with a
/// <see cref="ReadyProbe"/>) is served before every other message, so a restarted worker says it is up at once
/// instead of after its backlog; only the latest probe is kept.
/// </summary>
/// <remarks>
/// Threading contract, as in Akka's deque wrapper: any thread enqueues; only the owner's turn calls
/// <see cref="EnqueueFirst"/>, <see cref="TryDequeue"/> and <see cref="CleanUp"/>. Once the queue is closed, the
/// owner no longer reads it, and whoever hands back (the clean-up, or a sender that found it closed) holds a lock.
/// </remarks>
internal sealed class WorkerMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    private static readonly Envelope s_nudge = new(WorkerNudge.Instance, ActorRefs.Nobody);

    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly Stack<Envelope> _prepended = new();
    private volatile bool _closed;

    /// <summary>The latest readiness probe (a boxed <see cref="Envelope"/>): a newer one makes an older one pointless.</summary>
    private object? _probe;

    public bool HasMessages => Volatile.Read(ref _probe) is not null || _prepended.Count > 0 || !_queue.IsEmpty;

    public int Count => (Volatile.Read(ref _probe) is null ? 0 : 1) + _prepended.Count + _queue.Count;

    /// <summary>
    /// Queues a message; once the queue is cleaned up (the worker has stopped), hands it back. A sender that read the
    /// worker's mailbox just before Akka swapped it for dead letters enqueues here after the clean-up (or during it):
    /// such a message is handed back too, after those queued before it, never left in a queue nobody reads.
    /// </summary>
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (ReferenceEquals(envelope.Message, WorkerNudge.Instance))
        {
            return; // it only had the mailbox scheduled (see Send)
        }

        if (envelope.Message is Identify { MessageId: ReadyProbe })
        {
            // Replaces an older probe, which nobody waits for any more; a probe that comes too late is dropped, as the
            // instance drops its probes handed back.
            if (!_closed)
            {
                Interlocked.Exchange(ref _probe, envelope);
                if (_closed)
                {
                    Interlocked.Exchange(ref _probe, null);
                }
            }

            return;
        }

        EnqueueMessage(receiver, envelope);
    }

    /// <summary>Queues a message that is neither a nudge nor a probe (what <see cref="Put"/> is given); once closed, hands it back.</summary>
    private void EnqueueMessage(IActorRef receiver, Envelope envelope)
    {
        _queue.Enqueue(envelope);
        if (_closed)
        {
            // Closed, or closed meanwhile: behind whatever the clean-up has not handed back yet.
            HandBackAll(receiver, null);
        }
    }

    public void EnqueueFirst(Envelope envelope) => _prepended.Push(envelope);

    /// <summary>The queue of <paramref name="worker"/>'s mailbox when it is one of these, else <see langword="null"/>.</summary>
    public static WorkerMessageQueue? Of(IActorRef worker) =>
        worker is ActorRefWithCell { Underlying: ActorCell { Mailbox.MessageQueue: WorkerMessageQueue queue } } ? queue : null;

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="worker"/> through its queue, when known, so that it cannot be
    /// lost to a worker stopping itself at that moment. A plain <c>Tell</c> reads the worker's mailbox when it enqueues,
    /// and Akka swaps a stopping actor's mailbox for dead letters just before it cleans the old one up: a message that
    /// comes in between is dead-lettered. Put into this queue instead, it is either in it before the clean-up, which
    /// hands it back, or finds it closed and is handed back in order. Then a <see cref="WorkerNudge"/> has the mailbox
    /// scheduled.
    /// </summary>
    public static void Send(IActorRef worker, WorkerMessageQueue? queue, object message, IActorRef sender)
    {
        if (queue is null)
        {
            worker.Tell(message, sender);
            return;
        }

        queue.Put(worker, message, sender);
        Wake(worker);
    }

    /// <summary>
    /// Queues <paramref name="message"/> for <paramref name="worker"/> without waking it (a sender that must have it
    /// queued while it holds a lock, and wakes it after, with <see cref="Wake"/>); once closed, hands it back.
    /// </summary>
    public void Put(IActorRef worker, object message, IActorRef sender) => EnqueueMessage(worker, new Envelope(message, sender));

    /// <summary>Has <paramref name="worker"/>'s mailbox scheduled after a message was put straight into its queue.</summary>
    public static void Wake(IActorRef worker)
    {
        if (worker is ActorRefWithCell { Underlying: ActorCell cell })
        {
            // What a Tell ends in, without its layers: the nudge goes into whichever mailbox the worker has now (dead
            // letters once it has stopped, where the nudge is suppressed) and has it scheduled.
            cell.Dispatcher.Dispatch(cell, s_nudge);
        }
        else
        {
            worker.Tell(WorkerNudge.Instance, ActorRefs.NoSender);
        }
    }

    /// <summary>Whether the queue was cleaned up (its worker stopped): what is sent to it now is handed back.</summary>
    public bool IsClosed => _closed;

    public bool TryDequeue(out Envelope envelope)
    {
        if (Volatile.Read(ref _probe) is not null && Interlocked.Exchange(ref _probe, null) is Envelope probe)
        {
            envelope = probe;
            return true;
        }

        if (_prepended.Count > 0)
        {
            envelope = _prepended.Pop();
            return true;
        }

        return _queue.TryDequeue(out envelope);
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        _closed = true;
        Interlocked.MemoryBarrier(); // the flag is visible before the queue is read (an enqueue reads them the other way round)
        HandBackAll(owner, deadletters);
    }

    /// <summary>
    /// Hands back everything queued, in order, one thread at a time: the clean-up and a late sender may both find the
    /// queue closed, and two threads handing back at once would interleave their messages at the instance.
    /// </summary>
    private void HandBackAll(IActorRef owner, IMessageQueue? deadletters)
    {
        lock (_queue)
        {
            while (TryDequeue(out Envelope envelope))
            {
                HandBack(owner, envelope, deadletters);
            }
        }
    }

    private static void HandBack(IActorRef owner, Envelope envelope, IMessageQueue? deadletters)
    {
        if ((owner as IInternalActorRef)?.Parent is { } parent)
        {
            parent.Tell(new WorkerLeftover(owner, envelope.Message, envelope.Sender), ActorRefs.NoSender);
        }
        else
        {
            deadletters?.Enqueue(owner, envelope);
        }
    }
}
