namespace Actors;

/// <summary>The reference to an actor living in this process.</summary>
internal sealed class LocalActorRef : InternalActorRef
{
    public LocalActorRef(ActorPath path, ActorCell cell) : base(path) => Cell = cell;

    public ActorCell Cell { get; }

    public override bool IsTerminated => Cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.SendMessage(message, sender);
    }

    internal override void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);
}
