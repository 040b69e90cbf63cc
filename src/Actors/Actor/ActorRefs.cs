namespace Actors;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>A reference that silently discards every message sent to it.</summary>
    public static IActorRef Nobody { get; } = Actors.Nobody.Instance;

    /// <summary>Use as the sender of a message that has no sender; replies go to dead letters.</summary>
    public static readonly IActorRef? NoSender;
}
