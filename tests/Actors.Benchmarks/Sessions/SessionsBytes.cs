using System.Net.WebSockets;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Sessions;

/// <summary>
/// <c>sessions-bytes</c>: managed bytes retained per connected session (unit instance, breaker, worker with its
/// ClientWebSocket and receive loop), against a bare ClientWebSocket connected to the same upstream with a pending
/// receive. The upstream runs in a process of its own (<see cref="ExternalUpstream"/>), so both count the client side
/// only. Quick mode connects 1,000 sessions, full mode 10,000.
/// </summary>
internal static class SessionsBytes
{
    public static BenchResult Run(BenchSettings settings)
    {
        int n = settings.Rounds < 7 ? 1_000 : 10_000;
        double baseline;
        double ours;
        using (ExternalUpstream upstream = ExternalUpstream.Start())
        {
            baseline = BareSockets(upstream.WebSocketUrl, n);
        }

        using (ExternalUpstream upstream = ExternalUpstream.Start())
        {
            ours = Sessions(upstream.WebSocketUrl, n);
        }

        return new BenchResult("sessions-bytes", "B", ours, baseline, "ratio <= 4", ours / baseline <= 4, $"a bare ClientWebSocket with a pending receive; {n:N0} sessions, client side (the upstream runs in its own process)");
    }

    private static double Sessions(Uri upstream, int n)
    {
        using SessionFleet fleet = SessionFleet.Start(upstream);
        fleet.Connect(10);
        long before = Retained();
        fleet.Connect(n + 10);
        long after = Retained();
        return (after - before) / (double)n;
    }

    private static double BareSockets(Uri upstream, int n)
    {
        var sockets = new List<ClientWebSocket>(n);
        var receives = new List<Task>(n);
        using var cts = new CancellationTokenSource();
        long before = Retained();
        for (int i = 0; i < n; i++)
        {
            var socket = new ClientWebSocket();
            socket.ConnectAsync(new Uri(upstream, $"?instance_id=bare{i}"), CancellationToken.None).GetAwaiter().GetResult();
            sockets.Add(socket);
            receives.Add(Drain(socket, cts.Token));
        }

        long after = Retained();
        cts.Cancel();
        foreach (ClientWebSocket s in sockets)
        {
            s.Abort();
            s.Dispose();
        }

        return (after - before) / (double)n;
    }

    private static async Task Drain(ClientWebSocket socket, CancellationToken token)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                await socket.ReceiveAsync(buffer, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
