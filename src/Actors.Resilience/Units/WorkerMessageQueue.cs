using System.Collections.Concurrent;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Actors.Resilience.Units;

/// <summary>The queue of a <see cref="WorkerMailbox"/>: unbounded; at clean-up its messages go to the worker's parent as <see cref="WorkerLeftover"/>s.</summary>
internal sealed class WorkerMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private readonly ConcurrentQueue<Envelope> _queue = new();

    public bool HasMessages => !_queue.IsEmpty;

    public int Count => _queue.Count;

    public void Enqueue(IActorRef receiver, Envelope envelope) => _queue.Enqueue(envelope);

    public bool TryDequeue(out Envelope envelope) => _queue.TryDequeue(out envelope);

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        IInternalActorRef? parent = (owner as IInternalActorRef)?.Parent;
        while (_queue.TryDequeue(out Envelope envelope))
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
