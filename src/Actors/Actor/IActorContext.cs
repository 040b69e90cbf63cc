namespace Actors;

/// <summary>
/// What an actor sees of itself and the system. Use it only from the actor's own message handling
/// (or its constructor and lifecycle hooks), never from other threads.
/// </summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; dead letters when it has none.</summary>
    IActorRef Sender { get; }

    /// <summary>This actor's supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The live children.</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The current receive timeout, or <see langword="null"/>.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child of that name, or <see cref="ActorRefs.Nobody"/>.</summary>
    /// <param name="name">The child's name.</param>
    /// <returns>The child.</returns>
    IActorRef Child(string name);

    /// <summary>Stops a child, or this actor itself; stopping is asynchronous.</summary>
    /// <param name="child">The actor to stop.</param>
    void Stop(IActorRef child);

    /// <summary>Watches <paramref name="subject"/>: a <see cref="Terminated"/> arrives when it stops.</summary>
    /// <param name="subject">The actor to watch.</param>
    /// <returns>The subject.</returns>
    IActorRef Watch(IActorRef subject);

    /// <summary>Watches <paramref name="subject"/>, delivering <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    /// <param name="subject">The actor to watch.</param>
    /// <param name="message">The message to deliver when it stops.</param>
    /// <returns>The subject.</returns>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued is dropped.</summary>
    /// <param name="subject">The watched actor.</param>
    /// <returns>The subject.</returns>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behavior.</summary>
    /// <param name="receive">The new behavior.</param>
    void Become(Receive receive);

    /// <summary>Pushes a behavior; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    /// <param name="receive">The new behavior.</param>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behavior pushed by <see cref="BecomeStacked"/>.</summary>
    void UnbecomeStacked();

    /// <summary>Sets (or clears, with <see langword="null"/>) the idle time after which a <see cref="Actors.ReceiveTimeout"/> arrives.</summary>
    /// <param name="timeout">The timeout.</param>
    void SetReceiveTimeout(TimeSpan? timeout);
}
