using System.Collections.Concurrent;

namespace Actors.Resilience.Units;

/// <summary>
/// The route of each registered kind, readable from any thread: written only by the units guardian, on its own turn
/// (when it creates a region, and when a region terminates), so <see cref="ResilienceRuntime.Tell"/> can send to an
/// instance, or its region, without a hop through the guardian.
/// </summary>
internal sealed class UnitRegionDirectory
{
    private readonly ConcurrentDictionary<string, UnitKindRoute> _kinds = new(StringComparer.Ordinal);

    public bool TryGet(string kind, out UnitKindRoute route) => _kinds.TryGetValue(kind, out route!);

    public void Set(string kind, UnitKindRoute route) => _kinds[kind] = route;

    public void Remove(string kind) => _kinds.TryRemove(kind, out _);
}
