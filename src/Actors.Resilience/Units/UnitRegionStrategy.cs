using Actors.Resilience.Supervision;

namespace Actors.Resilience.Units;

/// <summary>
/// How a region supervises its instances: an instance restarts its own worker, so a failure of the instance actor
/// itself stops it (published as <see cref="ActorFailed"/>; its next message creates it anew). The region learns
/// that an instance terminated from this strategy, on its own turn, instead of watching every instance.
/// </summary>
/// <param name="onTerminated">Called on the region's turn when an instance has terminated.</param>
internal sealed class UnitRegionStrategy(Action<IActorRef> onTerminated)
    : PublishingOneForOneStrategy(static _ => Directive.Stop, loggingEnabled: true)
{
    public override void HandleChildTerminated(IActorContext actorContext, IActorRef child, IEnumerable<IInternalActorRef> children)
    {
        base.HandleChildTerminated(actorContext, child, children);
        onTerminated(child);
    }
}
