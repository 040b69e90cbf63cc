using System.Diagnostics;
using System.Text.Json;

namespace Actors.Soak;

/// <summary>GETs <c>/health</c> every 250 ms: the latency of each answer while chaos runs, and the last status seen.</summary>
internal sealed class HealthProbe
{
    private readonly List<double> _chaosMilliseconds = [];

    public HealthProbe(KillWindow window) => Outcomes = new Outcomes(window);

    public Outcomes Outcomes { get; }

    /// <summary>Whether answers count as "during chaos".</summary>
    public bool ChaosRunning { get; set; } = true;

    /// <summary>The last status answered (healthy, warning, critical), or null.</summary>
    public string? LastStatus { get; private set; }

    /// <summary>The last health answer's body.</summary>
    public string? LastBody { get; private set; }

    /// <summary>The p99 of GET /health's latency while chaos ran, in ms (answered requests).</summary>
    public (double P50, double P99, double Max, int Count) ChaosLatency()
    {
        double[] sorted;
        lock (_chaosMilliseconds)
        {
            sorted = [.. _chaosMilliseconds.Order()];
        }

        return sorted.Length == 0
            ? (double.NaN, double.NaN, double.NaN, 0)
            : (sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)], sorted[^1], sorted.Length);
    }

    public async Task RunAsync(HttpClient http, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await ProbeAsync(http).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async Task ProbeAsync(HttpClient http)
    {
        long started = Stopwatch.GetTimestamp();
        using HttpResponseMessage? response = await Outcomes.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, "/health")).ConfigureAwait(false);
        double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is null)
        {
            return;
        }

        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (ChaosRunning)
        {
            lock (_chaosMilliseconds)
            {
                _chaosMilliseconds.Add(ms);
            }
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            LastStatus = json.RootElement.GetProperty("status").GetString();
            LastBody = body;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            LastStatus = null;
        }
    }
}
