namespace Actors;

/// <summary>
/// The children of one cell by name. Guarded by its own lock because guardians create children from any thread
/// and tools read the tree while it runs.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ChildRestartStats> _byName = new(StringComparer.Ordinal);

    /// <summary>The last number used for a generated child name; kept here rather than on every cell.</summary>
    public long NameCounter;

    public object Gate => _byName;

    public Dictionary<string, ChildRestartStats> ByName => _byName;
}
