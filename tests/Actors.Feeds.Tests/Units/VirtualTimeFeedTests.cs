using Actors.Feeds.Configuration;
using Actors.Feeds.Failures;
using Actors.Feeds.Hosting;
using Actors.Feeds.State;
using Actors.Feeds.Tests.Support;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Health;
using Actors.Resilience.Units;
using Akka;
using Akka.Streams.Dsl;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Units;

/// <summary>
/// Feeds on virtual time (Akka.TestKit's TestScheduler): the stale detector's timer and RestartSource's backoff follow
/// <c>Advance</c>, so these scenarios take no real time. The sources are in memory.
/// </summary>
public sealed class VirtualTimeFeedTests(ITestOutputHelper output) : FeedsTestKit(output, virtualTime: true)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void StaleDetector_SocketOpenButSilent_FiresAtStaleAfterAndResubscribes()
    {
        int connects = 0;
        FeedSource source = symbol =>
        {
            Interlocked.Increment(ref connects);
            // Three frames, then an open connection that never sends again.
            return Source.From([Frames.Ticker(symbol, 1, 100m), Frames.Book(symbol, 2, 99m, 101m), Frames.Ticker(symbol, 3, 100.5m)])
                .Concat(Source.Never<string>());
        };
        var options = new FeedsOptions { StaleAfter = TimeSpan.FromSeconds(10), StaleCheckInterval = TimeSpan.FromSeconds(1), MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) };
        using FeedsRuntime feeds = FeedsRuntime.Create(options, source);
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe events = FeedEvents();
        runtime.Tell(new UnitMessage("feed", "BTCUSDT", StartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>();
        Next<FeedConnected>(events, c => c.Attempt == 1);
        FeedStats stats = feeds.Registry.For("BTCUSDT");
        AwaitCondition(() => stats.Frames == 3, Signal);

        // Nine seconds of silence: not stale yet.
        for (int i = 0; i < 9; i++)
        {
            VirtualScheduler.Advance(TimeSpan.FromSeconds(1));
        }

        events.ExpectNoMsg(Quiet);
        Assert.Equal(0, stats.StaleDetections);

        // The tenth second: stale, the connection is aborted although it never closed.
        VirtualScheduler.Advance(TimeSpan.FromSeconds(1));
        FeedStaleDetected stale = Next<FeedStaleDetected>(events);
        Assert.True(stale.SilentFor >= TimeSpan.FromSeconds(10), $"silent for {stale.SilentFor}");
        Assert.Equal("stale", Next<FeedDisconnected>(events).Cause);

        // RestartSource's backoff (1 s, jitter up to 20 %) runs on the same virtual clock.
        AdvanceUntil<FeedConnected>(events, TimeSpan.FromMilliseconds(250), 20);
        Assert.Equal(2, Volatile.Read(ref connects));
        Assert.Equal(1, stats.StaleDetections);
        Assert.Equal(1, stats.Reconnects);
    }

    [Fact]
    public void Feed_RestartsExhausted_InstanceBreakerOpensAndHealthShowsIt()
    {
        FeedSource refused = symbol => Source.Failed<string>(new FeedDisconnectedException($"feed {symbol}: connection refused") { Refused = true });
        var options = new FeedsOptions { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(4), MaxRestarts = 3, RestartWindow = TimeSpan.FromMinutes(1) };
        using FeedsRuntime feeds = FeedsRuntime.Create(options, refused);
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe events = FeedEvents();
        TestProbe units = CreateTestProbe();
        Sys.EventStream.Subscribe(units.Ref, typeof(UnitStateChanged));
        runtime.Tell(new UnitMessage("feed", "SOLUSDT", StartFeed.Instance), TestActor);
        ExpectMsg<FeedStarted>();

        // The first connect and three restarts are refused (each restart after its backoff on virtual time); then
        // the stream gives up.
        List<object> seen = AdvanceUntil<FeedGaveUp>(events, TimeSpan.FromMilliseconds(500), 60);
        FeedDisconnected[] refusals = seen.OfType<FeedDisconnected>().ToArray();
        Assert.Equal([1, 2, 3, 4], refusals.Select(d => d.Attempt));
        Assert.All(refusals, d => Assert.Equal("refused", d.Cause));
        FeedGaveUp gaveUp = (FeedGaveUp)seen[^1];
        Assert.Contains("gave up after 3 restarts", gaveUp.Message, StringComparison.Ordinal);

        // The worker's failure opens the instance's breaker (open-breaker-after = 1): never silence.
        UnitStateChanged open = (UnitStateChanged)units.FishForMessage(m => m is UnitStateChanged { Kind: "feed", Id: "SOLUSDT", State: UnitState.CircuitOpen }, Signal);
        Assert.Contains("gave up", open.Reason ?? string.Empty, StringComparison.Ordinal);
        AwaitAssert(
            () =>
            {
                VirtualScheduler.Advance(TimeSpan.FromMilliseconds(100));
                UnitInstanceHealth? instance = runtime.HealthSource.Current.Instances.FirstOrDefault(i => i.Kind == "feed" && i.Id == "SOLUSDT");
                Assert.NotNull(instance);
                Assert.Equal(UnitState.CircuitOpen, instance.State);
                Assert.True(instance.BreakerActivations >= 1);
            },
            Signal);
        FeedSnapshot s = feeds.Registry.For("SOLUSDT").Snapshot(Sys.Scheduler.Now);
        Assert.Equal("failed", s.State);
        Assert.Equal(1, s.RestartsExhausted);
        Assert.Equal(4, s.Disconnects.Refused);
    }

    /// <summary>
    /// Advances virtual time in steps until a <typeparamref name="T"/> arrives (the timer it waits for is armed on
    /// another thread, so a step may come before it is armed); returns every event received, the last being the T.
    /// </summary>
    private List<object> AdvanceUntil<T>(TestProbe probe, TimeSpan step, int maxSteps)
        where T : class
    {
        var seen = new List<object>();
        for (int i = 0; i < maxSteps; i++)
        {
            VirtualScheduler.Advance(step);
            while (probe.ReceiveOne(TimeSpan.FromMilliseconds(100)) is { } m)
            {
                seen.Add(m);
                if (m is T)
                {
                    return seen;
                }
            }
        }

        Assert.Fail($"no {typeof(T).Name} after {maxSteps} steps of {step} of virtual time; seen: {string.Join(", ", seen)}");
        return seen;
    }
}
