namespace Actors;

/// <summary>The reference to an actor living in this process.</summary>
/// <remarks>
/// A sender touches only this object and the receiver's <see cref="Mailbox"/>, never the receiver's cell, whose
/// fields the receiver writes on every message: keeping senders off that object keeps its cache lines on the
/// receiver's core.
/// </remarks>
internal sealed class LocalActorRef : InternalActorRef
{
    private readonly Mailbox _mailbox;

    public LocalActorRef(ActorPath path, Mailbox mailbox) : base(path) => _mailbox = mailbox;

    public ActorCell Cell => _mailbox.Cell;

    public override bool IsTerminated => _mailbox.IsClosed;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_mailbox.Enqueue(message, sender))
        {
            _mailbox.Cell.DeadLetter(message, sender);
        }
    }

    internal override void SendSystemMessage(SystemMessage message) => _mailbox.EnqueueSystem(message);
}
