using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Actors.Benchmarks.Support;
using Actors.Feeds.Paper;
using Actors.Feeds.Protocol;
using Actors.Feeds.Signals;
using Actors.Feeds.State;
using Actors.Feeds.Streams;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Actors.Benchmarks.Feeds;

/// <summary>
/// <c>feed-throughput</c>: frames per second through the feed's own stream stages (a bounded buffer, parse + gap
/// check, the indicator and its signal; no confirm call) on Akka.Streams, against a hand-written
/// System.Threading.Channels pipeline doing the same work with the same parser and indicator (a bounded channel of
/// the same size between a producer and a consumer task). Measured in alternating rounds after a warm-up round; the
/// best round of each counts. The in-memory source can be slowed, so the buffer back-pressures here (the live feed's
/// buffer fails on overflow, because the exchange cannot be slowed).
/// </summary>
internal static class FeedThroughput
{
    private const string Symbol = "BTCUSDT";
    private const int Buffer = 1024;

    public static BenchResult Run(BenchSettings settings)
    {
        int frames = settings == BenchSettings.Quick ? 100_000 : 400_000;
        string[] input = Frames(frames);
        ActorSystem system = BenchSystem.Create("feed-throughput");
        try
        {
            IMaterializer materializer = system.Materializer();
            double stream = 0;
            double channels = 0;
            long streamSignals = 0;
            long channelSignals = 0;
            for (int round = -1; round < settings.Rounds; round++)
            {
                (double s, long ss) = Stream(input, materializer);
                (double c, long cs) = Channels(input);
                if (round >= 0)
                {
                    stream = Math.Max(stream, s);
                    channels = Math.Max(channels, c);
                    streamSignals = ss;
                    channelSignals = cs;
                }
            }

            if (streamSignals != channelSignals)
            {
                throw new InvalidOperationException($"the two pipelines disagree: {streamSignals} vs {channelSignals} signals");
            }

            return new BenchResult(
                "feed-throughput",
                "frames/s",
                stream,
                channels,
                "ratio >= 0.5",
                stream / channels >= 0.5,
                string.Create(CultureInfo.InvariantCulture, $"Channels pipeline, same parser and indicator; {frames:N0} frames, {streamSignals:N0} signals per round"));
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static (double PerSecond, long Signals) Stream(string[] input, IMaterializer materializer)
    {
        var stats = new FeedStats(Symbol, new PaperBook(Symbol, 10));
        var clock = Stopwatch.StartNew();
        long signals = Source.From(input)
            .Buffer(Buffer, OverflowStrategy.Backpressure)
            .Via(FeedPipeline.Frames(Symbol, stats))
            .Via(FeedPipeline.Signals(5, 20))
            .RunAggregate(0L, (n, s) => s.Side == SignalSide.Hold ? n : n + 1, materializer)
            .GetAwaiter().GetResult();
        return (input.Length / clock.Elapsed.TotalSeconds, signals);
    }

    private static (double PerSecond, long Signals) Channels(string[] input)
    {
        var stats = new FeedStats(Symbol, new PaperBook(Symbol, 10));
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(Buffer) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var clock = Stopwatch.StartNew();
        Task producer = Task.Run(async () =>
        {
            foreach (string frame in input)
            {
                await channel.Writer.WriteAsync(frame).ConfigureAwait(false);
            }

            channel.Writer.Complete();
        });
        Task<long> consumer = Task.Run(async () =>
        {
            var guard = new SequenceGuard(Symbol, stats);
            var indicator = new CrossoverIndicator(5, 20);
            long signals = 0;
            await foreach (string text in channel.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                foreach (FeedFrame frame in guard.Next(text))
                {
                    if (indicator.Next(frame).Side != SignalSide.Hold)
                    {
                        signals++;
                    }
                }
            }

            return signals;
        });
        Task.WaitAll(producer, consumer);
        return (input.Length / clock.Elapsed.TotalSeconds, consumer.Result);
    }

    private static string[] Frames(int count)
    {
        var random = new Random(42);
        double price = 50_000;
        var frames = new string[count];
        for (int i = 0; i < count; i++)
        {
            long seq = i + 1;
            price *= 1 + ((random.NextDouble() - 0.5) * 0.002);
            string p = price.ToString("0.00", CultureInfo.InvariantCulture);
            frames[i] = seq % 2 == 1
                ? $$$"""{"topic":"tickers.{{{Symbol}}}","type":"snapshot","seq":{{{seq}}},"ts":1,"data":{"symbol":"{{{Symbol}}}","lastPrice":"{{{p}}}"}}"""
                : $$$"""{"topic":"orderbook.1.{{{Symbol}}}","type":"delta","seq":{{{seq}}},"ts":1,"data":{"s":"{{{Symbol}}}","b":[["{{{p}}}","1"]],"a":[["{{{p}}}","1"]]}}""";
        }

        return frames;
    }
}
