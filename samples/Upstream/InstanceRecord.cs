using System.Collections.Concurrent;

namespace Actors.Samples.Upstream;

/// <summary>What the upstream knows of one instance: keys received (deduplicated), duplicates, connections.</summary>
public sealed class InstanceRecord
{
    private readonly ConcurrentDictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _nextServerId;
    private long _duplicates;
    private long _connections;
    private long _refused;

    /// <summary>Creates the record of <paramref name="instanceId"/>.</summary>
    /// <param name="instanceId">The instance id.</param>
    public InstanceRecord(string instanceId) => InstanceId = instanceId;

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>Whether the instance's QR code was scanned (it then gets <c>ready</c> on connect).</summary>
    public bool Scanned { get; set; }

    /// <summary>Distinct idempotency keys received.</summary>
    public int DistinctKeys => _keys.Count;

    /// <summary>Sends whose key was already received, discarded.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Connections accepted.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Connections refused by a fault.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The distinct keys in the order they first arrived.</summary>
    public IReadOnlyList<string> Keys => _order.ToArray();

    /// <summary>Pushes a frame to the instance's live connection, if it has one (set by the connection).</summary>
    internal Func<object, Task>? Push { get; set; }

    internal void Connected() => Interlocked.Increment(ref _connections);

    internal void RefusedOne() => Interlocked.Increment(ref _refused);

    /// <summary>Records a send: its server id, and whether the key had been seen (then it is discarded).</summary>
    internal (long ServerId, bool Duplicate) Receive(string key)
    {
        long candidate = Interlocked.Increment(ref _nextServerId);
        long id = _keys.GetOrAdd(key, candidate);
        if (id != candidate)
        {
            Interlocked.Increment(ref _duplicates);
            return (id, true);
        }

        _order.Enqueue(key);
        return (id, false);
    }
}
