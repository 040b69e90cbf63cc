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

    public bool HasMessages => _prepended.Count > 0 || !_queue.IsEmpty;

    public int Count => _prepended.Count + _queue.Count;

    public void Enqueue(IActorRef receiver, Envelope envelope) => _queue.Enqueue(envelope);

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
        IInternalActorRef? parent = (owner as IInternalActorRef)?.Parent;
        while (TryDequeue(out Envelope envelope))
        {
            if (parent is null)
            {
                deadletters.Enqueue(owner, envelope);
            }
            else
            {
                parent.Tell(new WorkerLeftover(owner, envelope.Message, envelope.Sender), ActorRefs.NoSender);
            }
        }
    }
}
