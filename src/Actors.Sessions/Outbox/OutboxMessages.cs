namespace Actors.Sessions.Outbox;

/// <summary>A message for the outbox of <see cref="InstanceId"/>, sent to the outboxes' parent.</summary>
internal sealed record OutboxEnvelope(string InstanceId, object Message);

/// <summary>Queue a message: persisted before the reply (<see cref="SendAccepted"/> or <see cref="QueueFull"/>).</summary>
internal sealed record Enqueue(string To, string Text, string? Key);

/// <summary>The worker is connected and ready: hand it the pending messages, in order.</summary>
internal sealed record AttachWorker(IActorRef Worker);

/// <summary>A pending message handed to the worker.</summary>
internal sealed record Deliver(long Sequence, string Key, string To, string Text);

/// <summary>The upstream acknowledged <see cref="Key"/> with its server id.</summary>
internal sealed record Acknowledged(string Key, long ServerId);

/// <summary>Asks for the outbox's <see cref="QueueStatus"/>.</summary>
internal sealed record GetQueueStatus
{
    public static GetQueueStatus Instance { get; } = new();
}

/// <summary>Starts the outbox of an instance (it recovers, and wakes its session if messages wait); no answer.</summary>
internal sealed record StartOutbox
{
    public static StartOutbox Instance { get; } = new();
}
