namespace Actors;

/// <summary>Something a message can be sent to: an actor reference or a selection.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> asynchronously; never blocks and never throws for a dead target.</summary>
    /// <param name="message">The message; must not be <see langword="null"/>.</param>
    /// <param name="sender">The reference replies go to, or <see cref="ActorRefs.NoSender"/>.</param>
    void Tell(object message, IActorRef? sender);
}
