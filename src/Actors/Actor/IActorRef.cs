namespace Actors;

/// <summary>
/// An immutable, thread-safe handle to an actor. The only way to talk to an actor is to send a message through it.
/// Two references are equal when their paths are equal and they name the same incarnation.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path in the hierarchy.</summary>
    ActorPath Path { get; }
}
