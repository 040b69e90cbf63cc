namespace Actors;

/// <summary>
/// Routes continuations of an actor's async handler back onto the actor's own turn, so <c>Self</c>,
/// <c>Sender</c> and <c>Context</c> stay valid after <c>await</c> and no two pieces of the actor run at once.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.SendSystemMessage(new RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send onto an actor's context would block the actor.");

    public override SynchronizationContext CreateCopy() => this;
}
