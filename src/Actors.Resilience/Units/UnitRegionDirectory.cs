using System.Collections.Concurrent;

namespace Actors.Resilience.Units;

/// <summary>
/// The routes (and region) of each registered kind, readable from any thread: written only by the units guardian, on
/// its own turn (when it creates a region, and when a region terminates), so <see cref="ResilienceRuntime.Tell"/> can
/// send without a hop through the guardian, and straight to a running worker (see <see cref="UnitRoute"/>).
/// </summary>
internal sealed class UnitRegionDirectory
{
    // The default comparer (ordinal) hashes short strings without randomization until it sees collisions.
    private readonly ConcurrentDictionary<string, UnitRoutes> _kinds = new();

    public bool TryGet(string kind, out UnitRoutes routes) => _kinds.TryGetValue(kind, out routes!);

    public void Set(string kind, UnitRoutes routes) => _kinds[kind] = routes;

    public void Remove(string kind) => _kinds.TryRemove(kind, out _);
}
