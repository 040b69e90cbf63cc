namespace Actors;

/// <summary>
/// The children of one cell by name. Guarded by its own lock because guardians create children from any thread
/// and tools read the tree while it runs.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ChildRestartStats> _byName = new(StringComparer.Ordinal);

    public object Gate => _byName;

    public Dictionary<string, ChildRestartStats> ByName => _byName;
}
