using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Actors.Benchmarks.Support;
using Actors.Feeds.Configuration;
using Actors.Feeds.Hosting;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Units;
using Actors.Samples.Exchange;

namespace Actors.Benchmarks.Feeds;

/// <summary>
/// <c>feed-recovery</c>: seconds from the sample exchange dropping a connection to the first frame after the
/// reconnect, p99 over the drops (100; 5 in quick mode, which keeps the whole quick run under 90 s), with min backoff 1 s (jitter 0.2), through a feed unit
/// (RestartSource) on real WebSockets; against the hand-written reconnect loop (same min backoff and jitter)
/// connected to the same exchange, dropped by the same fault at the same moment. Between drops both stream for
/// 1.5 s, longer than the feed's restart-window (1 s), so each drop starts again from min backoff.
/// </summary>
internal static class FeedRecovery
{
    private const string Symbol = "BTCUSDT";

    public static BenchResult Run(BenchSettings settings) => RunAsync(settings == BenchSettings.Quick ? 5 : 100).GetAwaiter().GetResult();

    private static async Task<BenchResult> RunAsync(int drops)
    {
        await using ExchangeServer exchange = await ExchangeServer.StartAsync(new ExchangeOptions { Interval = TimeSpan.FromMilliseconds(10), Symbols = [Symbol] });
        ActorSystem system = BenchSystem.Create("feed-recovery");
        var options = new FeedsOptions
        {
            Url = exchange.WebSocketUrl,
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            RandomFactor = 0.2,
            MaxRestarts = 1000,
            RestartWindow = TimeSpan.FromSeconds(1),
        };
        using FeedsRuntime feeds = FeedsRuntime.Create(options);
        feeds.Attach(system);
        var resilience = new ResilienceOptions();
        resilience.Kinds.Add(feeds.UnitKind());
        ResilienceRuntime runtime = ResilienceRuntime.Start(system, resilience);
        var ours = Channel.CreateUnbounded<long>();
        IActorRef signal = system.ActorOf(Props.Create(() => new FeedConnectedSignal(ours.Writer)));
        system.EventStream.Subscribe(signal, typeof(FeedConnected));
        await using var baseline = new HandWrittenFeed(exchange.WebSocketUrl, Symbol, options.MinBackoff);
        try
        {
            runtime.Tell(new UnitMessage(FeedsRuntime.Kind, Symbol, StartFeed.Instance));
            baseline.Start();
            using var first = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await ours.Reader.ReadAsync(first.Token);
            await baseline.FirstFrames.ReadAsync(first.Token);
            var oursLatencies = new List<double>(drops);
            var baselineLatencies = new List<double>(drops);
            for (int i = 0; i < drops; i++)
            {
                // Pacing the workload, not waiting for a result (results come through the channels): both feeds must
                // stream longer than RestartSource's restart window, which only real time satisfies, before the next
                // drop. A fixed-period timer would not do: a slow recovery would make the next drop come too soon.
                await Task.Delay(TimeSpan.FromSeconds(1.5), CancellationToken.None);
                long dropped = Stopwatch.GetTimestamp();
                exchange.Faults.Arm("drop", 1);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                long oursAt = await ours.Reader.ReadAsync(deadline.Token);
                long baselineAt = await baseline.FirstFrames.ReadAsync(deadline.Token);
                oursLatencies.Add(Stopwatch.GetElapsedTime(dropped, oursAt).TotalSeconds);
                baselineLatencies.Add(Stopwatch.GetElapsedTime(dropped, baselineAt).TotalSeconds);
            }

            double p99 = Percentile(oursLatencies, 99);
            double baseP99 = Percentile(baselineLatencies, 99);
            return new BenchResult(
                "feed-recovery",
                "s",
                p99,
                baseP99,
                "value <= 1.5 s",
                p99 <= 1.5,
                string.Create(CultureInfo.InvariantCulture, $"hand-written reconnect loop; {drops} drops, min backoff 1 s; p50 {Percentile(oursLatencies, 50):0.000} vs {Percentile(baselineLatencies, 50):0.000} s"));
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static double Percentile(List<double> values, int percentile)
    {
        double[] sorted = [.. values.Order()];
        int index = Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index];
    }
}
