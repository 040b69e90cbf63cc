namespace Actors;

/// <summary>
/// The children of one cell by name. Guarded by its own lock because guardians create children from any thread
/// and tools read the tree while it runs.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ActorCell> _byName = new(StringComparer.Ordinal);

    /// <summary>The last number used for a generated child name; kept here rather than on every cell.</summary>
    public long NameCounter;

    /// <summary>The lock for everything in this container.</summary>
    public object Gate => _byName;

    /// <summary>Every child not yet terminated (live or stopping), by name.</summary>
    public Dictionary<string, ActorCell> ByName => _byName;

    /// <summary>
    /// Restart accounting, created for a child when it first fails (or when an all-for-one strategy needs every
    /// child's), so that children that never fail carry none.
    /// </summary>
    private Dictionary<ActorCell, ChildRestartStats>? _stats;

    /// <summary>The restart accounting of a registered child, created on first use. Under <see cref="Gate"/>.</summary>
    public ChildRestartStats StatsOf(ActorCell child)
    {
        _stats ??= new Dictionary<ActorCell, ChildRestartStats>(ReferenceEqualityComparer.Instance);
        if (!_stats.TryGetValue(child, out ChildRestartStats? stats))
        {
            stats = new ChildRestartStats(child.Self);
            _stats.Add(child, stats);
        }

        return stats;
    }

    /// <summary>
    /// Finds the registered cell of <paramref name="child"/> (by name, then by identity: a name may already belong to
    /// a newer child). Under <see cref="Gate"/>.
    /// </summary>
    public bool TryGetCell(IActorRef child, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorCell? cell) =>
        _byName.TryGetValue(child.Path.Name, out cell) && ReferenceEquals(cell.Self, child);

    /// <summary>Forgets a terminated child. Under <see cref="Gate"/>.</summary>
    public void Remove(ActorCell child)
    {
        _byName.Remove(child.Self.Path.Name);
        _stats?.Remove(child);
    }
}
