namespace Actors.Resilience.Health;

/// <summary>
/// Where the aggregator publishes its latest snapshot: one volatile reference, written only by the aggregator's turn
/// and read from any thread without locks, so reading health never waits for (or blocks) an actor.
/// </summary>
public sealed class HealthSnapshotSource
{
    private HealthSnapshot _current = HealthSnapshot.Empty;

    /// <summary>The latest published snapshot (at most one publish interval old).</summary>
    public HealthSnapshot Current => Volatile.Read(ref _current);

    internal void Publish(HealthSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
