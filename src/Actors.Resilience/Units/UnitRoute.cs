namespace Actors.Resilience.Units;

/// <summary>
/// The route to one unit instance, shared by its senders (<see cref="UnitRoutes.Send"/>) and its region, each reading
/// and writing it under its lock. While the instance's worker runs and nothing a sender counted into the region is still
/// on its way, the route is open: senders put their messages straight into the worker's mailbox, and the region routes
/// nothing. Otherwise senders count each message (<see cref="InRegion"/>) and send it through the region, which
/// opens the route only when that count is back to zero. So a sender's message never overtakes one it sent before.
/// </summary>
/// <remarks>
/// The region closes the route (under the lock) before it confirms a revocation to the instance, and before it stops the
/// instance: whatever a sender put straight into the worker's mailbox is in it by then. One route serves an id across
/// the instance's incarnations; when the region forgets the id, it retires the route, and senders that still hold it
/// take a new one.
/// </remarks>
internal sealed class UnitRoute
{
    /// <summary>The worker senders may send straight to; <see langword="null"/> while the route is closed.</summary>
    public IActorRef? Worker;

    /// <summary>The queue of <see cref="Worker"/>'s mailbox (a route opens only to a worker with a <see cref="WorkerMessageQueue"/>).</summary>
    public WorkerMessageQueue? Queue;

    /// <summary>Messages counted into the region and not yet routed by it.</summary>
    public int InRegion;

    /// <summary>Messages senders put straight into the worker's mailbox (activity for passivation, load for reports).</summary>
    public long Sent;

    /// <summary>Set when the region forgot the id: a sender that finds it set takes the id's current route instead.</summary>
    public bool Retired;
}
