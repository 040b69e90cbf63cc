using System.Diagnostics;
using System.Net.WebSockets;
using Actors.Benchmarks.Support;
using Actors.Samples.Upstream;

namespace Actors.Benchmarks.Sessions;

/// <summary>
/// <c>reconnect-10k</c>: seconds until every session is connected again after the upstream restarts (stops, then
/// serves again on the same port), with the sessions' jittered backoff (1 s min, 20 % jitter), and the peak
/// connection rate the upstream saw; against the same number of bare ClientWebSockets that reconnect at once
/// (the thundering herd). Quick mode: 1,000 sessions; full: 10,000.
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
        var state = new UpstreamState();
        UpstreamServer upstream = SessionsBytes.Start();
        int port = upstream.HttpUrl.Port;
        using SessionFleet fleet = SessionFleet.Start(upstream.WebSocketUrl);
        fleet.Connect(n);
        upstream.DisposeAsync().AsTask().GetAwaiter().GetResult();
        upstream = UpstreamServer.StartAsync(port, state).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (state.Connected < n && clock.Elapsed < TimeSpan.FromMinutes(3) && poll.WaitForNextTickAsync().AsTask().GetAwaiter().GetResult())
        {
        }

        double seconds = clock.Elapsed.TotalSeconds;
        int peak = state.PeakConnectsPerSecond;
        upstream.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (seconds, peak);
    }

    private static (double Seconds, int Peak) Herd(int n)
    {
        var state = new UpstreamState();
        UpstreamServer upstream = UpstreamServer.StartAsync(0, new UpstreamState()).GetAwaiter().GetResult();
        int port = upstream.HttpUrl.Port;
        Uri url = upstream.WebSocketUrl;
        var sockets = new ClientWebSocket[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 64 }, i => sockets[i] = Connect(url, i).GetAwaiter().GetResult());
        upstream.DisposeAsync().AsTask().GetAwaiter().GetResult();
        upstream = UpstreamServer.StartAsync(port, state).GetAwaiter().GetResult();
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
        int peak = state.PeakConnectsPerSecond;
        foreach (ClientWebSocket s in sockets)
        {
            s.Abort();
            s.Dispose();
        }

        upstream.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (seconds, peak);
    }

    private static async Task<ClientWebSocket> Connect(Uri url, int i)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url, $"?instance_id=herd{i}"), CancellationToken.None).ConfigureAwait(false);
        return socket;
    }
}
