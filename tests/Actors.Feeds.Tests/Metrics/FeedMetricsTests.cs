using System.Threading.Channels;
using Actors.Feeds.Configuration;
using Actors.Feeds.Hosting;
using Actors.Feeds.Metrics;
using Actors.Feeds.State;
using Actors.Feeds.Tests.Support;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Metrics;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.Streams.Dsl;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Metrics;

/// <summary>The Actors.Feeds meter on virtual time: frames are written one by one into the feed's source, the clock moves between them.</summary>
public sealed class FeedMetricsTests(ITestOutputHelper output) : FeedsTestKit(output, virtualTime: true, systemName: "feed-metrics-" + Guid.NewGuid().ToString("N")[..8]), IDisposable
{
    private readonly Channel<string> _frames = Channel.CreateUnbounded<string>();
    private MeterCollector? _meter;

    [Fact]
    public async Task Frames_ArriveTwoAndThreeSecondsApart_CountedByKindAndIntervalsRecordedOnTheSystemClock()
    {
        _meter = new MeterCollector(FeedMeter.Name, ResilienceMeter.SystemTag, Sys.Name);
        using FeedsRuntime feeds = FeedsRuntime.Create(new FeedsOptions { StaleAfter = TimeSpan.FromMinutes(10) }, _ => ChannelSource.FromReader(_frames.Reader));
        ResilienceRuntime runtime = StartRuntime(feeds);
        runtime.Tell(new UnitMessage("feed", "BTCUSDT", StartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>();
        FeedStats stats = feeds.Registry.For("BTCUSDT");

        await WriteAsync(stats, Frames.Ticker("BTCUSDT", 1, 100m), 1);
        VirtualScheduler.Advance(TimeSpan.FromSeconds(2));
        await WriteAsync(stats, Frames.Book("BTCUSDT", 2, 99m, 101m), 2);
        VirtualScheduler.Advance(TimeSpan.FromSeconds(3));
        await WriteAsync(stats, Frames.Ticker("BTCUSDT", 3, 100.5m), 3);

        Assert.Equal(2, _meter.Sum(FeedMeter.Ticks, (FeedMeter.FrameTag, "ticker")));
        Assert.Equal(1, _meter.Sum(FeedMeter.Ticks, (FeedMeter.FrameTag, "book_delta")));
        Assert.Equal([2.0, 3.0], _meter.Values(FeedMeter.TickInterval));
    }

    void IDisposable.Dispose()
    {
        _meter?.Dispose();
        Dispose();
    }

    /// <summary>Writes a frame and waits until the worker has handled it (the frame count is the worker's own signal).</summary>
    private async Task WriteAsync(FeedStats stats, string frame, long frames)
    {
        await _frames.Writer.WriteAsync(frame);
        await AwaitConditionAsync(() => Task.FromResult(stats.Frames == frames), Signal);
    }
}
