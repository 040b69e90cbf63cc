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
    public Dictionary<ActorCell, ChildRestartStats>? Stats;

    /// <summary>The restart accounting of a registered child, created on first use. Under <see cref="Gate"/>.</summary>
    public ChildRestartStats StatsOf(ActorCell child)
    {
        Stats ??= new Dictionary<ActorCell, ChildRestartStats>(ReferenceEqualityComparer.Instance);
        if (!Stats.TryGetValue(child, out ChildRestartStats? stats))
        {
            stats = new ChildRestartStats(child.Self);
            Stats.Add(child, stats);
        }

        return stats;
    }

    /// <summary>Forgets a terminated child. Under <see cref="Gate"/>.</summary>
    public void Remove(ActorCell child)
    {
        _byName.Remove(child.Self.Path.Name);
        Stats?.Remove(child);
    }
}
