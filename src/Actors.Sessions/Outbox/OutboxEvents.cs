namespace Actors.Sessions.Outbox;

/// <summary>Journal event: a message was accepted (persisted before the caller's 202).</summary>
internal sealed record MessageAccepted(long Sequence, string Key, string To, string Text, DateTimeOffset AcceptedAt);

/// <summary>Journal event: the upstream acknowledged the message with this sequence number.</summary>
internal sealed record MessageDelivered(long Sequence, string Key, long ServerId);

/// <summary>Snapshot of an outbox: counters and the pending messages in order.</summary>
internal sealed record OutboxSnapshot(long NextSequence, long AcceptedTotal, long DeliveredTotal, MessageAccepted[] Pending);
