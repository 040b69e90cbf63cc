using Actors.Feeds.Hosting;
using Actors.Feeds.State;
using Actors.Feeds.Tests.Support;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Units;
using Actors.Samples.Exchange;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Units;

/// <summary>
/// A feed against the sample exchange over real WebSockets on loopback (real time, quick backoff): each fault the
/// exchange injects ends a connection for the right reason, and the feed resumes streaming. Waits are on events.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExchangeFaultTests(ITestOutputHelper output) : FeedsTestKit(output, virtualTime: false), IAsyncLifetime
{
    private ExchangeServer _exchange = null!;

    public async Task InitializeAsync() => _exchange = await ExchangeServer.StartAsync(new ExchangeOptions { Interval = TimeSpan.FromMilliseconds(10) });

    public async Task DisposeAsync() => await _exchange.DisposeAsync();

    [Fact]
    public void Feed_DropStallGarbageGapAndRefusal_ResumesAfterEachWithCounts()
    {
        using FeedsRuntime feeds = FeedsRuntime.Create(QuickOptions(_exchange.WebSocketUrl));
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe events = FeedEvents();
        runtime.Tell(new UnitMessage("feed", "BTCUSDT", StartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>(s => s.Symbol == "BTCUSDT");
        Next<FeedConnected>(events, c => c.Attempt == 1);
        FeedStats stats = feeds.Registry.For("BTCUSDT");

        // Drop: the exchange aborts the socket.
        _exchange.Faults.Arm("drop", 1);
        Assert.Equal("dropped", Next<FeedDisconnected>(events).Cause);
        int attempt = Next<FeedConnected>(events).Attempt;

        // Garbage: three unreadable frames are skipped and counted; the connection stays up.
        long framesBefore = stats.Frames;
        _exchange.Faults.Arm("garbage", 3);
        AwaitCondition(() => stats.GarbageFrames == 3 && stats.Frames > framesBefore + 10, Signal);
        Assert.Equal(FeedState.Streaming, stats.State);

        // Skip a sequence number: the gap detector fails the connection and RestartSource resubscribes.
        _exchange.Faults.Arm("skip", 1);
        FeedDisconnected gap = Next<FeedDisconnected>(events);
        Assert.Equal("gap", gap.Cause);
        Assert.Equal(attempt, gap.Attempt);
        attempt = Next<FeedConnected>(events, c => c.Attempt > attempt).Attempt;

        // Stall: the socket stays open but silent; the stale detector aborts it.
        _exchange.Faults.Arm("stall", 1);
        Next<FeedStaleDetected>(events);
        Assert.Equal("stale", Next<FeedDisconnected>(events).Cause);
        attempt = Next<FeedConnected>(events, c => c.Attempt > attempt).Attempt;

        // Refusal: two connects refused after a drop, then it gets through.
        _exchange.Faults.Arm("refuse", 2);
        _exchange.Faults.Arm("drop", 1);
        Assert.Equal("dropped", Next<FeedDisconnected>(events).Cause);
        Assert.Equal("refused", Next<FeedDisconnected>(events).Cause);
        Assert.Equal("refused", Next<FeedDisconnected>(events).Cause);
        Next<FeedConnected>(events, c => c.Attempt > attempt);

        FeedSnapshot s = stats.Snapshot(Sys.Scheduler.Now);
        Assert.Equal("streaming", s.State);
        Assert.Equal(4, s.Reconnects);
        Assert.Equal(1, s.StaleDetections);
        Assert.Equal(1, s.GapDetections);
        Assert.Equal(3, s.GarbageFrames);
        Assert.Equal(new FeedDisconnectCounts(Dropped: 2, Refused: 2, Stale: 1, Gap: 1, Overflow: 0, Requested: 0), s.Disconnects);
        Assert.Equal(0, s.RestartsExhausted);
        Assert.True(_exchange.Stats.Pongs > 0, "the feed pings and the exchange answers");
    }

    [Fact]
    public void RestartFeed_OperatorRequest_AbortsAndResubscribes()
    {
        using FeedsRuntime feeds = FeedsRuntime.Create(QuickOptions(_exchange.WebSocketUrl));
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe events = FeedEvents();
        runtime.Tell(new UnitMessage("feed", "ETHUSDT", StartFeed.Instance), TestActor);
        Next<FeedConnected>(events, c => c.Attempt == 1);

        runtime.Tell(new UnitMessage("feed", "ETHUSDT", RestartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>();
        Assert.True(ExpectMsg<FeedRestarted>().HadConnection);
        Assert.Equal("requested", Next<FeedDisconnected>(events).Cause);
        Next<FeedConnected>(events, c => c.Attempt == 2);
    }
}
