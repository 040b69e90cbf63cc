using Actors.Event;

namespace Actors;

/// <summary>Turns every message it receives into a <see cref="DeadLetter"/> event.</summary>
internal sealed class DeadLetterActorRef(ActorPath path, EventStream eventStream) : MinimalActorRef(path)
{
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        eventStream.Publish(message as DeadLetter ?? new DeadLetter(message, sender, this));
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }
}
