using Actors.Resilience.Supervision;
using Akka.Actor.Internal;

namespace Actors.Resilience.Units;

/// <summary>
/// How a unit instance supervises its worker. A failure is published as an <see cref="ActorFailed"/> (directive
/// Restart) by the instance, in <paramref name="onFailure"/>, and leaves the worker SUSPENDED instead of restarting it at once: its mailbox keeps every message queued behind the
/// one that failed, in order and with their senders, while the instance decides with its breaker when the worker
/// restarts in place (backoff) or waits for half-open. <c>ActorKilledException</c> and <c>DeathPactException</c>
/// stop the worker, as Akka's default decider does.
/// </summary>
/// <param name="onFailure">Called on the instance's own turn with the failed child, the cause and the failed message's sender, if any; it publishes the failure; true when it is the worker, now left suspended, false for any other child (the breaker), which Akka restarts.</param>
/// <param name="onTerminated">Called on the instance's own turn when the worker has terminated (no watch needed: a parent is told).</param>
/// <param name="injected">
/// The cause an <see cref="ActorKilledException"/> stands for when it is an injected failure
/// (<see cref="InjectWorkerFailure"/>), else <see langword="null"/>; such a failure restarts the worker like any
/// exception and is published and reported with the injected cause.
/// </param>
internal sealed class UnitWorkerStrategy(Func<IActorRef, Exception, IActorRef?, bool> onFailure, Action<IActorRef> onTerminated, Func<IActorRef, Exception, Exception?> injected)
    : PublishingOneForOneStrategy(cause => Decide(cause, injected), loggingEnabled: true)
{
    private static Directive Decide(Exception cause, Func<IActorRef, Exception, Exception?> injected) =>
        cause is ActorKilledException && injected(ActorRefs.Nobody, cause) is not null ? Directive.Restart
        : cause is ActorKilledException or DeathPactException ? Directive.Stop
        : Directive.Restart;

    public override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        if (!restart)
        {
            base.ProcessFailure(context, restart, child, cause, stats, children);
            return;
        }

        // The instance publishes the decision itself, held with its other notices until the restart is under way (see
        // UnitInstance.EndTurn).
        // A failure while starting or restarting (ActorInitializationException, PostRestartException) is not about a
        // message: the cell still holds the message of an earlier failure, whose sender was already answered.
        IActorRef? failedSender = cause is ActorInitializationException ? null : FailedMessageSender(child);
        if (injected(child, cause) is { } substitute)
        {
            // The instance's own Kill: nobody sent a request that failed, and everyone is told the injected cause.
            cause = substitute;
            failedSender = null;
        }

        if (!onFailure(child, cause, failedSender))
        {
            base.ProcessFailure(context, restart, child, cause, stats, children);
        }
    }

    /// <summary>A restart is published by the instance (the callback), so that it goes out with the instance's other notices.</summary>
    protected override bool PublishesBeforeDirective(Directive directive) => directive != Directive.Restart;

    /// <summary>An injected failure is logged with its injected cause, not as the Kill that carried it.</summary>
    protected override void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive) =>
        base.LogFailure(context, child, injected(child, cause) ?? cause, directive);

    public override void HandleChildTerminated(IActorContext actorContext, IActorRef child, IEnumerable<IInternalActorRef> children)
    {
        base.HandleChildTerminated(actorContext, child, children);
        onTerminated(child);
    }

    /// <summary>
    /// The sender of the message whose handling failed: a suspended cell keeps its current message and sender until it
    /// is recreated (Akka hands them to PreRestart). Nothing for a failure during creation.
    /// </summary>
    private static IActorRef? FailedMessageSender(IActorRef child)
    {
        if (child is not ActorRefWithCell { Underlying: ActorCell cell } || cell.CurrentMessage is null or Akka.Dispatch.SysMsg.ISystemMessage)
        {
            return null;
        }

        IActorRef? sender = cell.Sender;
        return sender is null || sender.IsNobody() || sender is DeadLetterActorRef ? null : sender;
    }
}
