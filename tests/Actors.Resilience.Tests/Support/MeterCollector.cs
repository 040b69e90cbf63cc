using System.Diagnostics.Metrics;

namespace Actors.Resilience.Tests.Support;

/// <summary>
/// A <see cref="MeterListener"/> on one meter that keeps the measurements tagged with one actor system's name (tests
/// run in parallel, each on its own system, all recording into the same process-wide meter). Counters are summed;
/// gauges are read by <see cref="Observe"/>, which samples them now.
/// </summary>
public sealed class MeterCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _systemTag;
    private readonly string _system;
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

    public MeterCollector(string meterName, string systemTag, string system)
    {
        _systemTag = systemTag;
        _system = system;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>The sum of the measurements of <paramref name="instrument"/> whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && Matches(m.Tags, tags)).Sum(m => m.Value);
        }
    }

    /// <summary>How many measurements of <paramref name="instrument"/> carry every one of <paramref name="tags"/> (a histogram's count).</summary>
    public int Count(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_measurements)
        {
            return _measurements.Count(m => m.Instrument == instrument && Matches(m.Tags, tags));
        }
    }

    /// <summary>The values of <paramref name="instrument"/> with every one of <paramref name="tags"/>, in order.</summary>
    public IReadOnlyList<double> Values(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && Matches(m.Tags, tags)).Select(m => m.Value).ToArray();
        }
    }

    /// <summary>Samples the gauges now and answers the value of <paramref name="instrument"/> with exactly these tags besides the system's (0 when absent).</summary>
    public double Observe(string instrument, params (string Key, string Value)[] tags)
    {
        lock (_measurements)
        {
            _measurements.RemoveAll(m => m.Instrument == instrument);
        }

        _listener.RecordObservableInstruments();
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && m.Tags.Count == tags.Length + 1 && Matches(m.Tags, tags)).Sum(m => m.Value);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool Matches(Dictionary<string, string?> actual, (string Key, string Value)[] wanted) =>
        wanted.All(t => actual.TryGetValue(t.Key, out string? v) && v == t.Value);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        if (!map.TryGetValue(_systemTag, out string? system) || system != _system)
        {
            return;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, map));
        }
    }
}
