namespace Actors;

/// <summary>A reference with no cell behind it (dead letters, nobody, ask promises).</summary>
internal abstract class MinimalActorRef : InternalActorRef
{
    protected MinimalActorRef(ActorPath path) : base(path)
    {
    }

    /// <summary>For references whose path is built lazily.</summary>
    protected MinimalActorRef()
    {
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
    }
}
