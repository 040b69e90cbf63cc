using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Resilience.Breaker;
using Actors.Resilience.Units;

namespace Actors.Resilience.Metrics;

/// <summary>
/// What one <see cref="ResilienceRuntime"/> records into <see cref="ResilienceMeter"/>: counters are recorded at once
/// under the system's tag; the gauges' state (instances per kind and state, buffered messages per kind) lives here.
/// </summary>
/// <remarks>
/// Threading contract: <see cref="InstanceStateChanged"/> is called only by the recorder actor (one writer); the
/// buffered counts are added to by unit instances with interlocked adds; the observe methods run on the exporter's
/// thread and only read.
/// </remarks>
internal sealed class ResilienceMetrics
{
    private readonly KeyValuePair<string, object?> _system;
    private readonly ConcurrentDictionary<(string Kind, UnitState State), int> _instances = new();
    private readonly ConcurrentDictionary<string, BufferedCount> _buffered = new(StringComparer.Ordinal);

    private readonly Func<bool> _ended;

    /// <param name="systemName">The actor system's name.</param>
    /// <param name="ended">Whether the system has terminated: its gauges are no longer observed from then on.</param>
    public ResilienceMetrics(string systemName, Func<bool>? ended = null)
    {
        SystemName = systemName;
        _system = new(ResilienceMeter.SystemTag, systemName);
        _ended = ended ?? (static () => false);
    }

    /// <summary>
    /// Whether the system has terminated. Read at each observation, because the untracking continuation may run after
    /// the code that awaited the system's termination has already looked.
    /// </summary>
    public bool Ended => _ended();

    /// <summary>The actor system's name, the value of every measurement's <see cref="ResilienceMeter.SystemTag"/>.</summary>
    public string SystemName { get; }

    public void Failed(string? kind, Exception cause)
    {
        string type = cause.GetType().FullName ?? cause.GetType().Name;
        var exception = new KeyValuePair<string, object?>(ResilienceMeter.ExceptionTypeTag, type);
        if (kind is null)
        {
            ResilienceMeter.FailureCounter.Add(1, _system, exception);
        }
        else
        {
            ResilienceMeter.FailureCounter.Add(1, _system, new(ResilienceMeter.KindTag, kind), exception);
        }
    }

    public void Restarted(string kind) =>
        ResilienceMeter.RestartCounter.Add(1, _system, new(ResilienceMeter.KindTag, kind));

    public void BreakerChanged(string kind, CircuitBreakerState to) =>
        ResilienceMeter.TransitionCounter.Add(1, _system, new(ResilienceMeter.KindTag, kind), new(ResilienceMeter.StateTag, ResilienceMeter.StateName(to)));

    /// <summary>Moves one instance from <paramref name="previous"/> (none when new) to <paramref name="state"/>; stopped instances are not counted.</summary>
    public void InstanceStateChanged(string kind, UnitState? previous, UnitState state)
    {
        if (previous is { } from && from != UnitState.Stopped)
        {
            _instances.AddOrUpdate((kind, from), 0, static (_, n) => Math.Max(0, n - 1));
        }

        if (state != UnitState.Stopped)
        {
            _instances.AddOrUpdate((kind, state), 1, static (_, n) => n + 1);
        }
    }

    /// <summary>The buffered-message count of <paramref name="kind"/>, shared by its instances.</summary>
    public BufferedCount Buffered(string kind) => _buffered.GetOrAdd(kind, static _ => new BufferedCount());

    /// <summary>Every (kind, state) seen so far, zeros included, so a state that empties reads 0 rather than vanishing.</summary>
    public void ObserveInstances(List<Measurement<int>> into)
    {
        foreach (var ((kind, state), count) in _instances)
        {
            into.Add(new Measurement<int>(count, _system, new(ResilienceMeter.KindTag, kind), new(ResilienceMeter.StateTag, ResilienceMeter.StateName(state))));
        }
    }

    public void ObserveBuffered(List<Measurement<long>> into)
    {
        foreach (var (kind, count) in _buffered)
        {
            into.Add(new Measurement<long>(count.Value, _system, new(ResilienceMeter.KindTag, kind)));
        }
    }
}
