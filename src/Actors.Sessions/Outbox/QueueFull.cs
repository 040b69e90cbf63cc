namespace Actors.Sessions.Outbox;

/// <summary>The instance's outbox holds <see cref="Capacity"/> unacknowledged messages: nothing was stored.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Capacity">The bound (<c>actors.sessions.outbox.capacity</c>).</param>
/// <param name="Pending">Messages waiting now.</param>
public sealed record QueueFull(string InstanceId, int Capacity, int Pending);
