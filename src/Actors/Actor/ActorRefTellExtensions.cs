namespace Actors;

/// <summary>
/// <c>Tell</c> without an explicit sender, and <c>Forward</c>. Inside an actor the sender is that actor;
/// outside any actor it is <see cref="ActorRefs.NoSender"/>.
/// </summary>
public static class ActorRefTellExtensions
{
    /// <summary>Sends <paramref name="message"/> with the current actor (if any) as the sender.</summary>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The message.</param>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self);
    }

    /// <summary>Sends <paramref name="message"/> keeping the sender of the message the current actor is processing.</summary>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The message.</param>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.CurrentSenderOrNull);
    }
}
