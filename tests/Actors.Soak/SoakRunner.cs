using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Actors.Samples.Upstream;

namespace Actors.Soak;

/// <summary>
/// Runs the node as a child process with chaos for <see cref="SoakOptions.Duration"/> while clients send session
/// messages, submit prediction jobs and read feeds over HTTP; kills it with SIGKILL at half time and starts it again
/// on the same ./data; then stops chaos and measures: alive, messages lost and duplicated, every request's outcome,
/// the time until health is healthy again, the working-set drift and GET /health's latency under chaos.
/// The session upstream runs in this process, so what it received outlives the node's kill.
/// </summary>
internal static class SoakRunner
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    public static async Task<SoakReport> RunAsync(SoakOptions options)
    {
        await using UpstreamServer upstream = await UpstreamServer.StartAsync();
        string work = Directory.CreateTempSubdirectory("actors-soak-").FullName;
        string token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        int port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ACTORS__ADMIN__PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["ACTORS__ADMIN__TOKEN"] = token,
            ["ACTORS__CMD__PORT"] = "0",
            ["ACTORS__SESSIONS__UPSTREAM"] = upstream.WebSocketUrl.ToString(),
            ["ACTORS__CHAOS__RATE"] = options.ChaosRate.ToString(CultureInfo.InvariantCulture),
            // The session breaker's shipped reset is 10 minutes (the service's own); a soak that must see health come
            // back within a bound lets an open breaker probe again after 15 s.
            ["ACTORS__UNITS__SESSION__BREAKER__RESET_TIMEOUT"] = "15s",
        };
        string[] arguments = ["--no-load", "--chaos"];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var window = new KillWindow();
        var sessions = new SessionClients(options, window);
        var jobs = new PredictionClient(options, window);
        var feeds = new FeedReader(window);
        var health = new HealthProbe(window);
        var rss = new List<(double Seconds, long Bytes)>();
        var chaosCounts = new ChaosCounts();
        var clock = Stopwatch.StartNew();
        NodeProcess node = NodeProcess.Start(work, environment, arguments);
        try
        {
            await WaitUpAsync(node, http, options);
            options.Progress($"soak: node up (pid {node.Id}) at {http.BaseAddress}, data in {work}; chaos at {options.ChaosRate} faults/s for {options.Duration.TotalSeconds:0} s, SIGKILL at half time");
            using var stopClients = new CancellationTokenSource();
            Task clients = Task.WhenAll(
                sessions.RunAsync(http, stopClients.Token),
                jobs.RunAsync(http, stopClients.Token),
                feeds.RunAsync(http, stopClients.Token),
                health.RunAsync(http, stopClients.Token));

            using var sampling = new CancellationTokenSource();
            Task sampler = SampleAsync(() => node, http, chaosCounts, rss, clock, options, sessions, jobs, health, sampling.Token);

            // First half, then the kill and the restart, then the second half.
            TimeSpan half = options.Duration / 2;
            using (var timer = new PeriodicTimer(half))
            {
                await timer.WaitForNextTickAsync();
            }

            double killAt = clock.Elapsed.TotalSeconds;
            bool diedBeforeKill = node.DiedOnItsOwn;
            chaosCounts.Restarted();
            window.Killed();
            node.Kill();
            options.Progress(string.Create(CultureInfo.InvariantCulture, $"soak: t={killAt:0}s SIGKILL; starting the node again on the same ./data"));
            var restartClock = Stopwatch.StartNew();
            node.Dispose();
            node = NodeProcess.Start(work, environment, arguments);
            await WaitUpAsync(node, http, options);
            window.UpAgain();
            double restart = restartClock.Elapsed.TotalSeconds;
            options.Progress(string.Create(CultureInfo.InvariantCulture, $"soak: node answering again after {restart:0.0} s (pid {node.Id})"));

            using (var timer = new PeriodicTimer(options.Duration - half))
            {
                await timer.WaitForNextTickAsync();
            }

            // Chaos stops, the clients stop; then health must come back and every accepted message must arrive.
            bool alive = node.IsAlive;
            using (HttpResponseMessage stop = await http.PostAsync("/admin/chaos/stop", null))
            {
                options.Progress($"soak: t={clock.Elapsed.TotalSeconds:0}s POST /admin/chaos/stop -> {(int)stop.StatusCode}");
            }

            await chaosCounts.ReadAsync(http);
            health.ChaosRunning = false;
            await stopClients.CancelAsync();
            await clients;
            var after = Stopwatch.StartNew();
            double? healthy = null;
            double delivered = double.NaN;
            HashSet<string> received = [];
            using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250)))
            {
                while (await poll.WaitForNextTickAsync())
                {
                    if (healthy is null)
                    {
                        await health.ProbeAsync(http);
                        await feeds.ReadAsync(http);
                        if (health.LastStatus == "healthy" && feeds.Last.Feeds > 0 && feeds.Last.Streaming == feeds.Last.Feeds)
                        {
                            healthy = after.Elapsed.TotalSeconds;
                            options.Progress(string.Create(CultureInfo.InvariantCulture, $"soak: healthy, every feed streaming, {healthy:0.0} s after chaos stopped"));
                        }
                    }

                    if (double.IsNaN(delivered))
                    {
                        received = ReceivedKeys(upstream);
                        if (sessions.Accepted.Keys.All(received.Contains))
                        {
                            delivered = after.Elapsed.TotalSeconds;
                            options.Progress(string.Create(CultureInfo.InvariantCulture, $"soak: all {sessions.Accepted.Count} accepted messages at the upstream {delivered:0.0} s after the clients stopped"));
                        }
                    }

                    bool healthDone = healthy is not null || after.Elapsed > options.HealthyBound;
                    bool deliveryDone = !double.IsNaN(delivered) || after.Elapsed > options.DeliveryBound;
                    if (healthDone && deliveryDone)
                    {
                        break;
                    }
                }
            }

            await sampling.CancelAsync();
            await sampler;
            bool diedOnItsOwn = diedBeforeKill || node.DiedOnItsOwn;
            alive &= node.IsAlive;
            int? exit = await node.TerminateAsync(TimeSpan.FromSeconds(30));
            options.Progress("soak: the node's own summary after SIGTERM:\n  " + string.Join("\n  ", node.Output.Split('\n').SkipWhile(l => !l.StartsWith("node: SIGTERM", StringComparison.Ordinal))));

            received = ReceivedKeys(upstream);
            IEnumerable<InstanceRecord> ours = upstream.State.Instances.Where(i => i.InstanceId.StartsWith("soak-", StringComparison.Ordinal));
            long keysInOrder = ours.Sum(i => (long)i.Keys.Count);
            (double baseline, double last, string windows) = Drift(rss, options.Duration);
            return new SoakReport
            {
                Duration = options.Duration,
                ChaosRate = options.ChaosRate,
                FaultsInjected = chaosCounts.Total,
                FaultsByKind = chaosCounts.ByKind(),
                AliveAtEnd = alive,
                DiedOnItsOwn = diedOnItsOwn,
                KillAtSeconds = killAt,
                RestartSeconds = restart,
                Sessions = sessions.Outcomes,
                MessagesAccepted = sessions.Accepted.Count,
                MessagesDelivered = sessions.Accepted.Keys.Count(received.Contains),
                MessagesLost = sessions.Accepted.Keys.Count(k => !received.Contains(k)),
                DeliveredWithout202 = received.Count(k => !sessions.Accepted.ContainsKey(k)),
                DuplicatesDiscarded = ours.Sum(i => i.Duplicates),
                DuplicatesAfterDedup = keysInOrder - received.Count,
                DeliverySeconds = delivered,
                Jobs = jobs.Outcomes,
                Feeds = feeds.Outcomes,
                Health = health.Outcomes,
                HealthySeconds = healthy,
                HealthyBound = options.HealthyBound,
                LastHealth = health.LastBody ?? "none",
                HealthLatency = health.ChaosLatency(),
                BaselineRssMiB = baseline,
                LastRssMiB = last,
                RssWindows = windows,
                NodeExitCode = exit,
            };
        }
        finally
        {
            node.Dispose();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static HashSet<string> ReceivedKeys(UpstreamServer upstream) =>
        [.. upstream.State.Instances.Where(i => i.InstanceId.StartsWith("soak-", StringComparison.Ordinal)).SelectMany(i => i.Keys)];

    private static async Task WaitUpAsync(NodeProcess node, HttpClient http, SoakOptions options)
    {
        await node.Url.WaitAsync(Startup);
        using HttpResponseMessage response = await http.GetAsync("/health");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every second: the node's working set, the chaos counts; every 10 s a progress line.</summary>
    private static async Task SampleAsync(Func<NodeProcess> node, HttpClient http, ChaosCounts chaos, List<(double Seconds, long Bytes)> rss, Stopwatch clock, SoakOptions options, SessionClients sessions, PredictionClient jobs, HealthProbe health, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        int tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (node().ResidentBytes() is { } bytes)
                {
                    lock (rss)
                    {
                        rss.Add((clock.Elapsed.TotalSeconds, bytes));
                    }
                }

                await chaos.ReadAsync(http);
                if (++tick % 10 == 0)
                {
                    options.Progress(string.Create(
                        CultureInfo.InvariantCulture,
                        $"soak: t={clock.Elapsed.TotalSeconds,4:0}s health {health.LastStatus ?? "-",-8} faults {chaos.Total,5} | messages sent {sessions.Outcomes.Sent,6} accepted {sessions.Accepted.Count,6} | jobs {jobs.Outcomes.Sent,4} ok {jobs.Outcomes.Ok,4} refused {jobs.Outcomes.Typed,4} | working set {(node().ResidentBytes() ?? 0) / 1048576.0,6:0.0} MiB"));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Mean working set in the run's second fifteenth (for 30 minutes: the second minute) and in its last.</summary>
    private static (double Baseline, double Last, string Windows) Drift(List<(double Seconds, long Bytes)> rss, TimeSpan duration)
    {
        double slice = duration.TotalSeconds / 15;
        double end = rss.Count == 0 ? 0 : rss[^1].Seconds;
        double Mean(double from, double to)
        {
            long[] window = [.. rss.Where(r => r.Seconds >= from && r.Seconds < to).Select(r => r.Bytes)];
            return window.Length == 0 ? double.NaN : window.Average() / 1048576.0;
        }

        double baseline = Mean(slice, 2 * slice);
        double last = Mean(end - slice, end + 1);
        return (baseline, last, string.Create(CultureInfo.InvariantCulture, $"windows of {slice:0} s at {slice:0}-{2 * slice:0} s and {end - slice:0}-{end:0} s, {rss.Count} samples (two processes: the kill is at half time)"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
