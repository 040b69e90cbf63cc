namespace Actors;

/// <summary>A reference with no cell behind it (dead letters, nobody, ask promises).</summary>
internal abstract class MinimalActorRef : InternalActorRef
{
    protected MinimalActorRef(ActorPath path) : base(path)
    {
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
    }
}
