using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Actors.Feeds.Configuration;
using Actors.Feeds.Hosting;
using Actors.Feeds.State;
using Actors.Feeds.Units;
using Actors.Samples.Exchange;

namespace Actors.Samples.Node;

/// <summary>
/// The node's feeds: with <c>actors.feeds.url</c> on port 0 (hocon/node.conf) the node starts the sample exchange on
/// a free loopback port and points the feeds at it; any other URL is used as is and the fault demo is skipped.
/// The demo scripts a series of exchange faults against one feed and reports how it recovered from each.
/// </summary>
internal static class NodeFeeds
{
    private static ExchangeServer? s_exchange;

    /// <summary>The exchange this process started, if it started one.</summary>
    public static ExchangeServer? LocalExchange => s_exchange;

    /// <summary>Starts the local exchange when the URL asks for it (called while the host is built).</summary>
    public static void Configure(FeedsOptions options)
    {
        if (options.Url.Port != 0)
        {
            return;
        }

        // Akka.Hosting's callback is synchronous and runs without a synchronization context: waiting cannot deadlock.
        s_exchange = ExchangeServer.StartAsync(new ExchangeOptions { Symbols = [.. options.Symbols] }).GetAwaiter().GetResult();
        options.Url = s_exchange.WebSocketUrl;
    }

    /// <summary>Runs the scripted faults against the first symbol and returns the report (never throws).</summary>
    public static async Task<(bool Ok, string Report)> RunDemoAsync(ActorSystem system)
    {
        FeedsRuntime? feeds = FeedsRuntime.Get(system);
        if (s_exchange is not { } exchange || feeds is null || feeds.Options.Symbols.Count == 0)
        {
            return (true, "feeds: no local exchange (actors.feeds.url is not on port 0): fault demo skipped");
        }

        int n = feeds.Options.Symbols.Count;
        IReadOnlyList<FeedStats> all = [.. feeds.Options.Symbols.Select(feeds.Registry.For)];
        var channel = Channel.CreateUnbounded<object>();
        IActorRef forwarder = system.ActorOf(Props.Create(() => new FeedEventForwarder(channel.Writer)), "feed-demo-events");
        system.EventStream.Subscribe(forwarder, typeof(FeedConnected));
        var report = new StringBuilder();
        var clock = Stopwatch.StartNew();
        try
        {
            await WaitAsync(() => all.All(f => f.Frames > 0));
            report.AppendLine(CultureInfo.InvariantCulture, $"feeds: {n} feeds ({string.Join(", ", feeds.Options.Symbols)}) on the local exchange {exchange.WebSocketUrl}; scripted faults (each hits every open connection unless noted):");
            await FaultAsync(report, channel.Reader, exchange, "drop", 1, n, "the exchange drops every connection");
            long garbage = all.Sum(f => f.GarbageFrames);
            exchange.Faults.Arm("garbage", 3);
            await WaitAsync(() => all.Sum(f => f.GarbageFrames) >= garbage + 3);
            report.AppendLine(CultureInfo.InvariantCulture, $"  {"garbage x3",-11} 3 unreadable frames: skipped and counted, no reconnect ({all.Count(f => f.State == FeedState.Streaming)} of {n} streaming)");
            await FaultAsync(report, channel.Reader, exchange, "skip", 1, 1, "one sequence number skipped on one connection: gap -> resubscribe");
            await FaultAsync(report, channel.Reader, exchange, "stall", 1, n, "every socket stays open but silent: stale after 2 s -> resubscribe");
            exchange.Faults.Arm("refuse", 1);
            await FaultAsync(report, channel.Reader, exchange, "drop", 1, n, "every connection dropped, and the first reconnect refused");
            FeedSnapshot[] s = [.. all.Select(f => f.Snapshot(system.Scheduler.Now))];
            report.AppendLine(CultureInfo.InvariantCulture, $"feeds: {s.Count(x => x.State == "streaming")} of {n} streaming; reconnects {s.Sum(x => x.Reconnects)} (dropped {s.Sum(x => x.Disconnects.Dropped)}, refused {s.Sum(x => x.Disconnects.Refused)}), stale detections {s.Sum(x => x.StaleDetections)}, gap detections {s.Sum(x => x.GapDetections)}, garbage frames {s.Sum(x => x.GarbageFrames)}, gave up {s.Sum(x => x.RestartsExhausted)}");
            report.AppendLine(CultureInfo.InvariantCulture, $"       signals {s.Sum(x => x.BuySignals + x.SellSignals)}, confirm fallbacks {s.Sum(x => x.Confirm.Fallbacks)} (no confirm endpoint: neutral bias 0.5, so no paper order), paper fills {s.Sum(x => x.Paper.Book.Fills)}; demo took {clock.Elapsed.TotalSeconds:0.0} s");
            report.Append(CultureInfo.InvariantCulture, $"exchange: accepted {exchange.Stats.Accepted}, refused {exchange.Stats.Refused}, dropped {exchange.Stats.Dropped}, stalled {exchange.Stats.Stalled}, skipped {exchange.Stats.Skipped}, garbage {exchange.Stats.Garbage}, frames {exchange.Stats.Frames:N0}, pongs {exchange.Stats.Pongs}");
            return (s.All(x => x.State == "streaming"), report.ToString());
        }
        catch (TimeoutException e)
        {
            report.Append(CultureInfo.InvariantCulture, $"feeds: demo incomplete after {clock.Elapsed.TotalSeconds:0.0} s: {e.Message}");
            return (false, report.ToString());
        }
        finally
        {
            system.Stop(forwarder);
        }
    }

    /// <summary>One line on every feed as it is now: state, frames, reconnects and why.</summary>
    public static string Summary(ActorSystem system)
    {
        FeedsRuntime? feeds = FeedsRuntime.Get(system);
        if (feeds is null || feeds.Options.Symbols.Count == 0)
        {
            return "feeds: none configured";
        }

        FeedSnapshot[] s = [.. feeds.Options.Symbols.Select(feeds.Registry.For).Select(f => f.Snapshot(system.Scheduler.Now))];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"feeds: {s.Count(x => x.State == "streaming")} of {s.Length} streaming ({string.Join(", ", s.Select(x => $"{x.Symbol} {x.State}"))}); frames {s.Sum(x => x.Frames):N0}; reconnects {s.Sum(x => x.Reconnects)} (dropped {s.Sum(x => x.Disconnects.Dropped)}, refused {s.Sum(x => x.Disconnects.Refused)}), stale detections {s.Sum(x => x.StaleDetections)}, gap detections {s.Sum(x => x.GapDetections)}, garbage frames {s.Sum(x => x.GarbageFrames)}, gave up {s.Sum(x => x.RestartsExhausted)}");
    }

    /// <summary>Stops the local exchange, if the node started one.</summary>
    public static async Task StopAsync()
    {
        if (s_exchange is { } exchange)
        {
            await exchange.DisposeAsync();
        }
    }

    private static async Task FaultAsync(StringBuilder report, ChannelReader<object> events, ExchangeServer exchange, string fault, int count, int reconnects, string what)
    {
        while (events.TryRead(out _))
        {
        }

        var clock = Stopwatch.StartNew();
        exchange.Faults.Arm(fault, count);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var first = TimeSpan.Zero;
        try
        {
            for (int i = 0; i < reconnects; i++)
            {
                await events.ReadAsync(deadline.Token);
                if (i == 0)
                {
                    first = clock.Elapsed;
                }
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"  {fault + " x" + count,-11} {what}: {reconnects} streaming again, first after {first.TotalSeconds:0.00} s, last after {clock.Elapsed.TotalSeconds:0.00} s");
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"fewer than {reconnects} reconnects within 15 s after '{fault}'");
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException("the feed did not stream within 15 s");
            }

            await timer.WaitForNextTickAsync();
        }
    }
}
