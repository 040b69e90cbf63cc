namespace Actors.Cmd;

/// <summary>
/// The registered palettes. Writers take the lock and publish a fresh immutable snapshot; readers (connections) read
/// the snapshot without locking.
/// </summary>
internal sealed class PaletteRegistry
{
    private readonly object _gate = new();
    private Dictionary<string, CommandPalette> _snapshot = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, CommandPalette> Snapshot => Volatile.Read(ref _snapshot);

    public void Register(CommandPalette palette)
    {
        lock (_gate)
        {
            var next = new Dictionary<string, CommandPalette>(_snapshot, StringComparer.OrdinalIgnoreCase) { [palette.Name] = palette };
            Volatile.Write(ref _snapshot, next);
        }
    }

    public bool Unregister(string name)
    {
        lock (_gate)
        {
            if (!_snapshot.ContainsKey(name))
            {
                return false;
            }

            var next = new Dictionary<string, CommandPalette>(_snapshot, StringComparer.OrdinalIgnoreCase);
            next.Remove(name);
            Volatile.Write(ref _snapshot, next);
            return true;
        }
    }

    public IReadOnlyList<PaletteDescriptor> Descriptors() =>
        Snapshot.Values.Select(p => p.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
}
