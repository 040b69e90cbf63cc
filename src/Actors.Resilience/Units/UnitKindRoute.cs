using System.Collections.Concurrent;

namespace Actors.Resilience.Units;

/// <summary>
/// Where the messages of one kind go: its region, and the live instances the region has published (written only by
/// the region, on its turn: an instance is added after its first message was forwarded to it and removed as soon as
/// it starts stopping, so a message sent straight to a published instance never overtakes one routed before it).
/// </summary>
internal sealed class UnitKindRoute(IActorRef region, ConcurrentDictionary<string, IActorRef> instances)
{
    public IActorRef Region { get; } = region;

    public ConcurrentDictionary<string, IActorRef> Instances { get; } = instances;
}
