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
    private readonly ConcurrentDictionary<string, Kind> _kinds = new();

    /// <summary>The kind found last: kinds are usually string literals, so the next lookup is often the same string.</summary>
    private Kind? _last;

    public bool TryGet(string kind, out UnitRoutes routes)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Name, kind))
        {
            routes = last.Routes;
            return true;
        }

        if (_kinds.TryGetValue(kind, out Kind? found))
        {
            Volatile.Write(ref _last, found);
            if (!_kinds.TryGetValue(kind, out Kind? still) || !ReferenceEquals(still, found))
            {
                // Removed or replaced meanwhile, after the guardian cleared what was remembered: forget it again.
                Interlocked.CompareExchange(ref _last, null, found);
            }

            routes = found.Routes;
            return true;
        }

        routes = null!;
        return false;
    }

    public void Set(string kind, UnitRoutes routes)
    {
        _kinds[kind] = new Kind(kind, routes);
        Volatile.Write(ref _last, null);
    }

    public void Remove(string kind)
    {
        _kinds.TryRemove(kind, out _);
        Volatile.Write(ref _last, null);
    }

    private sealed record Kind(string Name, UnitRoutes Routes);
}
