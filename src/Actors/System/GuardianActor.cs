namespace Actors;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: they only supervise.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override void PreRestart(Exception reason, object? message)
    {
        // A guardian keeps its children across its own restart.
    }
}
