namespace Actors.Sessions.Metrics;

/// <summary>The outbox figures of one node at one moment, as published to health (owner <c>sessions/outbox</c>).</summary>
/// <param name="Depth">Messages accepted and not yet delivered, over every outbox.</param>
/// <param name="AcceptedTotal">Messages accepted since the system started.</param>
/// <param name="DeliveredTotal">Messages delivered (acknowledged by the upstream) since the system started.</param>
/// <param name="Instances">Outbox actors live now.</param>
internal readonly record struct OutboxFigures(long Depth, long AcceptedTotal, long DeliveredTotal, long Instances);
