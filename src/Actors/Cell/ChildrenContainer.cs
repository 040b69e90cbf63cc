namespace Actors;

/// <summary>
/// The children of one cell: named ones by name, unnamed ones by the number of their generated name (so an unnamed
/// child costs no name string until something asks for its name). Guarded by its own lock because guardians create
/// children from any thread and tools read the tree while it runs.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ActorCell> _byName = new(StringComparer.Ordinal);
    private Dictionary<long, ActorCell>? _byNumber;
    private Dictionary<ActorCell, ChildRestartStats>? _stats;

    /// <summary>The last number used for a generated child name; kept here rather than on every cell.</summary>
    public long NameCounter;

    /// <summary>The lock for everything in this container.</summary>
    public object Gate => _byName;

    /// <summary>How many children are registered (live or stopping). Under <see cref="Gate"/>.</summary>
    public int Count => _byName.Count + (_byNumber?.Count ?? 0);

    /// <summary>Every registered child, named ones first. Under <see cref="Gate"/>.</summary>
    public IEnumerable<ActorCell> Cells => _byNumber is null ? _byName.Values : _byName.Values.Concat(_byNumber.Values);

    /// <summary>Registers a new child under its path's name; false when the name is taken. Under <see cref="Gate"/>.</summary>
    public bool TryAdd(ActorCell child)
    {
        if (child.Self.Path is ChildActorPath { GeneratedNumber: >= 0 } generated)
        {
            return (_byNumber ??= new Dictionary<long, ActorCell>()).TryAdd(generated.GeneratedNumber, child);
        }

        return _byName.TryAdd(child.Self.Path.Name, child);
    }

    /// <summary>The child registered under <paramref name="name"/>, generated or given. Under <see cref="Gate"/>.</summary>
    public bool TryGetCell(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorCell? cell)
    {
        if (ChildActorPath.TryParseGeneratedName(name, out long number))
        {
            cell = null;
            return _byNumber is not null && _byNumber.TryGetValue(number, out cell);
        }

        return _byName.TryGetValue(name, out cell);
    }

    /// <summary>
    /// Finds the registered cell of <paramref name="child"/> (by name, then by identity: a name may already belong to
    /// a newer child). Under <see cref="Gate"/>.
    /// </summary>
    public bool TryGetCell(IActorRef child, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorCell? cell)
    {
        cell = null;
        bool found = child.Path is ChildActorPath { GeneratedNumber: >= 0 } generated
            ? _byNumber is not null && _byNumber.TryGetValue(generated.GeneratedNumber, out cell)
            : _byName.TryGetValue(child.Path.Name, out cell);
        if (found && ReferenceEquals(cell!.Self, child))
        {
            return true;
        }

        cell = null;
        return false;
    }

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

    /// <summary>Forgets a terminated child. Under <see cref="Gate"/>.</summary>
    public void Remove(ActorCell child)
    {
        if (child.Self.Path is ChildActorPath { GeneratedNumber: >= 0 } generated)
        {
            _byNumber?.Remove(generated.GeneratedNumber);
        }
        else
        {
            _byName.Remove(child.Self.Path.Name);
        }

        _stats?.Remove(child);
    }
}
