using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Samples.Upstream;

/// <summary>The upstream's whole state: instances, faults, live connections and the connection rate.</summary>
public sealed class UpstreamState
{
    private readonly ConcurrentDictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StandingFaults> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, int> _connectsPerSecond = new();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _live = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private StandingFaults _global = new(FaultSettings.None, long.MaxValue);

    /// <summary>The clock that ends faults set with <see cref="FaultSettings.ExpiresAfterMs"/> (a test may pass its own).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether a newly seen instance counts as scanned (default on, so sessions become ready at once).</summary>
    public bool AutoScan { get; set; } = true;

    /// <summary>Connections open now.</summary>
    public int Connected => _live.Count;

    /// <summary>The most connections accepted within one second since start (or since <see cref="ResetRate"/>).</summary>
    public int PeakConnectsPerSecond => _connectsPerSecond.IsEmpty ? 0 : _connectsPerSecond.Values.Max();

    /// <summary>Every instance seen so far.</summary>
    public IReadOnlyCollection<InstanceRecord> Instances => (IReadOnlyCollection<InstanceRecord>)_instances.Values;

    /// <summary>The record of <paramref name="instanceId"/>, created on first use.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The record.</returns>
    public InstanceRecord Instance(string instanceId) => _instances.GetOrAdd(instanceId, id => new InstanceRecord(id) { Scanned = AutoScan });

    /// <summary>The record of <paramref name="instanceId"/> if it was seen.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public InstanceRecord? Find(string instanceId) => _instances.TryGetValue(instanceId, out InstanceRecord? r) ? r : null;

    /// <summary>The faults in force for <paramref name="instanceId"/>: its own if set and not expired, else the global ones (if not expired).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The faults.</returns>
    public FaultSettings FaultsFor(string instanceId)
    {
        long now = Time.GetTimestamp();
        if (_faults.TryGetValue(instanceId, out StandingFaults? own))
        {
            if (own.Until > now)
            {
                return own.Faults;
            }

            _faults.TryRemove(new KeyValuePair<string, StandingFaults>(instanceId, own));
        }

        StandingFaults global = _global;
        return global.Until > now ? global.Faults : FaultSettings.None;
    }

    /// <summary>Sets the faults of one instance, or the global ones when <paramref name="instanceId"/> is null.</summary>
    /// <param name="instanceId">The instance id, or <see langword="null"/> for all.</param>
    /// <param name="faults">The faults.</param>
    public void SetFaults(string? instanceId, FaultSettings faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        long until = faults.ExpiresAfterMs > 0 ? Time.GetTimestamp() + (faults.ExpiresAfterMs * Time.TimestampFrequency / 1000) : long.MaxValue;
        var standing = new StandingFaults(faults, until);
        if (instanceId is null)
        {
            _global = standing;
        }
        else
        {
            _faults[instanceId] = standing;
        }
    }

    /// <summary>Clears the faults of one instance, or every fault when <paramref name="instanceId"/> is null.</summary>
    /// <param name="instanceId">The instance id, or <see langword="null"/> for all.</param>
    public void ClearFaults(string? instanceId)
    {
        if (instanceId is null)
        {
            _faults.Clear();
            _global = new StandingFaults(FaultSettings.None, long.MaxValue);
        }
        else
        {
            _faults.TryRemove(instanceId, out _);
        }
    }

    /// <summary>Forgets the measured connection rate.</summary>
    public void ResetRate() => _connectsPerSecond.Clear();

    /// <summary>Drops every open connection (as a restart of the upstream would).</summary>
    /// <returns>The number of connections dropped.</returns>
    public int DisconnectAll()
    {
        int n = 0;
        foreach (CancellationTokenSource cts in _live.Values)
        {
            try
            {
                cts.Cancel();
                n++;
            }
            catch (ObjectDisposedException)
            {
                // That connection ended between the listing and the cancel.
            }
        }

        return n;
    }

    internal void Register(Guid connection, CancellationTokenSource cts)
    {
        _live[connection] = cts;
        long second = (long)Stopwatch.GetElapsedTime(_started).TotalSeconds;
        _connectsPerSecond.AddOrUpdate(second, 1, static (_, n) => n + 1);
    }

    internal void Unregister(Guid connection) => _live.TryRemove(connection, out _);

    /// <summary>Faults and the timestamp (of <see cref="Time"/>) they end at; <see cref="long.MaxValue"/> for never.</summary>
    private sealed record StandingFaults(FaultSettings Faults, long Until);
}
