namespace Actors;

/// <summary>The root's parent: learns that the root stopped, which completes the system's termination.</summary>
internal sealed class TerminationSentinel(ActorSystemImpl system, ActorPath rootPath) : MinimalActorRef(rootPath / "bubble-walker")
{
    public override void Tell(object message, IActorRef? sender)
    {
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification:
                system.OnRootTerminated();
                break;
            case Failed failed:
                system.OnGuardianFailed(failed.Child, failed.Cause);
                break;
        }
    }
}
