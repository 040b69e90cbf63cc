using Actors.Feeds.Configuration;
using Actors.Feeds.Hosting;
using Actors.Feeds.State;
using Actors.Feeds.Tests.Support;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Health;
using Actors.Resilience.Units;
using Akka.Streams.Dsl;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Units;

/// <summary>
/// A feed's tick figures in health (owner <c>feed-ticks/{symbol}</c>) on virtual time: the age of the last frame on
/// the scheduler's clock, frames, reconnects and streaming, published on the 1 s timer when they changed.
/// </summary>
public sealed class TickFiguresTests(ITestOutputHelper output) : FeedsTestKit(output, virtualTime: true)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void TickFigures_AfterFrames_PublishTicksStreamingAndAgeOnTheSchedulersClock()
    {
        FeedSource source = symbol => Source.From([Frames.Ticker(symbol, 1, 100m), Frames.Book(symbol, 2, 99m, 101m), Frames.Ticker(symbol, 3, 100.5m)])
            .Concat(Source.Never<string>());
        using FeedsRuntime feeds = FeedsRuntime.Create(new FeedsOptions { StaleAfter = TimeSpan.FromMinutes(10) }, source);
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe health = TickProbe();
        runtime.Tell(new UnitMessage("feed", "BTCUSDT", StartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>();
        FeedStats stats = feeds.Registry.For("BTCUSDT");
        AwaitCondition(() => stats.Frames == 3 && stats.State == FeedState.Streaming, Signal);

        VirtualScheduler.Advance(FeedWorker.TicksInterval);
        WorkloadCounters first = NextTicks(health, "BTCUSDT");
        Assert.Equal(3, first.Counters["ticks_total"]);
        Assert.Equal(1, first.Counters["streaming"]);
        Assert.Equal(0, first.Counters["reconnects"]);
        Assert.Equal(1000, first.Counters["tick_age_ms"]);

        // No new frame: the age grows with the scheduler's clock.
        VirtualScheduler.Advance(FeedWorker.TicksInterval);
        WorkloadCounters second = NextTicks(health, "BTCUSDT");
        Assert.Equal(2000, second.Counters["tick_age_ms"]);
        Assert.Equal(3, second.Counters["ticks_total"]);
    }

    [Fact]
    public void TickFigures_NothingChanges_PublishedOnceThenNothing()
    {
        FeedSource silent = _ => Source.Never<string>();
        using FeedsRuntime feeds = FeedsRuntime.Create(new FeedsOptions { StaleAfter = TimeSpan.FromMinutes(10) }, silent);
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe health = TickProbe();
        runtime.Tell(new UnitMessage("feed", "ETHUSDT", StartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>();

        VirtualScheduler.Advance(FeedWorker.TicksInterval);
        WorkloadCounters first = NextTicks(health, "ETHUSDT");
        Assert.Equal(0, first.Counters["ticks_total"]);
        Assert.Equal(0, first.Counters["streaming"]);
        Assert.False(first.Counters.ContainsKey("tick_age_ms"));

        VirtualScheduler.Advance(FeedWorker.TicksInterval);
        VirtualScheduler.Advance(FeedWorker.TicksInterval);
        health.ExpectNoMsg(Quiet);
    }

    private TestProbe TickProbe()
    {
        TestProbe probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(WorkloadCounters));
        return probe;
    }

    // Only the tick owner: confirm outcomes (feed/{symbol}) and other workloads are skipped.
    private static WorkloadCounters NextTicks(TestProbe probe, string symbol) =>
        (WorkloadCounters)probe.FishForMessage(m => m is WorkloadCounters c && c.Owner == $"feed-ticks/{symbol}", Signal, "waiting for the tick figures");
}
