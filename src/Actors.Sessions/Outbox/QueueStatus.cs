namespace Actors.Sessions.Outbox;

/// <summary>An outbox's state.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Pending">Messages accepted and not yet acknowledged by the upstream.</param>
/// <param name="InFlight">Of those, handed to the worker and awaiting acknowledgement.</param>
/// <param name="AcceptedTotal">Messages ever accepted.</param>
/// <param name="DeliveredTotal">Messages ever acknowledged by the upstream.</param>
/// <param name="Capacity">The bound on <paramref name="Pending"/>.</param>
/// <param name="OldestPendingAt">When the oldest pending message was accepted, if any.</param>
/// <param name="WorkerAttached">Whether a connected worker is taking deliveries.</param>
public sealed record QueueStatus(string InstanceId, int Pending, int InFlight, long AcceptedTotal, long DeliveredTotal, int Capacity, DateTimeOffset? OldestPendingAt, bool WorkerAttached);
