namespace Actors.Sessions.Outbox;

/// <summary>The message is persisted in the instance's outbox and will be delivered (HTTP 202).</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Key">The idempotency key (given or generated).</param>
/// <param name="Sequence">Its position in the outbox.</param>
/// <param name="Pending">Messages now waiting for the upstream's acknowledgement.</param>
/// <param name="Duplicate">The key was already pending: nothing new was stored.</param>
public sealed record SendAccepted(string InstanceId, string Key, long Sequence, int Pending, bool Duplicate);
