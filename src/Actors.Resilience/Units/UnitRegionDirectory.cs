using System.Collections.Concurrent;

namespace Actors.Resilience.Units;

/// <summary>
/// The region of each registered kind, readable from any thread: written only by the units guardian, on its own turn
/// (when it creates a region, and when a region terminates), so <see cref="ResilienceRuntime.Tell"/> can send to a
/// region without a hop through the guardian. (Sending straight to a running instance was tried and dropped: a
/// message still in the region's mailbox could be overtaken by a later one sent straight, breaking per-sender order.)
/// </summary>
internal sealed class UnitRegionDirectory
{
    private readonly ConcurrentDictionary<string, IActorRef> _kinds = new(StringComparer.Ordinal);

    public bool TryGet(string kind, out IActorRef region) => _kinds.TryGetValue(kind, out region!);

    public void Set(string kind, IActorRef region) => _kinds[kind] = region;

    public void Remove(string kind) => _kinds.TryRemove(kind, out _);
}
