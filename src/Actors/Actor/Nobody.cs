namespace Actors;

/// <summary>The reference that discards everything. Obtain it from <see cref="ActorRefs.Nobody"/>.</summary>
internal sealed class Nobody : MinimalActorRef
{
    public static readonly Nobody Instance = new();

    private Nobody() : base(new RootActorPath("actors://all-systems", "/Nobody"))
    {
    }

    public override void Tell(object message, IActorRef? sender)
    {
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }
}
