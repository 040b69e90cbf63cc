using System.Collections.Concurrent;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Actors.Resilience.Units;

/// <summary>
/// The queue of a <see cref="WorkerMailbox"/>: unbounded, and deque-based (so workers that stash, and persistent
/// workers, which require that, can use it); at clean-up its messages go to the worker's parent as
/// <see cref="WorkerLeftover"/>s, prepended ones first.
/// </summary>
/// <remarks>
/// Threading contract, as in Akka's deque wrapper: any thread enqueues; only the owner's turn calls
/// <see cref="EnqueueFirst"/>, <see cref="TryDequeue"/> and <see cref="CleanUp"/>.
/// </remarks>
internal sealed class WorkerMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly Stack<Envelope> _prepended = new();
    private volatile bool _closed;

    public bool HasMessages => _prepended.Count > 0 || !_queue.IsEmpty;

    public int Count => _prepended.Count + _queue.Count;

    /// <summary>
    /// Queues a message; once the queue is cleaned up (the worker has stopped), hands it back at once. A sender that
    /// read the worker's mailbox just before Akka swapped it for dead letters enqueues here after the clean-up: such a
    /// message is handed back too, never left in a queue nobody reads.
    /// </summary>
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (_closed)
        {
            HandBack(receiver, envelope, null);
            return;
        }

        _queue.Enqueue(envelope);
        if (_closed)
        {
            // Closed meanwhile: the clean-up may have drained already. Whichever of us dequeues a message hands it back.
            while (_queue.TryDequeue(out Envelope late))
            {
                HandBack(receiver, late, null);
            }
        }
    }

    public void EnqueueFirst(Envelope envelope) => _prepended.Push(envelope);

    public bool TryDequeue(out Envelope envelope)
    {
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
        while (TryDequeue(out Envelope envelope))
        {
            HandBack(owner, envelope, deadletters);
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
