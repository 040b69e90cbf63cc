using System.Diagnostics;
using System.Net.WebSockets;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Sessions;

/// <summary>
/// <c>reconnect-10k</c>: seconds until every session is connected again after the upstream restarts (stops, then
/// serves again on the same port), with the sessions' jittered backoff (1 s min, 20 % jitter), and the peak
/// connection rate the upstream saw; against the same number of bare ClientWebSockets that reconnect at once
/// (the thundering herd). The upstream runs in its own process and is killed and restarted. Quick mode: 1,000
/// sessions; full: 10,000.
/// </summary>
internal static class Reconnect
{
    public static BenchResult Run(BenchSettings settings)
    {
        int n = settings.Rounds < 7 ? 1_000 : 10_000;
        (double herdSeconds, int herdPeak) = Herd(n);
        (double ours, int peak) = Sessions(n);
        return new BenchResult("reconnect-10k", "s", ours, herdSeconds, "all reconnect; peak rate below the herd's", peak < herdPeak, $"bare sockets reconnecting at once; {n:N0} sessions; peak connects/s ours {peak:N0} vs herd {herdPeak:N0}");
    }

    private static (double Seconds, int Peak) Sessions(int n)
    {
        using ExternalUpstream upstream = ExternalUpstream.Start();
        using SessionFleet fleet = SessionFleet.Start(upstream.WebSocketUrl);
        fleet.Connect(n);
        upstream.Restart();
        return WaitForAll(upstream, n);
    }

    private static (double Seconds, int Peak) WaitForAll(ExternalUpstream upstream, int n)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        (int connected, int peak) = upstream.Stats();
        while (connected < n && clock.Elapsed < TimeSpan.FromMinutes(3) && poll.WaitForNextTickAsync().AsTask().GetAwaiter().GetResult())
        {
            (connected, peak) = upstream.Stats();
        }

        return (clock.Elapsed.TotalSeconds, peak);
    }

    private static (double Seconds, int Peak) Herd(int n)
    {
        using ExternalUpstream upstream = ExternalUpstream.Start();
        Uri url = upstream.WebSocketUrl;
        var sockets = new ClientWebSocket[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 64 }, i => sockets[i] = Connect(url, i).GetAwaiter().GetResult());
        upstream.Restart();
        var clock = Stopwatch.StartNew();
        Task.WaitAll(Enumerable.Range(0, n).Select(async i =>
        {
            sockets[i].Dispose();
            while (true)
            {
                try
                {
                    sockets[i] = await Connect(url, i).ConfigureAwait(false);
                    return;
                }
                catch (WebSocketException)
                {
                    // At once again: no backoff, as a naive client does.
                }
            }
        }).ToArray());
        double seconds = clock.Elapsed.TotalSeconds;
        int peak = upstream.Stats().PeakConnectsPerSecond;
        foreach (ClientWebSocket s in sockets)
        {
            s.Abort();
            s.Dispose();
        }

        return (seconds, peak);
    }

    private static async Task<ClientWebSocket> Connect(Uri url, int i)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url, $"?instance_id=herd{i}"), CancellationToken.None).ConfigureAwait(false);
        return socket;
    }
}
